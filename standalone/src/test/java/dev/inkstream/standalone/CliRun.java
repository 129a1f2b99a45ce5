package dev.inkstream.standalone;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** Runs an {@code ./inkstream} command in this JVM and captures what it printed, both streams. */
record CliRun(int exit, String output) {

    static CliRun of(String command, String... args) {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream out = System.out;
        PrintStream err = System.err;
        PrintStream both = new PrintStream(captured, true, StandardCharsets.UTF_8);
        System.setOut(both);
        System.setErr(both);
        try {
            String[] all = new String[args.length + 1];
            all[0] = command;
            System.arraycopy(args, 0, all, 1, args.length);
            int exit = new CommandLine(new InkstreamCli()).execute(all);
            return new CliRun(exit, captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }
}
