package io.wssgate.benchmarks.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The RESULTS.md sections and targets of two single measurements: our inbound pipeline on 1
 * and on 2 threads ({@code ScalingBenchmark}, throughput, one result file per thread count),
 * and ours validating the 50 MB request with a 512 MB heap (with the heap paid per MB of message,
 * the 10 MB request under 256 MB beside it).
 */
public final class ScalingReport {
    /** The thread counts of the multi-core benchmark. */
    public static final List<Integer> THREADS = List.of(1, 2);
    /** The heaps the 50 MB request is tried with, smallest (the target) first. */
    public static final List<String> HEAPS_50MB = List.of("512m", "768m", "1g");
    /** Ours validating the 50 MB request with {@code -Xmx512m}. */
    public static final String HEAP512 = heapFile(HEAPS_50MB.get(0));
    static final double SCALING = 1.8;
    private static final List<String> SIZES = List.of("1KB", "100KB");
    private static final double MB = 1e6;

    private ScalingReport() {
    }

    /** The result file of the 50 MB request under {@code -Xmx<heap>}. */
    public static String heapFile(String heap) {
        return "jmh-50mb-" + heap + ".json";
    }

    /** Some scenario's 50 MB request has validated under none of the heaps tried so far. */
    public static boolean unvalidated50Mb(Path results) throws IOException {
        for (String scenario : Targets.SCENARIOS) {
            if (smallestHeap(results, scenario).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** The smallest heap tried under which the scenario's 50 MB request validated, with its measurement. */
    static Optional<Map.Entry<String, Measurement>> smallestHeap(Path results, String scenario) throws IOException {
        for (String heap : HEAPS_50MB) {
            Optional<Measurement> m = JmhResults.load(results.resolve(heapFile(heap))).find("inbound", "ours", scenario,
                    "50MB");
            if (m.isPresent()) {
                return Optional.of(Map.entry(heap, m.get()));
            }
        }
        return Optional.empty();
    }

    /** The result file of the multi-core benchmark on {@code threads} threads. */
    public static String threadsFile(int threads) {
        return "jmh-threads-" + threads + ".json";
    }

    /** "2 threads at least 1.8× one thread" per scenario and size, and the 50 MB request under 512 MB. */
    public static List<Verdict> verdicts(Path results) throws IOException {
        List<Verdict> verdicts = new ArrayList<>();
        List<JmhRun> one = JmhRun.load(results.resolve(threadsFile(1)));
        List<JmhRun> two = JmhRun.load(results.resolve(threadsFile(2)));
        for (String scenario : Targets.SCENARIOS) {
            for (String size : SIZES) {
                Optional<JmhRun> single = find(one, scenario, size);
                Optional<JmhRun> dual = find(two, scenario, size);
                if (single.isEmpty() || dual.isEmpty()) {
                    continue;
                }
                Ratio r = speedup(single.get(), dual.get());
                verdicts.add(new Verdict("inbound " + scenario + " " + size + ": 2 threads at least " + SCALING
                        + "× the throughput of 1 (replay detection on)", r.toString(), r.value() >= SCALING,
                        Targets.percent(1 - r.value() / SCALING), Optional.empty()));
            }
        }
        JmhResults heap = JmhResults.load(results.resolve(HEAP512));
        for (String scenario : Targets.SCENARIOS) {
            Optional<Measurement> m = heap.find("inbound", "ours", scenario, "50MB");
            verdicts.add(new Verdict("50 MB " + scenario + " request validated under -Xmx512m",
                    m.map(x -> "validated, " + Report.time(x.nanos()) + " per message").orElse("failed (no result)"),
                    m.isPresent(), "failing", Optional.empty()));
        }
        return verdicts;
    }

    /** Throughput on two threads ÷ on one, the relative errors combined. */
    static Ratio speedup(JmhRun one, JmhRun two) {
        double ratio = two.nanos() / one.nanos();
        double relative = Math.hypot(one.nanosError() / one.nanos(), two.nanosError() / two.nanos());
        return new Ratio(ratio, ratio * relative);
    }

    public static List<String> render(Path results) throws IOException {
        List<String> md = new ArrayList<>();
        List<JmhRun> one = JmhRun.load(results.resolve(threadsFile(1)));
        List<JmhRun> two = JmhRun.load(results.resolve(threadsFile(2)));
        md.add("");
        md.add("## Multi-core: one engine on 1 and 2 threads");
        md.add("");
        if (one.isEmpty() || two.isEmpty()) {
            md.add("Not run.");
        } else {
            md.add("Our inbound pipeline in process, one engine shared by every benchmark thread, with Timestamp"
                    + " replay detection on: each operation admits a new entry into the policy's in-memory replay"
                    + " store (the same pre-signed bytes, with identifiers made unique per operation: signing a"
                    + " message costs more than validating it). Operations per second, all threads together; "
                    + one.get(0).settings() + ". On a shared machine the second core is not always free, so a"
                    + " miss here may be the machine's.");
            md.add("");
            md.add("| scenario | size | 1 thread | 2 threads | 2 threads ÷ 1 | B/op (1 thread) |");
            md.add("|---|---|---|---|---|---|");
            for (String scenario : Targets.SCENARIOS) {
                for (String size : SIZES) {
                    Optional<JmhRun> single = find(one, scenario, size);
                    Optional<JmhRun> dual = find(two, scenario, size);
                    if (single.isEmpty() || dual.isEmpty()) {
                        continue;
                    }
                    md.add("| " + scenario + " | " + size + " | " + perSecond(single.get()) + " | "
                            + perSecond(dual.get()) + " | " + speedup(single.get(), dual.get()) + " | "
                            + Report.bytes(single.get().bytes()) + " |");
                }
            }
        }
        md.add("");
        md.add("## 50 MB requests with a 512 MB heap");
        md.add("");
        JmhResults heap = JmhResults.load(results.resolve(HEAP512));
        JmhResults heap256 = JmhResults.load(results.resolve("jmh-heap256.json"));
        md.add("Ours validating a 50 MB request (Body of 50,000,000 bytes) in a JVM started with `-Xmx512m`, its"
                + " policy's `limits.max-message-size` raised to 60MB and `limits.max-elements` to 1,000,000 (the"
                + " defaults refuse it), setup proofs included. *Allocated per MB* is the bytes allocated per"
                + " operation ÷ the message's MB: what one message costs the garbage collector; the heap it needs"
                + " at once is bounded by the `-Xmx` it passed under. When 512 MB fails, the run tries " + HEAPS_50MB.subList(1,
                HEAPS_50MB.size()) + " in turn and names the smallest that validates.");
        md.add("");
        md.add("| scenario | size | heap | result | allocated per message | allocated per MB of message |");
        md.add("|---|---|---|---|---|---|");
        for (String scenario : Targets.SCENARIOS) {
            heapRow(md, heap256.find("inbound", "ours", scenario, "10MB"), scenario, "10MB", 10, "256m");
            heapRow(md, heap.find("inbound", "ours", scenario, "50MB"), scenario, "50MB", 50, HEAPS_50MB.get(0));
            Optional<Map.Entry<String, Measurement>> smallest = smallestHeap(results, scenario);
            if (smallest.isPresent() && !smallest.get().getKey().equals(HEAPS_50MB.get(0))) {
                heapRow(md, Optional.of(smallest.get().getValue()), scenario, "50MB", 50, smallest.get().getKey()
                        + " (smallest tried that validates)");
            }
        }
        return md;
    }

    private static void heapRow(List<String> md, Optional<Measurement> m, String scenario, String size, int megabytes,
                                String heap) {
        md.add("| " + scenario + " | " + size + " | " + heap + " | "
                + m.map(x -> "validated, " + Report.time(x.nanos())).orElse("**failed / not run**") + " | "
                + m.map(x -> Report.bytes(x.bytes())).orElse("–") + " | "
                + m.map(x -> String.format(Locale.ROOT, "%.1f MB", x.bytes() / MB / megabytes)).orElse("–") + " |");
    }

    private static String perSecond(JmhRun run) {
        return String.format(Locale.ROOT, "%,.0f ± %,.0f ops/s", run.nanos(), run.nanosError());
    }

    private static Optional<JmhRun> find(List<JmhRun> runs, String scenario, String size) {
        return runs.stream().filter(r -> r.param("scenario").equals(scenario) && r.param("size").equals(size))
                .findFirst();
    }
}
