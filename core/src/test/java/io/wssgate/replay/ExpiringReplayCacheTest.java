package io.wssgate.replay;

import io.wssgate.testing.SettableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ExpiringReplayCacheTest {
    private static final Duration LIFETIME = Duration.ofMinutes(5);

    private final SettableClock clock = new SettableClock(Instant.parse("2030-01-01T00:00:00Z"));

    private ExpiringReplayCache cache(int max) {
        return new ExpiringReplayCache(max, clock);
    }

    @Test
    void addedIdentifierIsContainedAndOthersAreNot() {
        ExpiringReplayCache cache = cache(10);
        cache.add("a", clock.instant().plus(LIFETIME));

        assertThat(cache.contains("a")).isTrue();
        assertThat(cache.contains("b")).isFalse();
        assertThat(cache.contains("A")).isFalse();
    }

    @Test
    void anEntryExpiresAtItsExpiry() {
        ExpiringReplayCache cache = cache(10);
        cache.add("a", clock.instant().plus(LIFETIME));

        clock.advance(LIFETIME.minusSeconds(1));
        assertThat(cache.contains("a")).isTrue();
        clock.advance(Duration.ofSeconds(2));
        assertThat(cache.contains("a")).isFalse();
        assertThat(cache.size()).as("an expired entry found on lookup is dropped").isZero();
    }

    @Test
    void explicitExpiryIsHonoured() {
        ExpiringReplayCache cache = cache(10);
        cache.add("short", clock.instant().plusSeconds(10));
        cache.add("long", clock.instant().plus(Duration.ofHours(1)));

        clock.advance(Duration.ofSeconds(11));
        assertThat(cache.contains("short")).isFalse();
        clock.advance(Duration.ofMinutes(30));
        assertThat(cache.contains("long")).as("explicit expiry beyond the default lifetime").isTrue();
        clock.advance(Duration.ofMinutes(30));
        assertThat(cache.contains("long")).isFalse();
    }

    @Test
    void whenFullOfLiveEntriesANewOneIsRefusedAndNothingIsForgotten() {
        ExpiringReplayCache cache = cache(100);
        for (int i = 0; i < 100; i++) {
            cache.add("id-" + i, clock.instant().plus(LIFETIME));
        }

        assertThatThrownBy(() -> cache.addIfAbsent("id-100", clock.instant().plus(LIFETIME)))
                .isInstanceOf(ExpiringReplayCache.ReplayCacheFullException.class)
                .hasMessageContaining("replay.memory.max-entries");
        assertThat(cache.size()).isEqualTo(100);
        assertThat(cache.contains("id-0")).as("the oldest live entry is never forgotten, so it cannot be replayed").isTrue();
        assertThat(cache.addIfAbsent("id-0", clock.instant().plus(LIFETIME))).isFalse();
    }

    @Test
    void aMessageWhoseIdentifiersDoNotAllFitIsRefusedWhole() {
        ExpiringReplayCache cache = cache(3);
        cache.add("a", clock.instant().plus(LIFETIME));
        cache.add("b", clock.instant().plus(LIFETIME));

        assertThatThrownBy(() -> cache.addAllIfAbsent(java.util.Map.of("c", clock.instant().plus(LIFETIME),
                "d", clock.instant().plus(LIFETIME)))).isInstanceOf(ExpiringReplayCache.ReplayCacheFullException.class);
        assertThat(cache.contains("c")).as("nothing of a refused message is recorded").isFalse();
    }

    @Test
    void roomComesBackOnceEntriesExpire() {
        ExpiringReplayCache cache = cache(2);
        cache.add("a", clock.instant().plus(LIFETIME));
        cache.add("b", clock.instant().plus(LIFETIME));
        clock.advance(LIFETIME.plusSeconds(1));

        assertThat(cache.addIfAbsent("c", clock.instant().plus(LIFETIME))).isTrue();
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void whenFullExpiredEntriesGoBeforeLiveOnes() {
        ExpiringReplayCache cache = cache(3);
        cache.add("live-old", clock.instant().plus(Duration.ofHours(1)));
        cache.add("dies-1", clock.instant().plusSeconds(1));
        cache.add("dies-2", clock.instant().plusSeconds(1));
        clock.advance(Duration.ofSeconds(5));

        cache.add("new", clock.instant().plus(LIFETIME));

        assertThat(cache.contains("live-old")).as("oldest but still live: kept while expired ones can go").isTrue();
        assertThat(cache.contains("new")).isTrue();
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void addIfAbsentAddsOnceThenRefuses() {
        ExpiringReplayCache cache = cache(10);
        Instant expiry = clock.instant().plusSeconds(60);

        assertThat(cache.addIfAbsent("x", expiry)).isTrue();
        assertThat(cache.contains("x")).isTrue();
        assertThat(cache.addIfAbsent("x", expiry)).isFalse();
        assertThat(cache.addIfAbsent("x", expiry.plusSeconds(3600))).isFalse();
        assertThat(cache.addIfAbsent("y", expiry)).isTrue();
    }

    @Test
    void addIfAbsentDoesNotExtendAnExistingEntry() {
        ExpiringReplayCache cache = cache(10);
        cache.addIfAbsent("x", clock.instant().plusSeconds(60));
        cache.addIfAbsent("x", clock.instant().plus(Duration.ofHours(1)));

        clock.advance(Duration.ofSeconds(61));
        assertThat(cache.contains("x")).isFalse();
    }

    @Test
    void addIfAbsentAcceptsAgainAfterExpiry() {
        ExpiringReplayCache cache = cache(10);
        cache.addIfAbsent("x", clock.instant().plusSeconds(60));
        clock.advance(Duration.ofSeconds(61));

        assertThat(cache.addIfAbsent("x", clock.instant().plusSeconds(60))).isTrue();
        assertThat(cache.addIfAbsent("x", clock.instant().plusSeconds(60))).isFalse();
    }

    @Test
    void addIfAbsentIsAtomicUnderConcurrency() throws Exception {
        ExpiringReplayCache cache = cache(10_000);
        Instant expiry = clock.instant().plusSeconds(60);
        java.util.concurrent.atomic.AtomicInteger wins = new java.util.concurrent.atomic.AtomicInteger();
        Thread[] threads = new Thread[8];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = new Thread(() -> {
                for (int i = 0; i < 500; i++) {
                    if (cache.addIfAbsent("id-" + i, expiry)) {
                        wins.incrementAndGet();
                    }
                }
            });
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(wins.get()).as("each identifier admitted exactly once").isEqualTo(500);
    }
}
