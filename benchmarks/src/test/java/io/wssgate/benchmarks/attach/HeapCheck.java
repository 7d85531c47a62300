package io.wssgate.benchmarks.attach;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Whether one system validates one request at all in the heap its JVM was started with (run by
 * {@link RunAttachments} with {@code -Xmx128m}): validates it twice and prints one line,
 * {@code validated <ms of the second>} or {@code failed <what was thrown>}; exits 0 or 1.
 * Arguments: system, format, size; the directory is {@code -Dwssgate.bench.attachments}.
 */
public final class HeapCheck {
    private HeapCheck() {
    }

    public static void main(String[] args) {
        try (AttachmentBenchmark.AttachmentSystem system = AttachmentBenchmark.create(args[0], AttachmentMessages.dir(),
                args[1], args[2])) {
            system.validate();
            long start = System.nanoTime();
            system.validate();
            System.out.printf(java.util.Locale.ROOT, "validated %.1f%n", (System.nanoTime() - start) / 1e6);
        } catch (Throwable e) {
            // an OutOfMemoryError is the answer, not a crash: say it and stop
            System.out.println("failed " + e.toString().replace('\n', ' '));
            System.exit(1);
        }
        System.exit(0);
    }

    /** Runs the check in a JVM of its own with {@code heap}; the line it printed, or why it printed none. */
    static String run(Path messages, String heap, String system, String format, String size) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Path output = Files.createTempFile("wssgate-heap-check-", ".txt");
        try {
            Process process = new ProcessBuilder(java, "-Xmx" + heap,
                    "-D" + AttachmentMessages.DIR_PROPERTY + "=" + messages, "-cp", System.getProperty("java.class.path"),
                    HeapCheck.class.getName(), system, format, size)
                    .redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly().waitFor();
                return "failed: no answer within 5 minutes";
            }
            List<String> lines = Files.readAllLines(output);
            return lines.stream().filter(l -> l.startsWith("validated ") || l.startsWith("failed ")).reduce((a, b) -> b)
                    .orElse("failed: exit " + process.exitValue() + " without an answer");
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
