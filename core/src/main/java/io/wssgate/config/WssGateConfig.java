package io.wssgate.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The whole configuration: named policies, matched in order against request paths, and how
 * often the key and trust files they name are checked for replacement ({@code keyReloadInterval};
 * zero: never, the files are read once at start-up).
 */
public record WssGateConfig(List<PolicyConfig> policies, Duration keyReloadInterval) {
    /** Key and trust files are checked every 30 seconds unless configured otherwise. */
    public static final Duration DEFAULT_KEY_RELOAD_INTERVAL = Duration.ofSeconds(30);

    public WssGateConfig {
        policies = List.copyOf(policies);
        Objects.requireNonNull(keyReloadInterval, "keyReloadInterval");
        if (keyReloadInterval.isNegative()) {
            throw new IllegalArgumentException("keyReloadInterval must not be negative");
        }
    }

    public WssGateConfig(List<PolicyConfig> policies) {
        this(policies, DEFAULT_KEY_RELOAD_INTERVAL);
    }

    public static WssGateConfig of(PolicyConfig... policies) {
        return new WssGateConfig(List.of(policies));
    }

    /** The same policies with another reload interval. */
    public WssGateConfig withKeyReloadInterval(Duration interval) {
        return new WssGateConfig(policies, interval);
    }

    /** The first policy one of whose URL patterns matches the path (context-relative). */
    public Optional<PolicyConfig> policyFor(String path) {
        return policies.stream().filter(p -> p.paths().stream().anyMatch(u -> UrlPattern.matches(u, path))).findFirst();
    }
}
