package io.wssgate.benchmarks.exchange;

import io.wssgate.benchmarks.MessageSize;
import io.wssgate.benchmarks.Messages;
import io.wssgate.benchmarks.Scenario;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Metro endpoint's CPU per request against its reference (the unsecured endpoint plus the
 * core alone validating and signing), measured as the CPU time of the thread that runs the
 * requests rather than elapsed time: on a machine other work keeps busy, elapsed time mostly
 * measures the waiting for a core, CPU time what a request costs. The garbage collector's
 * share is not in it, so the bytes allocated per request are shown next to it. The paths take
 * turns, batch by batch, after a warm-up long enough for the compiler, so a change in the
 * machine's load or clock falls on all of them alike; each figure is the median of its batches.
 *
 * <p>A development aid next to {@link EndpointBenchmark} (JMH, elapsed time, idle machine):
 * {@code java -cp <benchmarks' test class path> io.wssgate.benchmarks.exchange.EndpointCpu [rounds]}.
 */
public final class EndpointCpu {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private EndpointCpu() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        for (String size : List.of("1KB", "100KB")) {
            int batch = size.equals("1KB") ? 100 : 20;
            Map<String, Timed> paths = new LinkedHashMap<>();
            paths.put("unsecured", new Timed(MetroPath.unsecured(), Messages.unsecured(MessageSize.of(size))));
            for (Scenario scenario : Scenario.values()) {
                byte[] signed = Messages.signed(scenario, MessageSize.of(size));
                paths.put("metro " + scenario, new Timed(new MetroPath(scenario), signed));
                paths.put("core " + scenario, new Timed(new PipelinePath(scenario, true), signed));
            }
            for (int round = -30; round < rounds; round++) {
                for (Timed path : paths.values()) {
                    path.batch(batch, round >= 0); // the first rounds only warm up
                }
            }
            Timed unsecured = paths.get("unsecured");
            for (Scenario scenario : Scenario.values()) {
                Timed metro = paths.get("metro " + scenario);
                Timed core = paths.get("core " + scenario);
                System.out.printf(Locale.ROOT, "%-8s %-6s metro %8.1f µs %7.0f KB | unsecured %7.1f µs %6.0f KB"
                                + " | core %8.1f µs %6.0f KB | metro ÷ (unsecured + core) %.2f×%n",
                        scenario, size, metro.median(), metro.kilobytes(), unsecured.median(), unsecured.kilobytes(),
                        core.median(), core.kilobytes(), metro.median() / (unsecured.median() + core.median()));
            }
        }
        System.exit(0); // Metro's and the replay cache's threads
    }

    /** One path and its request, with the CPU microseconds per request of each measured batch. */
    private static final class Timed {
        private final ExchangePath path;
        private final byte[] request;
        private final List<Double> micros = new ArrayList<>();
        private final List<Double> bytes = new ArrayList<>();

        Timed(ExchangePath path, byte[] request) throws Exception {
            this.path = path;
            this.request = request;
            String answer = new String(path.exchange(request), java.nio.charset.StandardCharsets.UTF_8);
            if (!answer.contains("accepted")) {
                throw new IllegalStateException("the path did not answer the acknowledgement: " + answer);
            }
        }

        void batch(int requests, boolean measured) throws Exception {
            long allocated = THREADS.getCurrentThreadAllocatedBytes();
            long start = THREADS.getCurrentThreadCpuTime();
            for (int i = 0; i < requests; i++) {
                path.exchange(request);
            }
            if (measured) {
                micros.add((THREADS.getCurrentThreadCpuTime() - start) / 1e3 / requests);
                bytes.add((THREADS.getCurrentThreadAllocatedBytes() - allocated) / (double) requests);
            }
        }

        double median() {
            return median(micros);
        }

        double kilobytes() {
            return median(bytes) / 1024;
        }

        private static double median(List<Double> values) {
            List<Double> sorted = values.stream().sorted().toList();
            return sorted.get(sorted.size() / 2);
        }
    }
}
