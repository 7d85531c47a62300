package io.wssgate.spi;

import io.wssgate.replay.JCacheReplayCache;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Where the replay guard remembers what it has admitted: timestamp + signature values,
 * UsernameToken nonces and single-use assertion IDs, each until its own expiry. Implementations
 * must make {@link #addIfAbsent} atomic across every node that shares the store: when two nodes
 * race with the same identifier, exactly one of them may get {@code true}. A store that cannot
 * answer must throw, never report "absent": the message is then refused (fails closed).
 *
 * <p>The in-memory default keeps one bounded store per policy; a shared store (such as
 * {@link JCacheReplayCache}) serves every policy and every node, and the guard keeps the
 * policies apart by prefixing its identifiers with the policy name.
 */
public interface ReplayCache {

    /**
     * Atomically: records {@code identifier} until {@code expiry} and returns true, unless it is
     * already recorded with an expiry not yet passed (then returns false and changes nothing).
     * An entry whose expiry has passed counts as absent.
     */
    boolean addIfAbsent(String identifier, Instant expiry);

    /**
     * Records every identifier of one message, or reports the first one already recorded. Tried
     * in a fixed (sorted) order and stopping at the first one present, so two copies of a message
     * racing each other meet on the same first identifier and exactly one gets past it. Entries
     * added before a present one stay: they belong to a message that is itself a replay, so
     * keeping them only ever refuses that same message again (fails closed). Implementations may
     * do the whole set in one atomic step instead.
     *
     * @return the first identifier already recorded, or empty when all were recorded now
     */
    default Optional<String> addAllIfAbsent(Map<String, Instant> identifiers) {
        for (String identifier : new TreeSet<>(identifiers.keySet())) {
            if (!addIfAbsent(identifier, identifiers.get(identifier))) {
                return Optional.of(identifier);
            }
        }
        return Optional.empty();
    }
}
