package io.wssgate.testing;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Runs a main class of the test class path in a fresh JVM whose class path leaves some jars
 * out, the way an application that lacks them would run: e.g. without an SLF4J provider, or
 * without an OpenSAML module. Returns what it printed (stdout and stderr together).
 */
public final class ChildJvm {
    private ChildJvm() {
    }

    public static String run(Class<?> main, Predicate<String> leaveOut, String... args) throws Exception {
        return run(main, leaveOut, List.of(), List.of(), args);
    }

    /**
     * The same with {@code extraClassPath} (jars the tests' own class path leaves out, e.g. another
     * SLF4J provider) added after the rest, and {@code jvmOptions} (e.g. {@code -Dname=value}).
     */
    public static String run(Class<?> main, Predicate<String> leaveOut, List<String> extraClassPath, List<String> jvmOptions,
                             String... args) throws Exception {
        // surefire runs tests from a manifest-only jar; this property has the real class path
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> entries = Arrays.stream(classPath.split(File.pathSeparator)).filter(e -> !e.isBlank()).toList();
        if (entries.stream().noneMatch(leaveOut)) {
            throw new IllegalStateException("nothing to leave out of the class path " + entries);
        }
        List<String> kept = new ArrayList<>(entries.stream().filter(leaveOut.negate()).toList());
        kept.addAll(extraClassPath);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", String.join(File.pathSeparator, kept), main.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("child JVM did not finish");
        }
        return new String(output, StandardCharsets.UTF_8);
    }

    /** How a bounded child JVM ended: its exit code (-1 if it was killed), what it printed, whether it ran out of time. */
    public record Exit(int code, String output, boolean timedOut) {
    }

    /**
     * Runs {@code main} with the whole test class path (plus {@code jvmOptions}) for at most
     * {@code limit}, then kills it: for programs that must end by themselves, e.g. refuse to start.
     */
    public static Exit runBounded(Class<?> main, List<String> jvmOptions, Duration limit, String... args) throws Exception {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classPath, main.getName()));
        command.addAll(List.of(args));
        Path log = Files.createTempFile("child-jvm", ".log");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            boolean ended = process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
            if (!ended) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
            return new Exit(ended ? process.exitValue() : -1, Files.readString(log, StandardCharsets.UTF_8), !ended);
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
