package io.wssgate.examples.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The server's log file (slf4j-simple's {@code org.slf4j.simpleLogger.logFile}), read for the
 * reason WSS Gate logged under a fault's correlation id: the client only ever sees the generic
 * fault text, the operator finds the real reason by the id.
 */
final class ServerLog {
    static final String LOG_FILE_PROPERTY = "org.slf4j.simpleLogger.logFile";
    private static final int MAX_REASON = 110;

    private final Optional<Path> file;

    private ServerLog(Optional<Path> file) {
        this.file = file;
    }

    /** The file named by the system property, unless the log goes to the console. */
    static ServerLog fromSystemProperty() {
        String name = System.getProperty(LOG_FILE_PROPERTY);
        return new ServerLog(name == null || name.startsWith("System.") ? Optional.empty() : Optional.of(Path.of(name)));
    }

    Optional<Path> file() {
        return file;
    }

    /** "fault=FailedCheck: the reason" of the line {@code WS-Security rejected message [<id>] policy=... fault=...}. */
    Optional<String> reasonFor(String correlationId) {
        if (file.isEmpty() || !Files.isRegularFile(file.get())) {
            return Optional.empty();
        }
        try {
            return Files.readAllLines(file.get(), StandardCharsets.UTF_8).stream()
                    .filter(line -> line.contains("[" + correlationId + "]"))
                    .map(line -> shorten(line.substring(Math.max(0, line.indexOf("fault=")))))
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Some reasons quote a whole signature value; the report only needs its start. */
    private static String shorten(String reason) {
        return reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON) + "...";
    }
}
