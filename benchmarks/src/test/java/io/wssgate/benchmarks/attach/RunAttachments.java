package io.wssgate.benchmarks.attach;

import io.wssgate.benchmarks.report.AttachmentReport;
import io.wssgate.benchmarks.report.Json;
import io.wssgate.benchmarks.report.ResultsReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The attachment benchmarks ({@link AttachmentBenchmark}), a part of {@code RunAll} and runnable
 * alone: writes the signed requests in a JVM of its own with a large heap (signing 100 MB as a
 * sender needs far more than the receivers get), checks in a fresh {@code -Xmx128m} JVM per
 * system and format whether it validates the largest request at all ({@link HeapCheck}), then
 * times every system, format and size in JMH forks limited to {@code -Xmx128m} with the GC
 * profiler (bytes allocated per message). A system that failed the heap check is not timed at
 * that size. Results: {@code jmh-attachments-<size>.json}, {@link AttachmentReport#HEAP} and
 * {@link AttachmentReport#RUN}; the requests (hundreds of MB) are deleted after.
 *
 * <p>Alone: {@code RunAttachments full|smoke <module-dir>} (full: into {@code results/}, then
 * RESULTS.md is rewritten; smoke: into {@code target/smoke/}, with a RESULTS.md there).
 */
public final class RunAttachments {
    static final List<String> SYSTEMS = List.of("ours", "floor", "wss4j");
    static final List<String> FORMATS = List.of("SWA", "MTOM");
    /** The heap every validating JVM gets (issue 13). */
    static final String HEAP = "128m";

    private final boolean full;
    private final Path results;
    private final Path messages;

    private RunAttachments(boolean full, Path results, Path module) {
        this.full = full;
        this.results = results;
        this.messages = module.resolve("target/attachment-messages");
    }

    public static void main(String[] args) throws Exception {
        boolean full = "full".equals(args[0]);
        Path module = Path.of(args[1]).toAbsolutePath();
        Path results = Files.createDirectories(full ? module.resolve("results") : module.resolve("target/smoke"));
        run(full, results, module);
        Path report = full ? module.resolve("RESULTS.md") : results.resolve("RESULTS.md");
        ResultsReport.write(results, report);
        System.out.println("Wrote " + report);
    }

    /**
     * Full: 10 MB and 100 MB timed, the heap check at 100 MB (about 7 minutes on 2 cores). Smoke:
     * 1 MB timed with one short iteration, the heap check at 10 MB (about 2 minutes).
     */
    public static void run(boolean full, Path results, Path module) throws Exception {
        new RunAttachments(full, results, module).run();
    }

    private void run() throws Exception {
        List<String> timed = full ? List.of("10MB", "100MB") : List.of("1MB");
        String largest = full ? "100MB" : "10MB";
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("started", now());
        run.put("loadStart", load());
        try {
            List<String> sizes = new ArrayList<>(timed);
            if (!sizes.contains(largest)) {
                sizes.add(largest);
            }
            writeMessages(sizes);
            List<Map<String, Object>> heap = heapChecks(largest);
            Files.writeString(results.resolve(AttachmentReport.HEAP), Json.write(heap));
            for (String size : timed) {
                List<String> systems = SYSTEMS.stream().filter(s -> !size.equals(largest) || heap.stream()
                        .anyMatch(h -> h.get("system").equals(s) && h.get("result").toString().startsWith("validated"))
                        || s.equals("floor")).toList();
                jmh(size, systems);
            }
        } finally {
            deleteMessages();
        }
        run.put("loadEnd", load());
        run.put("finished", now());
        run.put("heap", "-Xmx" + HEAP);
        Files.writeString(results.resolve(AttachmentReport.RUN), Json.write(run));
    }

    /** In a JVM of its own with a large heap, so this one (and its JMH forks) stays small. */
    private void writeMessages(List<String> sizes) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx3g", "-cp", System.getProperty("java.class.path"),
                AttachmentMessages.class.getName(), messages.toString()));
        command.addAll(sizes);
        Process writer = new ProcessBuilder(command).inheritIO().start();
        if (!writer.waitFor(10, TimeUnit.MINUTES) || writer.exitValue() != 0) {
            writer.destroyForcibly();
            throw new IllegalStateException("writing the attachment requests failed");
        }
    }

    private List<Map<String, Object>> heapChecks(String size) throws Exception {
        List<Map<String, Object>> checks = new ArrayList<>();
        for (String format : FORMATS) {
            for (String system : List.of("ours", "wss4j")) {
                String result = HeapCheck.run(messages, HEAP, system, format, size);
                System.out.printf("-Xmx%s %-5s %-4s %-6s %s%n", HEAP, system, format, size, result);
                Map<String, Object> check = new LinkedHashMap<>();
                check.put("system", system);
                check.put("format", format);
                check.put("size", size);
                check.put("result", result);
                checks.add(check);
            }
        }
        return checks;
    }

    private void jmh(String size, List<String> systems) throws Exception {
        new Runner(new OptionsBuilder()
                .include("io\\.wssgate\\.benchmarks\\.attach\\.AttachmentBenchmark\\..*")
                .param("size", size).param("system", systems.toArray(String[]::new))
                .param("format", FORMATS.toArray(String[]::new))
                .forks(1)
                .warmupIterations(full ? 2 : 1).warmupTime(full ? TimeValue.seconds(3) : TimeValue.milliseconds(200))
                .measurementIterations(full ? 3 : 1)
                .measurementTime(full ? TimeValue.seconds(5) : TimeValue.milliseconds(200))
                .addProfiler(GCProfiler.class)
                .jvmArgs("-Xmx" + HEAP, "-D" + AttachmentMessages.DIR_PROPERTY + "=" + messages)
                .shouldFailOnError(false)
                .resultFormat(ResultFormatType.JSON)
                .result(results.resolve(AttachmentReport.RESULTS_PREFIX + size + ".json").toString())
                .build()).run();
    }

    private void deleteMessages() throws IOException {
        if (Files.isDirectory(messages)) {
            try (Stream<Path> files = Files.list(messages)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
