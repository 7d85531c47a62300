package io.wssgate.benchmarks;

import io.wssgate.benchmarks.attach.RunAttachments;
import io.wssgate.benchmarks.e2e.E2ePlan;
import io.wssgate.benchmarks.e2e.EndToEnd;
import io.wssgate.benchmarks.report.ExchangeReport;
import io.wssgate.benchmarks.report.JmhResults;
import io.wssgate.benchmarks.report.Json;
import io.wssgate.benchmarks.report.Measurement;
import io.wssgate.benchmarks.report.ResultsReport;
import io.wssgate.benchmarks.report.ScalingReport;
import io.wssgate.benchmarks.report.Targets;
import io.wssgate.benchmarks.report.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.profile.StackProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Everything {@code benchmarks/run.sh} runs, in order, then RESULTS.md:
 * <ol>
 * <li>every system, direction and scenario at 1 KB and 100 KB;</li>
 * <li>the same at 10 MB, with fewer, longer iterations (one operation takes up to seconds);</li>
 * <li>every system validating the 10 MB request with {@code -Xmx256m}, and ours the 50 MB
 * request with {@code -Xmx512m};</li>
 * <li>our inbound pipeline on 1 and on 2 threads (replay detection on);</li>
 * <li>the exchange benchmarks: the JAX-WS endpoint path and the filter path in process
 * ({@code io.wssgate.benchmarks.exchange}) at 1 KB and 100 KB;</li>
 * <li>the attachment benchmarks ({@link RunAttachments}: SwA and MTOM at 10 MB and 100 MB in JVMs
 * with {@code -Xmx128m}, in its own JVMs);</li>
 * <li>a stack profile of our side of each missed target;</li>
 * <li>HTTP end to end ({@link EndToEnd}): each server variant and its load generator in JVMs
 * of their own, pinned to a core each (last: a wrong answer fails the run once everything,
 * RESULTS.md included, is written).</li>
 * </ol>
 * Arguments: {@code full} (writes {@code results/} and {@code RESULTS.md}), {@code smoke}
 * (tiny iterations, writes under {@code target/smoke}, to check the harness end to end),
 * {@code exchange} (only step 4, full iterations: replaces the exchange results in
 * {@code results/} and rewrites RESULTS.md, leaving every other result as it was), {@code http}
 * (only step 6, likewise) or
 * {@code report} (only rewrites RESULTS.md from {@code results/}, e.g. after editing
 * {@code results/NOTES.md}), and the module directory.
 */
public final class RunAll {
    private static final String ALL = "io\\.wssgate\\.benchmarks\\.(Inbound|Outbound)Benchmark\\..*";
    private static final String INBOUND = "io\\.wssgate\\.benchmarks\\.InboundBenchmark\\..*";
    private static final String SCALING = "io\\.wssgate\\.benchmarks\\.ScalingBenchmark\\..*";
    private static final String EXCHANGE = "io\\.wssgate\\.benchmarks\\.exchange\\.(Endpoint|Filter)Benchmark\\..*";
    private static final int MAX_PROFILES = 3;


    private final boolean full;
    private final Path results;
    private final Path module;

    private RunAll(boolean full, Path results, Path module) {
        this.full = full;
        this.results = results;
        this.module = module;
    }

    public static void main(String[] args) throws Exception {
        Path module = Path.of(args[1]).toAbsolutePath();
        if ("report".equals(args[0])) {
            ResultsReport.write(module.resolve("results"), module.resolve("RESULTS.md"));
            return;
        }
        if ("http".equals(args[0])) {
            Path results = module.resolve("results");
            Files.createDirectories(results);
            Files.deleteIfExists(results.resolve(EndToEnd.RESULTS));
            try {
                EndToEnd.run(E2ePlan.full(), Files.createTempDirectory("wssgate-e2e"), results.resolve(EndToEnd.RESULTS));
            } finally {
                ResultsReport.write(results, module.resolve("RESULTS.md"));
                System.out.println("Wrote " + module.resolve("RESULTS.md"));
            }
            return;
        }
        if ("exchange".equals(args[0])) {
            Path results = module.resolve("results");
            Files.createDirectories(results);
            Files.deleteIfExists(results.resolve(ExchangeReport.RESULTS));
            Files.deleteIfExists(results.resolve(ExchangeReport.RUN));
            new RunAll(true, results, module).exchange(true);
            ResultsReport.write(results, module.resolve("RESULTS.md"));
            System.out.println("Wrote " + module.resolve("RESULTS.md"));
            return;
        }
        boolean full = "full".equals(args[0]);
        Path results = full ? module.resolve("results") : module.resolve("target/smoke");
        Files.createDirectories(results);
        try (var old = Files.list(results)) {
            // kept: NOTES.md (written by hand), the load test's reports (benchmarks/load.sh writes
            // load-<date>.*, this run does not) and directories (the exchange baseline)
            for (Path p : old.filter(p -> !keptAcrossRuns(p)).toList()) {
                Files.delete(p);
            }
        }
        Path report = full ? module.resolve("RESULTS.md") : results.resolve("RESULTS.md");
        try {
            new RunAll(full, results, module).run();
        } finally {
            // also when the end-to-end run got a wrong answer: RESULTS.md then says which, and the run fails
            ResultsReport.write(results, report);
            System.out.println("Wrote " + report);
        }
    }

