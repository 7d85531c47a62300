package io.wssgate.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The whole configuration: named policies, matched in order against request paths; where
 * replay detection remembers what it admitted; how often the key and trust files the
 * policies name are checked for replacement ({@code keyReloadInterval}; zero: never, the files
 * are read once at start-up); whether the engine runs in FIPS mode ({@link FipsMode}: only
 * FIPS-approved algorithms, on a FIPS provider); and whether rejected requests are captured for
 * diagnosis ({@code captureRejected}, off when empty).
 */
public record WssGateConfig(List<PolicyConfig> policies, ReplayConfig replay, Duration keyReloadInterval,
                            boolean fips, Optional<CaptureConfig> captureRejected) {
    /** Key and trust files are checked every 30 seconds unless configured otherwise. */
    public static final Duration DEFAULT_KEY_RELOAD_INTERVAL = Duration.ofSeconds(30);

    public WssGateConfig {
        policies = List.copyOf(policies);
        Objects.requireNonNull(replay, "replay");
        Objects.requireNonNull(keyReloadInterval, "keyReloadInterval");
        if (keyReloadInterval.isNegative()) {
            throw new IllegalArgumentException("keyReloadInterval must not be negative");
        }
        captureRejected = captureRejected == null ? Optional.empty() : captureRejected;
    }

    /** Without capturing rejected requests. */
    public WssGateConfig(List<PolicyConfig> policies, ReplayConfig replay, Duration keyReloadInterval, boolean fips) {
        this(policies, replay, keyReloadInterval, fips, Optional.empty());
    }

    /** Not in FIPS mode (unless the {@code wssgate.fips} system property says so, see {@link FipsMode}). */
    public WssGateConfig(List<PolicyConfig> policies, ReplayConfig replay, Duration keyReloadInterval,
                         Optional<CaptureConfig> captureRejected) {
        this(policies, replay, keyReloadInterval, false, captureRejected);
    }

    /** Not in FIPS mode (unless the {@code wssgate.fips} system property says so), without capturing. */
    public WssGateConfig(List<PolicyConfig> policies, ReplayConfig replay, Duration keyReloadInterval) {
        this(policies, replay, keyReloadInterval, false, Optional.empty());
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
        return new WssGateConfig(policies, value, keyReloadInterval, fips, captureRejected);
    }

    /** The same policies with another reload interval. */
    public WssGateConfig withKeyReloadInterval(Duration interval) {
        return new WssGateConfig(policies, replay, interval, fips, captureRejected);
    }

    /** The same configuration, writing rejected requests as {@code capture} says (empty: not at all). */
    public WssGateConfig withCaptureRejected(Optional<CaptureConfig> capture) {
        return new WssGateConfig(policies, replay, keyReloadInterval, fips, capture);
    }

    /** The same configuration in FIPS mode, or not. */
    public WssGateConfig withFips(boolean value) {
        return new WssGateConfig(policies, replay, keyReloadInterval, value, captureRejected);
    }

    /** The first policy one of whose URL patterns matches the path (context-relative). */
    public Optional<PolicyConfig> policyFor(String path) {
        return policies.stream().filter(p -> p.paths().stream().anyMatch(u -> UrlPattern.matches(u, path))).findFirst();
    }
}
