package io.wssgate.config;

import io.wssgate.spi.ReplayCache;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where admitted timestamps, nonces and single-use assertion IDs are remembered
 * ({@code replay.*}): the bounded in-memory store of each policy (the default), a JSR-107
 * cache named in the configuration, or a store built in Java.
 */
public sealed interface ReplayConfig {
    int DEFAULT_MAX_ENTRIES = 100_000;
    String DEFAULT_CACHE_NAME = "wssgate-replay";

    /** One in-memory store per policy, holding at most 100,000 entries. */
    static ReplayConfig defaults() {
        return new Memory(DEFAULT_MAX_ENTRIES);
    }

    /** One in-memory store per policy, holding at most {@code maxEntries}. Each node has its own. */
    record Memory(int maxEntries) implements ReplayConfig {
    }

    /**
     * A JCache cache, looked up at start-up: {@code provider} is the CachingProvider class (the
     * only one on the class path when empty), {@code uri} and {@code properties} are handed to
     * its {@code getCacheManager}, and {@code cacheName} must name a cache the provider's own
     * configuration defines (with its bound).
     */
    record JCache(String cacheName, Optional<String> provider, Optional<URI> uri, Map<String, String> properties)
            implements ReplayConfig {
        public JCache {
            Objects.requireNonNull(cacheName, "cacheName");
            Objects.requireNonNull(provider, "provider");
            Objects.requireNonNull(uri, "uri");
            properties = Map.copyOf(properties);
        }

        public static JCache named(String cacheName) {
            return new JCache(cacheName, Optional.empty(), Optional.empty(), Map.of());
        }
    }

    /**
     * A store built by the application (for example a {@link io.wssgate.replay.JCacheReplayCache}
     * over a cache it configured itself), shared by every policy of the engine.
     */
    record Shared(ReplayCache cache) implements ReplayConfig {
        public Shared {
            Objects.requireNonNull(cache, "cache");
        }
    }
}