    private static boolean keptAcrossRuns(Path file) {
        String name = file.getFileName().toString();
        return name.equals("NOTES.md") || name.startsWith("load-") || Files.isDirectory(file);
    }

    private void run() throws Exception {
        Map<String, Object> machine = MachineInfo.describe();
        machine.put("started", now());
        machine.put("loadStart", MachineInfo.load());
        jmh(ALL, "jmh-main.json", List.of("1KB", "100KB"), List.of(), iterations(3, 2, 4, 2), "-Xmx3g");
        jmh(ALL, "jmh-large.json", List.of("10MB"), List.of(), iterations(1, 3, 3, 3), "-Xmx3g");
        jmh(INBOUND, "jmh-heap256.json", List.of("10MB"), List.of(), iterations(1, 2, 2, 2), "-Xmx256m");
        // one operation takes seconds: longer iterations, and only ours (the limits are raised for it
        // alone); signed here, since signing 50 MB takes more heap than validating it
        List<String> prepared = Messages.prepare(MessageSize.MB_50, Files.createTempDirectory("wssgate-bench-50mb"));
        for (String heap : ScalingReport.HEAPS_50MB) {
            // the target is 512 MB; a larger heap runs only when the smaller one failed, to find the smallest that validates
            if (heap.equals(ScalingReport.HEAPS_50MB.get(0)) || ScalingReport.unvalidated50Mb(results)) {
                jmh(INBOUND, ScalingReport.heapFile(heap), List.of("50MB"), List.of("ours"), iterations(1, 5, 1, 5),
                        Stream.concat(Stream.of("-Xmx" + heap), prepared.stream()).toArray(String[]::new));
            }
        }
        for (int threads : ScalingReport.THREADS) {
            jmh(SCALING, ScalingReport.threadsFile(threads), List.of("1KB", "100KB"), List.of(), iterations(3, 2, 3, 2), threads,
                    "-Xmx3g");
        }
        exchange(false);
        RunAttachments.run(full, results, module);
        profileMissedTargets();
        try {
            // last: it fails the run (after writing its results) if any server answered wrongly
            EndToEnd.run(full ? E2ePlan.full() : E2ePlan.smoke(), Files.createTempDirectory("wssgate-e2e"),
                    results.resolve(EndToEnd.RESULTS));
        } finally {
            machine.put("loadEnd", MachineInfo.load());
            machine.put("finished", now());
            Files.writeString(results.resolve("machine.json"), Json.write(machine));
        }
    }

    /**
     * The exchange benchmarks, with a record of when they ran, on which commit and how busy the
     * machine was, so that RESULTS.md can set them against a baseline run of other code.
     */
    private void exchange(boolean longWarmUp) throws Exception {
        Map<String, Object> run = MachineInfo.describe();
        run.put("commit", MachineInfo.commit(module));
        run.put("started", now());
        run.put("loadStart", MachineInfo.load());
        // alone (run.sh exchange), a longer warm-up than the comparison benchmarks: code that runs
        // once per request (the handler, Metro's tubeline, JAXB, SAAJ) only reaches C2 after
        // thousands of requests, and a JAX-WS path at 1 KB still got faster for about 30 s on the
        // 2 shared cores; within a full run 4 x 3 s, so that the whole run stays within the hour
        TimeValue[] iterations = longWarmUp ? iterations(8, 4, 5, 3) : iterations(4, 3, 3, 3);
        jmh(EXCHANGE, ExchangeReport.RESULTS, List.of("1KB", "100KB"), List.of(), iterations, "-Xmx3g");
        run.put("loadEnd", MachineInfo.load());
        run.put("finished", now());
        Files.writeString(results.resolve(ExchangeReport.RUN), Json.write(run));
    }

