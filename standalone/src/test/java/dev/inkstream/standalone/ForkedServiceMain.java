package dev.inkstream.standalone;

import dev.inkstream.ingest.IngestApplication;
import dev.inkstream.publish.PublishApplication;
import dev.inkstream.render.RenderApplication;
import java.util.Arrays;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The main class of a child JVM that {@link ForkedService} starts: one service, configured by
 * {@code --name=value} arguments as {@link LocalRuntime} configures it, with the
 * {@link KillPoints} a test asked for. Usage: {@code ForkedServiceMain <ingest|render|publish> --k=v…}.
 */
public final class ForkedServiceMain {

    public static void main(String[] args) {
        SpringApplicationBuilder application = switch (args[0]) {
            case "ingest" -> IngestApplication.application();
            case "render" -> RenderApplication.application();
            case "publish" -> PublishApplication.application();
            default -> throw new IllegalArgumentException("no service " + args[0]);
        };
        application.sources(KillPoints.class).run(Arrays.copyOfRange(args, 1, args.length));
    }

    private ForkedServiceMain() {}
}
