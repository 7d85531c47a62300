package io.wssgate.benchmarks.e2e;

import io.wssgate.benchmarks.MessageSize;
import io.wssgate.benchmarks.Scenario;
import java.time.Duration;
import java.util.List;

/**
 * Durations, concurrencies and message pool sizes of one end-to-end run. Each server JVM is
 * warmed up once at the highest concurrency, then each concurrency gets a short settle period and
 * a measured window. A pool holds every distinct signed message one server may be sent (replay
 * detection is on): each phase may use its share of the pool, and ends early when that share is
 * used up, so a faster server than planned shortens a window instead of failing the run.
 *
 * @param poolX509Small distinct messages per server for X.509 at 1 KB (the fastest case)
 * @param poolSamlSmall the same for SAML holder-of-key at 1 KB
 * @param poolLarge     the same for either scenario at 100 KB
 */
public record E2ePlan(List<Integer> concurrencies, Duration warmUp, Duration settle, Duration measure,
                      List<MessageSize> sizes, int poolX509Small, int poolSamlSmall, int poolLarge) {

    /**
     * About 15 minutes on an idle 2-core machine: 16 server JVMs of about 35 s each, and some
     * 4 minutes of signing on both cores (one RSA signature per X.509 message, two per SAML one).
     * The warm-up is the longest phase: a JAX-WS path keeps getting faster for many seconds.
     */
    public static E2ePlan full() {
        return new E2ePlan(List.of(1, 4, 16), Duration.ofSeconds(8), Duration.ofSeconds(1), Duration.ofSeconds(5),
                List.of(MessageSize.KB_1, MessageSize.KB_100), 100_000, 70_000, 14_000);
    }

    /** Seconds per server: checks the harness end to end, figures mean nothing. */
    public static E2ePlan smoke() {
        return new E2ePlan(List.of(1, 4), Duration.ofMillis(700), Duration.ofMillis(200), Duration.ofMillis(700),
                List.of(MessageSize.KB_1), 600, 500, 150);
    }

    public int poolSize(Scenario scenario, MessageSize size) {
        if (size != MessageSize.KB_1) {
            return poolLarge;
        }
        return scenario == Scenario.X509 ? poolX509Small : poolSamlSmall;
    }

    public int maxConcurrency() {
        return concurrencies.stream().mapToInt(Integer::intValue).max().orElse(1);
    }

    /** Seconds of load one server gets: the warm-up, then settle and measure per concurrency. */
    public double loadSeconds() {
        return (warmUp.toMillis() + concurrencies.size() * (settle.toMillis() + measure.toMillis())) / 1000.0;
    }
}
