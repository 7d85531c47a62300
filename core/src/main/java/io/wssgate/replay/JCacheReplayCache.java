package io.wssgate.replay;

import io.wssgate.spi.ReplayCache;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import javax.cache.Cache;

/**
 * A replay cache in a JSR-107 (JCache) cache, so every node of a cluster that uses the same
 * provider cluster and cache name sees what any node admitted.
 *
 * <p>Each entry maps the SHA-256 digest of an identifier (small and fixed-size whatever the
 * signature size, and no nonce, user name or assertion ID in the shared store) to its expiry in
 * epoch milliseconds. JCache has no per-entry time-to-live (its {@code ExpiryPolicy} belongs to
 * the whole cache and is not told the entry), so the expiry travels in the value: an entry whose
 * stored expiry has passed counts as absent and is taken over with a compare-and-set
 * {@code replace(key, old, new)}. Both that and the first {@code putIfAbsent} are atomic in
 * the provider, so of two nodes racing with one identifier exactly one wins.
 *
 * <p>This class never bounds or cleans the store: the cache itself must be configured in the
 * provider with an entry limit (eviction), and with no time-to-live, or one at least as long as
 * the longest token lifetime accepted, since an entry dropped early lets its message in again.
 * Errors of the provider propagate, which refuses the message (fails closed).
 */
public final class JCacheReplayCache implements ReplayCache {
    /** Attempts to take over an expired entry while other nodes keep changing it. */
    private static final int MAX_ATTEMPTS = 4;

    private final Cache<String, Long> cache;
    private final Clock clock;

    public JCacheReplayCache(Cache<String, Long> cache) {
        this(cache, Clock.systemUTC());
    }

    public JCacheReplayCache(Cache<String, Long> cache, Clock clock) {
        this.cache = Objects.requireNonNull(cache, "cache");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public boolean addIfAbsent(String identifier, Instant expiry) {
        String key = digest(identifier);
        Long expiresAt = expiry.toEpochMilli();
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            if (cache.putIfAbsent(key, expiresAt)) {
                return true;
            }
            Long existing = cache.get(key);
            if (existing == null) {
                continue; // evicted or taken over and dropped in between: try to add again
            }
            if (existing >= clock.millis()) {
                return false;
            }
            if (cache.replace(key, existing, expiresAt)) {
                return true;
            }
        }
        // Others kept changing this very entry: they are copies of the same message. Refusing
        // this one is the safe answer.
        return false;
    }

    /** The name of the underlying cache, for logs. */
    public String cacheName() {
        return cache.getName();
    }

    private static String digest(String identifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(identifier.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    @Override
    public String toString() {
        return "JCacheReplayCache[" + cache.getName() + "]";
    }
}
