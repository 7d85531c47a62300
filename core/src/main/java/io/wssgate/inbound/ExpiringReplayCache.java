package io.wssgate.inbound;

import io.wssgate.replay.ReplayCache;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An in-memory replay cache with a bound on entries: each identifier is remembered until it
 * expires. When full, expired entries are dropped first and then the oldest entries, so
 * memory stays bounded under a flood (an evicted entry could then be replayed once, which
 * is why the bound should exceed the number of messages expected within one expiry window).
 * One instance per policy, owned by {@link ReplayGuard}; never shared globally. This is the
 * default {@link ReplayCache}; a cluster shares a {@link io.wssgate.replay.JCacheReplayCache}
 * instead. (Not WSS4J's ReplayCache: WSS4J's own caches are off, see ReplayGuard for why.)
 */
public final class ExpiringReplayCache implements ReplayCache {
    private final Map<String, Instant> entries = new LinkedHashMap<>();
    private final int maxEntries;
    private final Duration defaultLifetime;
    private final Clock clock;

    public ExpiringReplayCache(int maxEntries, Duration defaultLifetime, Clock clock) {
        this.maxEntries = maxEntries;
        this.defaultLifetime = defaultLifetime;
        this.clock = clock;
    }

    public void add(String identifier) {
        add(identifier, clock.instant().plus(defaultLifetime));
    }

    public synchronized void add(String identifier, Instant expiry) {
        if (entries.size() >= maxEntries) {
            evict();
        }
        entries.put(identifier, expiry);
    }

    public synchronized boolean contains(String identifier) {
        Instant expiry = entries.get(identifier);
        if (expiry == null) {
            return false;
        }
        if (expiry.isBefore(clock.instant())) {
            entries.remove(identifier);
            return false;
        }
        return true;
    }

    /** Atomically: true if the identifier was not yet present (and is now remembered). */
    @Override
    public synchronized boolean addIfAbsent(String identifier, Instant expiry) {
        if (contains(identifier)) {
            return false;
        }
        add(identifier, expiry);
        return true;
    }

    /**
     * Atomically: if none of the identifiers is present, remembers them all and returns empty;
     * otherwise remembers nothing and returns the first one already present.
     */
    @Override
    public synchronized java.util.Optional<String> addAllIfAbsent(Map<String, Instant> identifiers) {
        for (String id : identifiers.keySet()) {
            if (contains(id)) {
                return java.util.Optional.of(id);
            }
        }
        identifiers.forEach(this::add);
        return java.util.Optional.empty();
    }

    synchronized int size() {
        return entries.size();
    }

    private void evict() {
        Instant now = clock.instant();
        entries.values().removeIf(expiry -> expiry.isBefore(now));
        Iterator<String> oldest = entries.keySet().iterator();
        while (entries.size() >= maxEntries && oldest.hasNext()) {
            oldest.next();
            oldest.remove();
        }
    }

    public synchronized void close() {
        entries.clear();
    }
}
