package io.wssgate.testing;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Runs a main class of the test class path in a fresh JVM whose class path leaves some jars
 * out, the way an application that lacks them would run: e.g. without an SLF4J provider, or
 * without an OpenSAML module. Returns what it printed (stdout and stderr together).
 */
public final class ChildJvm {
    private ChildJvm() {
    }

    public static String run(Class<?> main, Predicate<String> leaveOut, String... args) throws Exception {
        // surefire runs tests from a manifest-only jar; this property has the real class path
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> entries = Arrays.stream(classPath.split(File.pathSeparator)).filter(e -> !e.isBlank()).toList();
        if (entries.stream().noneMatch(leaveOut)) {
            throw new IllegalStateException("nothing to leave out of the class path " + entries);
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", entries.stream().filter(leaveOut.negate()).collect(Collectors.joining(File.pathSeparator)),
                main.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("child JVM did not finish");
        }
        return new String(output, StandardCharsets.UTF_8);
    }
}
