package io.wssgate.benchmarks.load;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Everything a load run measured. */
record LoadResult(int clients, Duration plannedDuration, Duration elapsed, int validPool, int validUsed,
                  boolean poolExhausted, Duration generation, Map<String, Long> requestsByKind, long wrongDecisions,
                  List<String> wrongExamples, long unexpectedErrors, List<String> errorExamples, Latencies latency,
                  ServerProcess.Stats start, ServerProcess.Stats end, ServerProcess.Stats afterGc, long maxHeapUsed,
                  long maxReplayCache, int samples, List<String> rotation, long responsesSignedByOldKey,
                  long responsesSignedByNewKey, long serverCpuNanos, long clientCpuNanos, int cores,
                  String loadAverageBefore, String loadAverageAfter, int attackKinds,
                  long oversizedCutOff) {

    /** Four probes and three reloads. */
    static final int ROTATION_STEPS = 7;

    long requests() {
        return requestsByKind.values().stream().mapToLong(Long::longValue).sum();
    }

    double throughput() {
        return requests() / (elapsed.toNanos() / 1e9);
    }

    /** Zero wrong decisions, zero errors, the caches within their bound and every key change in force. */
    boolean passed() {
        return wrongDecisions == 0 && unexpectedErrors == 0 && maxReplayCache <= start.replayCacheLimit()
                && end.replayCacheX509() <= start.replayCacheLimit() && end.replayCacheSaml() <= start.replayCacheLimit()
                && rotation.size() == ROTATION_STEPS
                && rotation.stream().noneMatch(r -> r.contains("WRONG") || r.contains("failed"));
    }
}
