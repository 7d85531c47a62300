package io.wssgate.benchmarks.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A JVM of this class path started on one core ({@link Pinning}), its standard error to a log
 * file. Closing it closes its standard input (the servers stop at its end) and, if it has not
 * exited within 20 seconds, kills it: no JVM outlives the run that started it.
 */
final class PinnedJvm implements AutoCloseable {
    private final Process process;
    private final BufferedReader out;
    private final Path log;

    private PinnedJvm(Process process, Path log) {
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.log = log;
    }

    static PinnedJvm start(List<String> pinnedOn, List<String> flags, Class<?> main, List<String> args, Path log)
            throws IOException {
        List<String> command = new ArrayList<>(pinnedOn);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(flags);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(args);
        return new PinnedJvm(new ProcessBuilder(command).redirectError(log.toFile()).start(), log);
    }

    /** The first line it prints, e.g. a server's {@code PORT <n>}; fails with its log when it exits first. */
    String firstLine() throws IOException {
        String line = out.readLine();
        if (line == null) {
            throw new IOException("the JVM exited before it was ready:\n" + logTail());
        }
        return line;
    }

    /** Waits for it to end by itself; its exit code, or fails (and kills it) after {@code limit}. */
    int await(Duration limit) throws IOException, InterruptedException {
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IOException("the JVM did not finish within " + limit + ":\n" + logTail());
        }
        return process.exitValue();
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws IOException {
        process.getOutputStream().close();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
