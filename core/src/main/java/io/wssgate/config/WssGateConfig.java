package io.wssgate.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The whole configuration: named policies, matched in order against request paths; where
 * replay detection remembers what it admitted; and how often the key and trust files the
 * policies name are checked for replacement ({@code keyReloadInterval}; zero: never, the files
 * are read once at start-up); and whether the engine runs in FIPS mode ({@link FipsMode}: only
 * FIPS-approved algorithms, on a FIPS provider).
 */
public record WssGateConfig(List<PolicyConfig> policies, ReplayConfig replay, Duration keyReloadInterval,
                            boolean fips) {
    /** Key and trust files are checked every 30 seconds unless configured otherwise. */
    public static final Duration DEFAULT_KEY_RELOAD_INTERVAL = Duration.ofSeconds(30);

    public WssGateConfig {
        policies = List.copyOf(policies);
        Objects.requireNonNull(replay, "replay");
        Objects.requireNonNull(keyReloadInterval, "keyReloadInterval");
        if (keyReloadInterval.isNegative()) {
            throw new IllegalArgumentException("keyReloadInterval must not be negative");
        }
    }

    /** Not in FIPS mode (unless the {@code wssgate.fips} system property says so, see {@link FipsMode}). */
    public WssGateConfig(List<PolicyConfig> policies, ReplayConfig replay, Duration keyReloadInterval) {
        this(policies, replay, keyReloadInterval, false);
    }

    /** The policies with the default replay store (in memory, bounded, per policy) and reload interval. */
    public WssGateConfig(List<PolicyConfig> policies) {
        this(policies, ReplayConfig.defaults(), DEFAULT_KEY_RELOAD_INTERVAL);
    }

    /** The policies with another replay store and the default reload interval. */
    public WssGateConfig(List<PolicyConfig> policies, ReplayConfig replay) {
        this(policies, replay, DEFAULT_KEY_RELOAD_INTERVAL);
    }

    /** The policies with the default replay store and another reload interval. */
    public WssGateConfig(List<PolicyConfig> policies, Duration keyReloadInterval) {
        this(policies, ReplayConfig.defaults(), keyReloadInterval);
    }

    public static WssGateConfig of(PolicyConfig... policies) {
        return new WssGateConfig(List.of(policies));
    }

    /** The same policies with another replay store. */
    public WssGateConfig withReplay(ReplayConfig value) {
        return new WssGateConfig(policies, value, keyReloadInterval, fips);
    }

    /** The same policies with another reload interval. */
    public WssGateConfig withKeyReloadInterval(Duration interval) {
        return new WssGateConfig(policies, replay, interval, fips);
    }

    /** The same configuration in FIPS mode, or not. */
    public WssGateConfig withFips(boolean value) {
        return new WssGateConfig(policies, replay, keyReloadInterval, value);
    }

    /** The first policy one of whose URL patterns matches the path (context-relative). */
    public Optional<PolicyConfig> policyFor(String path) {
        return policies.stream().filter(p -> p.paths().stream().anyMatch(u -> UrlPattern.matches(u, path))).findFirst();
    }
}
