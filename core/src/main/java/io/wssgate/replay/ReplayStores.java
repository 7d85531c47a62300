package io.wssgate.replay;

import io.wssgate.spi.ReplayCache;
import io.wssgate.config.PolicyConfig;
import io.wssgate.config.Problems;
import io.wssgate.config.ReplayConfig;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;

/**
 * Opens the replay store the configuration names, once, at start-up: a fresh bounded in-memory
 * store for each policy (as before there was a choice), or one shared store for all policies.
 * Problems are reported under {@code replay.*}.
 */
public final class ReplayStores {
    private ReplayStores() {
    }

    /** What each policy's replay guard uses; meaningful only when no problem was added. */
    public static Function<PolicyConfig, ReplayCache> open(ReplayConfig config, Clock clock, Problems problems) {
        if (config instanceof ReplayConfig.Memory memory) {
            if (memory.maxEntries() < 1) {
                problems.add("replay.memory.max-entries", "must be at least 1");
            }
            return policy -> new ExpiringReplayCache(memory.maxEntries(), clock);
        }
        ReplayCache shared = config instanceof ReplayConfig.Shared s ? s.cache()
                : jcache((ReplayConfig.JCache) config, clock, problems).orElse(null);
        return policy -> shared;
    }

    private static Optional<ReplayCache> jcache(ReplayConfig.JCache config, Clock clock, Problems problems) {
        try {
            Class.forName("javax.cache.Caching", false, ReplayStores.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            problems.add("replay.cache", "jcache needs javax.cache:cache-api and a JCache provider "
                    + "(such as Hazelcast) on the class path");
            return Optional.empty();
        }
        // Only touched once the API is known to be there, so core runs without it.
        return JCacheLookup.open(config, clock, problems);
    }
}
