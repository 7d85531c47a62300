package io.wssgate.benchmarks.load;

import java.util.Arrays;
import java.util.List;

/** Latency percentiles over every request of a run, in milliseconds. */
record Latencies(long count, double p50, double p99, double max) {
    static Latencies of(List<long[]> perClient) {
        long[] all = perClient.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        if (all.length == 0) {
            return new Latencies(0, 0, 0, 0);
        }
        return new Latencies(all.length, millis(at(all, 0.50)), millis(at(all, 0.99)), millis(all[all.length - 1]));
    }

    private static long at(long[] sorted, double quantile) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)];
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }
}
