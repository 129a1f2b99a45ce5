package dev.inkstream.standalone;

import dev.inkstream.events.Topics;
import dev.inkstream.standalone.infra.EmbeddedKafkaBroker;
import dev.inkstream.support.kafka.DeadLetterReplay;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code inkstream dlt}: lists the dead letters of the runtime in {@code --data} and, with
 * {@code --replay}, sends them back to their topics. Uses the running runtime's broker when one
 * is up on that data, else starts the broker alone for the duration of the command.
 */
final class DeadLetterCommand {

    private final Path data;
    private final List<String> topics;
    private final boolean replay;
    private final PrintStream out;

    DeadLetterCommand(Path data, List<String> topics, boolean replay, PrintStream out) {
        this.data = data;
        this.topics = topics.isEmpty() ? Topics.ALL.stream().map(Topics.Spec::name).toList() : topics;
        this.replay = replay;
        this.out = out;
    }

    int run() {
        Path kafka = data.resolve("kafka");
        Optional<String> running = EmbeddedKafkaBroker.runningAt(kafka);
        if (running.isPresent()) {
            return run(running.get());
        }
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(kafka)) {
            return run(broker.bootstrapServers());
        }
    }

    int run(String bootstrapServers) {
        DeadLetterReplay letters = new DeadLetterReplay(bootstrapServers);
        int total = 0;
        for (String topic : topics) {
            DeadLetterReplay.Pending pending = letters.pending(topic);
            total += pending.letters().size();
            out.printf("%s: %d dead letter(s) not replayed%n", pending.deadLetterTopic(), pending.letters().size());
            for (DeadLetterReplay.Letter letter : pending.letters()) {
                out.printf("  offset %d  key %s  from %s%n    %s: %s%n", letter.offset(), letter.key(),
                        letter.originalTopic(), letter.exception(), letter.message());
            }
            if (replay && !pending.letters().isEmpty()) {
                out.printf("  replayed %d to %s%n", letters.replay(topic), topic);
            }
        }
        if (!replay && total > 0) {
            out.println("After fixing the cause, send them back with: ./inkstream dlt --replay --data " + data);
        }
        return 0;
    }
}
