package io.wssgate.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.testing.HazelcastCluster;
import java.net.URL;
import java.net.URLClassLoader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.spi.CachingProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link JCacheReplayCache} on a real provider (one embedded Hazelcast member). */
class JCacheReplayCacheTest {
    static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
    static HazelcastCluster member;
    static CachingProvider provider;
    static Cache<String, Long> cache;

    @BeforeAll
    static void start() throws Exception {
        member = HazelcastCluster.start("solo");
        // a provider of its own (keyed by class loader), so no other test's cache manager is reused
        provider = Caching.getCachingProvider(HazelcastCluster.PROVIDER, new URLClassLoader(new URL[0],
                JCacheReplayCacheTest.class.getClassLoader()));
        Properties properties = new Properties();
        properties.setProperty("hazelcast.instance.name", "solo");
        CacheManager manager = provider.getCacheManager(provider.getDefaultURI(), provider.getDefaultClassLoader(),
                properties);
        cache = manager.getCache(HazelcastCluster.CACHE_NAME);
    }

    @AfterAll
    static void stop() {
        provider.close();
        member.close();
    }

    static JCacheReplayCache at(Instant now) {
        return new JCacheReplayCache(cache, Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void anIdentifierIsAdmittedOnceUntilItsOwnExpiry() {
        String id = "once-" + System.nanoTime();
        Instant expiry = NOW.plusSeconds(10);

        assertThat(at(NOW).addIfAbsent(id, expiry)).isTrue();
        assertThat(at(NOW).addIfAbsent(id, expiry)).isFalse();
        assertThat(at(NOW.plusSeconds(10)).addIfAbsent(id, expiry)).as("still valid at its expiry").isFalse();
        assertThat(at(NOW).addIfAbsent("other-" + id, expiry)).isTrue();
        // past the stored expiry the entry counts as absent and is taken over, with the new expiry
        assertThat(at(NOW.plusSeconds(11)).addIfAbsent(id, NOW.plusSeconds(100))).isTrue();
        assertThat(at(NOW.plusSeconds(50)).addIfAbsent(id, NOW.plusSeconds(100))).isFalse();
    }

    @Test
    void aLaterAttemptNeverExtendsAnEntry() {
        String id = "extend-" + System.nanoTime();
        at(NOW).addIfAbsent(id, NOW.plusSeconds(10));
        at(NOW).addIfAbsent(id, NOW.plus(Duration.ofHours(1)));

        assertThat(at(NOW.plusSeconds(11)).addIfAbsent(id, NOW.plusSeconds(60))).isTrue();
    }

    @Test
    void theStoreHoldsDigestsNotTheIdentifiers() {
        String id = "orders\nnonce:bob:secret-nonce-" + System.nanoTime();
        at(NOW).addIfAbsent(id, NOW.plusSeconds(10));

        List<String> keys = new ArrayList<>();
        cache.forEach(e -> keys.add(e.getKey()));
        // "bob" alone is a likely substring of some random base64url digest in a shared cache; the
        // identifier's own distinctive parts are not
        assertThat(keys).noneMatch(k -> k.contains("secret-nonce") || k.contains("nonce:bob"))
                .allMatch(k -> k.length() == 43);
    }

    @Test
    void ofManyThreadsRacingForFreshOrExpiredEntriesExactlyOneWinsEach() throws Exception {
        String prefix = "race-" + System.nanoTime() + "-";
        for (int i = 0; i < 50; i++) {
            at(NOW).addIfAbsent(prefix + i, NOW.plusSeconds(1)); // expired for the racers below
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Integer>> racers = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                racers.add(() -> {
                    int wins = 0;
                    for (int i = 0; i < 100; i++) {
                        wins += at(NOW.plusSeconds(5)).addIfAbsent(prefix + i, NOW.plusSeconds(60)) ? 1 : 0;
                    }
                    return wins;
                });
            }
            int wins = 0;
            for (Future<Integer> racer : pool.invokeAll(racers)) {
                wins += racer.get();
            }
            assertThat(wins).as("50 expired entries taken over and 50 fresh ones added, each once").isEqualTo(100);
        } finally {
            pool.shutdownNow();
        }
    }
}
