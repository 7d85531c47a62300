package io.wssgate.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What RESULTS.md says about the machine: CPU model, cores, memory, OS and the load around the run. */
public final class MachineInfo {
    private MachineInfo() {
    }

    public static Map<String, Object> describe() {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cpu", procField("/proc/cpuinfo", "model name"));
        machine.put("cores", String.valueOf(Runtime.getRuntime().availableProcessors()));
        machine.put("memory", memory());
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        return machine;
    }

    /** The 1/5/15-minute load averages: how busy the shared machine was. */
    public static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    /**
     * The commit of the checkout the module is in (12-digit hash), with {@code -dirty} when code
     * outside the module's results has uncommitted changes, so a result names the code it
     * measured; "unknown" outside a git checkout.
     */
    public static String commit(Path module) {
        String head = git(module, "rev-parse", "--short=12", "HEAD");
        if (head.isEmpty()) {
            return "unknown";
        }
        String changes = git(module, "status", "--porcelain", "--", "..", ":(exclude)results", ":(exclude)RESULTS.md");
        return changes.isEmpty() ? head : head + "-dirty";
    }

    private static String git(Path directory, String... arguments) {
        List<String> command = new java.util.ArrayList<>(List.of("git", "-C", directory.toString()));
        command.addAll(List.of(arguments));
        try {
            Process git = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(git.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
            return git.waitFor() == 0 ? out : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** MemTotal in GiB. */
    private static String memory() {
        String kib = procField("/proc/meminfo", "MemTotal").replace("kB", "").trim();
        try {
            return String.format(java.util.Locale.ROOT, "%.1f GiB", Long.parseLong(kib) / (1024.0 * 1024.0));
        } catch (NumberFormatException e) {
            return kib;
        }
    }

    private static String procField(String file, String field) {
        try {
            List<String> lines = Files.readAllLines(Path.of(file));
            return lines.stream().filter(l -> l.startsWith(field)).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
