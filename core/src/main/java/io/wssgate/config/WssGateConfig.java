package io.wssgate.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The whole configuration: named policies, matched in order against request paths, and where
 * replay detection remembers what it admitted.
 */
public record WssGateConfig(List<PolicyConfig> policies, ReplayConfig replay) {
    public WssGateConfig {
        policies = List.copyOf(policies);
        Objects.requireNonNull(replay, "replay");
    }

    /** The policies with the default replay store (in memory, bounded, per policy). */
    public WssGateConfig(List<PolicyConfig> policies) {
        this(policies, ReplayConfig.defaults());
    }

    public static WssGateConfig of(PolicyConfig... policies) {
        return new WssGateConfig(List.of(policies));
    }

    /** The same policies with another replay store. */
    public WssGateConfig withReplay(ReplayConfig value) {
        return new WssGateConfig(policies, value);
    }

    /** The first policy one of whose URL patterns matches the path (context-relative). */
    public Optional<PolicyConfig> policyFor(String path) {
        return policies.stream().filter(p -> p.paths().stream().anyMatch(u -> UrlPattern.matches(u, path))).findFirst();
    }
}
