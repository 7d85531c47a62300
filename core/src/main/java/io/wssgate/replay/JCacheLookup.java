package io.wssgate.replay;

import io.wssgate.spi.ReplayCache;
import io.wssgate.config.Problems;
import io.wssgate.config.ReplayConfig;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import java.util.Properties;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.spi.CachingProvider;

/**
 * Finds the configured JCache cache. It must already be defined in the provider's own
 * configuration: a cache this code created would have no entry limit, and JCache offers no
 * portable way to set one, so an unknown name is a start-up error rather than an unbounded store.
 * The cache manager belongs to the provider (and, for an embedded cluster member, to the
 * application), so it is looked up but never closed here.
 */
final class JCacheLookup {
    private JCacheLookup() {
    }

    static Optional<ReplayCache> open(ReplayConfig.JCache config, Clock clock, Problems problems) {
        Optional<CachingProvider> provider = provider(config, problems);
        if (provider.isEmpty()) {
            return Optional.empty();
        }
        CacheManager manager;
        try {
            URI uri = config.uri().orElse(provider.get().getDefaultURI());
            Properties properties = new Properties();
            properties.putAll(config.properties());
            manager = provider.get().getCacheManager(uri, provider.get().getDefaultClassLoader(), properties);
        } catch (RuntimeException e) {
            problems.add(config.uri().isPresent() ? "replay.jcache.uri" : "replay.jcache.properties",
                    "cannot open the JCache cache manager: " + e.getMessage());
            return Optional.empty();
        }
        try {
            Cache<String, Long> cache = manager.getCache(config.cacheName());
            if (cache == null) {
                problems.add("replay.jcache.cache-name", "no cache '" + config.cacheName() + "' is configured in "
                        + "the JCache provider; define it there with an entry limit (eviction)");
                return Optional.empty();
            }
            return Optional.of(new JCacheReplayCache(cache, clock));
        } catch (RuntimeException e) {
            problems.add("replay.jcache.cache-name", "cannot open cache '" + config.cacheName() + "': "
                    + e.getMessage());
            return Optional.empty();
        }
    }

    private static Optional<CachingProvider> provider(ReplayConfig.JCache config, Problems problems) {
        try {
            return Optional.of(config.provider().map(Caching::getCachingProvider)
                    .orElseGet(Caching::getCachingProvider));
        } catch (CacheException | IllegalStateException e) {
            problems.add(config.provider().isPresent() ? "replay.jcache.provider" : "replay.cache",
                    config.provider().isPresent() ? "cannot load JCache provider '" + config.provider().get()
                            + "': " + e.getMessage()
                            : "no single JCache provider found on the class path (name one with "
                            + "replay.jcache.provider): " + e.getMessage());
            return Optional.empty();
        }
    }
}
