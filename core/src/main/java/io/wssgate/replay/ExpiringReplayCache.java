package io.wssgate.replay;

import io.wssgate.spi.ReplayCache;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An in-memory replay cache with a bound on entries: each identifier is remembered until it
 * expires. When full, expired entries are dropped; if it is still full of live entries, the
 * new message is REFUSED (an exception: the guard fails closed) rather than forgetting a live
 * entry, because a forgotten entry is a message that could be replayed. The bound should
 * therefore exceed the number of messages accepted within one expiry window (replay entries
 * live at most max-age + future-skew). One instance per policy, owned by the inbound pipeline's replay guard;
 * never shared globally. This is the default {@link ReplayCache}; a cluster shares a
 * {@link io.wssgate.replay.JCacheReplayCache} instead. (Not WSS4J's ReplayCache: WSS4J's own
 * caches are off, see ReplayGuard for why.)
 */
public final class ExpiringReplayCache implements ReplayCache {
    private final Map<String, Instant> entries = new LinkedHashMap<>();
    private final int maxEntries;
    private final Clock clock;

    public ExpiringReplayCache(int maxEntries, Clock clock) {
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    /** @throws ReplayCacheFullException when every one of {@code maxEntries} entries is still live */
    public synchronized void add(String identifier, Instant expiry) {
        if (entries.size() >= maxEntries) {
            dropExpired();
            if (entries.size() >= maxEntries) {
                throw new ReplayCacheFullException(maxEntries);
            }
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
        if (entries.size() + identifiers.size() > maxEntries) {
            dropExpired();
            if (entries.size() + identifiers.size() > maxEntries) {
                throw new ReplayCacheFullException(maxEntries);
            }
        }
        identifiers.forEach(this::add);
        return java.util.Optional.empty();
    }

    /** Entries held now (live or not yet swept). */
    public synchronized int size() {
        return entries.size();
    }

    private void dropExpired() {
        Instant now = clock.instant();
        entries.values().removeIf(expiry -> expiry.isBefore(now));
    }

    /** Every entry is still live: admitting a new message would mean forgetting one that could then be replayed. */
    public static final class ReplayCacheFullException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        ReplayCacheFullException(int maxEntries) {
            super("replay cache full: all " + maxEntries + " entries are still live, so the message is refused"
                    + " rather than forgetting one (raise replay.memory.max-entries)");
        }
    }

}
