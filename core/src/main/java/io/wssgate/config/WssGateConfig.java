package io.wssgate.config;

import java.util.List;
import java.util.Optional;

/** The whole configuration: named policies, matched in order against request paths. */
public record WssGateConfig(List<PolicyConfig> policies) {
    public WssGateConfig {
        policies = List.copyOf(policies);
    }

    public static WssGateConfig of(PolicyConfig... policies) {
        return new WssGateConfig(List.of(policies));
    }

    /** The first policy one of whose URL patterns matches the path (context-relative). */
    public Optional<PolicyConfig> policyFor(String path) {
        return policies.stream().filter(p -> p.paths().stream().anyMatch(u -> UrlPattern.matches(u, path))).findFirst();
    }
}
