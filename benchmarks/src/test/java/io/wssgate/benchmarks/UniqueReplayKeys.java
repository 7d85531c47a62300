package io.wssgate.benchmarks;

import io.wssgate.replay.ExpiringReplayCache;
import io.wssgate.spi.ReplayCache;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The shipped in-memory replay store (one {@link ExpiringReplayCache}, its lock and its bound
 * included), seen through identifiers made unique per call: the multi-core benchmark validates
 * the same pre-signed message over and over (signing a new one per operation would cost more
 * than validating it), and production receives a new message each time. Each call appends the
 * calling thread's own counter to every identifier, so the store does the work of admitting a
 * new message (lookup, insert, growth) under its one lock, and the benchmark adds no shared
 * state of its own.
 */
final class UniqueReplayKeys implements ReplayCache {
    /**
     * Room for every operation of one benchmark fork (about 12,000 a second at 1 KB on two
     * threads, for under a minute; a full store would refuse messages, as the shipped one does).
     */
    static final int MAX_ENTRIES = 1_000_000;

    private final ExpiringReplayCache store;
    private final ThreadLocal<long[]> calls = ThreadLocal.withInitial(() -> new long[1]);

    UniqueReplayKeys(int maxEntries, Clock clock) {
        this.store = new ExpiringReplayCache(maxEntries, clock);
    }

    @Override
    public boolean addIfAbsent(String identifier, Instant expiry) {
        return store.addIfAbsent(identifier + suffix(), expiry);
    }

    @Override
    public Optional<String> addAllIfAbsent(Map<String, Instant> identifiers) {
        String suffix = suffix();
        Map<String, Instant> unique = new LinkedHashMap<>();
        identifiers.forEach((id, expiry) -> unique.put(id + suffix, expiry));
        return store.addAllIfAbsent(unique);
    }

    private String suffix() {
        return "#" + Thread.currentThread().getId() + ":" + calls.get()[0]++;
    }
}