    /** Iteration counts and seconds for a full run; a smoke run does one short iteration of each. */
    private TimeValue[] iterations(int warmups, int warmupSeconds, int measurements, int measurementSeconds) {
        return full
                ? new TimeValue[] {TimeValue.seconds(warmups), TimeValue.seconds(warmupSeconds),
                        TimeValue.seconds(measurements), TimeValue.seconds(measurementSeconds)}
                : new TimeValue[] {TimeValue.seconds(1), TimeValue.milliseconds(200), TimeValue.seconds(1),
                        TimeValue.milliseconds(200)};
    }

    private Collection<RunResult> jmh(String include, String resultFile, List<String> sizes, List<String> only,
                                      TimeValue[] iterations, String... jvmArgs) throws Exception {
        return jmh(include, resultFile, sizes, only, iterations, 1, jvmArgs);
    }

    private Collection<RunResult> jmh(String include, String resultFile, List<String> sizes, List<String> only,
                                      TimeValue[] iterations, int threads, String... jvmArgs) throws Exception {
        ChainedOptionsBuilder options = new OptionsBuilder().include(include)
                .param("size", sizes.toArray(String[]::new))
                .forks(1).threads(threads)
                .warmupIterations((int) iterations[0].getTime()).warmupTime(iterations[1])
                .measurementIterations((int) iterations[2].getTime()).measurementTime(iterations[3])
                .addProfiler(GCProfiler.class)
                .jvmArgs(jvmArgs)
                .shouldFailOnError(false)
                .resultFormat(ResultFormatType.JSON).result(results.resolve(resultFile).toString());
        if (!only.isEmpty()) {
            options.param("system", only.toArray(String[]::new));
        }
        return new Runner(options.build()).run();
    }

    /** Profiles our benchmark behind each missed target (at most a few, 100 KB first: the reference size). */
    private void profileMissedTargets() throws Exception {
        List<Measurement> timed = new ArrayList<>(JmhResults.load(results.resolve("jmh-main.json")).measurements());
        timed.addAll(JmhResults.load(results.resolve("jmh-large.json")).measurements());
        Set<Verdict.ProfileKey> keys = new LinkedHashSet<>();
        // the HTTP targets have no JMH benchmark to profile
        List<Verdict> missed = Targets.evaluate(timed, JmhResults.load(results.resolve("jmh-heap256.json")), null)
                .stream().filter(v -> !v.met() && v.profile().isPresent()).toList();
        missed.stream().filter(v -> v.profile().get().size().equals("100KB")).forEach(v -> keys.add(v.profile().get()));
        missed.forEach(v -> keys.add(v.profile().get()));
        for (Verdict.ProfileKey key : keys.stream().limit(full ? MAX_PROFILES : 1).toList()) {
            String benchmark = key.direction().equals("inbound") ? INBOUND
                    : "io\\.wssgate\\.benchmarks\\.OutboundBenchmark\\..*";
            TimeValue[] it = iterations(2, 2, 3, 2);
            Collection<RunResult> runs = new Runner(new OptionsBuilder().include(benchmark)
                    .param("system", "ours").param("scenario", key.scenario()).param("size", key.size())
                    .forks(1).warmupIterations((int) it[0].getTime()).warmupTime(it[1])
                    .measurementIterations((int) it[2].getTime()).measurementTime(it[3])
                    .addProfiler(StackProfiler.class, "lines=1;top=15;detailLine=false")
                    .jvmArgs("-Xmx3g").shouldFailOnError(false).build()).run();
            for (RunResult run : runs) {
                for (Map.Entry<String, Result> secondary : run.getSecondaryResults().entrySet()) {
                    if (secondary.getKey().contains("stack")) {
                        Files.writeString(results.resolve(key.fileName()), secondary.getValue().extendedInfo());
                    }
                }
            }
        }
    }

    private static String now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
