package io.wssgate.benchmarks.e2e;

import com.sun.management.OperatingSystemMXBean;
import io.wssgate.benchmarks.report.Json;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The load generator, in a JVM of its own on its own core: warms the server up at the highest
 * concurrency, then for each concurrency settles and measures a window, reading the server's
 * {@code /stats} (its process CPU time) just before and after the window and its own CPU time
 * likewise. Writes the windows as JSON. Arguments: port, request path, pool file, secured
 * (true/false), concurrencies (comma-separated), warm-up, settle and measure milliseconds, output file.
 */
public final class LoadGenerator {
    private static final OperatingSystemMXBean OS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private LoadGenerator() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        MessagePool pool = MessagePool.map(Path.of(args[2]));
        boolean secured = Boolean.parseBoolean(args[3]);
        List<Integer> concurrencies = Arrays.stream(args[4].split(",")).map(Integer::valueOf).toList();
        Duration warmUp = Duration.ofMillis(Long.parseLong(args[5]));
        Duration settle = Duration.ofMillis(Long.parseLong(args[6]));
        Duration measure = Duration.ofMillis(Long.parseLong(args[7]));
        ClosedLoop loop = new ClosedLoop(port, args[1], pool, secured);
        Shares shares = new Shares(secured ? pool.size() : Integer.MAX_VALUE,
                warmUp.toMillis() + concurrencies.size() * (settle.toMillis() + measure.toMillis()));

        int max = concurrencies.stream().mapToInt(Integer::intValue).max().orElse(1);
        ClosedLoop.Outcome warm = loop.run(max, warmUp, shares.from(), shares.next(warmUp));
        failOnErrors(warm, "warm-up");
        List<Map<String, Object>> windows = new ArrayList<>();
        try (HttpConnection stats = new HttpConnection(port)) {
            for (int concurrency : concurrencies) {
                failOnErrors(loop.run(concurrency, settle, shares.from(), shares.next(settle)), "settling");
                Map<String, Object> before = stats(stats);
                long clientBefore = OS.getProcessCpuTime();
                ClosedLoop.Outcome window = loop.run(concurrency, measure, shares.from(), shares.next(measure));
                long clientCpu = OS.getProcessCpuTime() - clientBefore;
                Map<String, Object> after = stats(stats);
                windows.add(window(concurrency, window, before, after, clientCpu));
            }
        }
        Files.writeString(Path.of(args[8]), Json.write(Map.of("windows", windows, "poolSize", pool.size(),
                "messageBytes", pool.length(0))));
        for (Map<String, Object> w : windows) {
            if (Json.number(w.get("errors")) > 0) {
                System.err.println("ERRORS at concurrency " + w.get("concurrency") + ": " + w.get("firstError"));
                System.exit(3);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> stats(HttpConnection connection) throws java.io.IOException {
        return (Map<String, Object>) Json.parse(connection.get(E2eServer.CONTEXT + "/stats").text());
    }

    private static Map<String, Object> window(int concurrency, ClosedLoop.Outcome o, Map<String, Object> before,
                                              Map<String, Object> after, long clientCpu) {
        double serverCpu = Json.number(after.get("cpuNanos")) - Json.number(before.get("cpuNanos"));
        long requests = Math.max(1, o.requests());
        Map<String, Object> w = new LinkedHashMap<>();
        w.put("concurrency", (double) concurrency);
        w.put("requests", (double) o.requests());
        w.put("errors", (double) o.errors());
        w.put("seconds", o.seconds());
        w.put("perSecond", o.requests() / o.seconds());
        w.put("p50Ms", o.percentileMillis(0.50));
        w.put("p99Ms", o.percentileMillis(0.99));
        w.put("serverCpuNsPerRequest", serverCpu / requests);
        w.put("serverCpuShare", serverCpu / 1e9 / o.seconds());
        w.put("serverGcs", Json.number(after.get("gcCount")) - Json.number(before.get("gcCount")));
        w.put("clientCpuNsPerRequest", (double) clientCpu / requests);
        w.put("clientCpuShare", clientCpu / 1e9 / o.seconds());
        w.put("poolUsedUp", o.poolUsedUp());
        if (o.firstError() != null) {
            w.put("firstError", o.firstError());
        }
        return w;
    }

    /** Unexpected answers end the run at once: a figure from a server that refuses requests means nothing. */
    private static void failOnErrors(ClosedLoop.Outcome o, String phase) {
        if (o.errors() > 0) {
            System.err.println("ERRORS while " + phase + " (" + o.errors() + "): " + o.firstError());
            System.exit(3);
        }
    }

    /**
     * Each phase's share of a pool of distinct messages, in proportion to its duration; a pool of
     * one repeated message has no end.
     */
    private static final class Shares {
        private final long messages;
        private final long totalMillis;
        private long at;

        Shares(long messages, long totalMillis) {
            this.messages = messages;
            this.totalMillis = totalMillis;
        }

        int from() {
            return messages == Integer.MAX_VALUE ? 0 : (int) at;
        }

        int next(Duration phase) {
            if (messages == Integer.MAX_VALUE) {
                return Integer.MAX_VALUE;
            }
            at = Math.min(messages, at + messages * phase.toMillis() / totalMillis);
            return (int) at;
        }
    }
}
