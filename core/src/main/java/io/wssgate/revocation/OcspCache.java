package io.wssgate.revocation;

import java.math.BigInteger;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Definitive OCSP answers (good, revoked, unknown) until they expire, per issuer and serial
 * number; bounded, the least recently used entry goes first. No answer is never cached, so a
 * responder that was down is asked again by the next message.
 */
final class OcspCache {
    static final int MAX_ENTRIES = 10_000;

    record Key(String issuerKey, BigInteger serial) {
    }

    private final Map<Key, RevocationStatus> entries = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, RevocationStatus> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    synchronized Optional<RevocationStatus> get(Key key, Instant now) {
        RevocationStatus status = entries.get(key);
        if (status == null) {
            return Optional.empty();
        }
        if (!validUntil(status).isAfter(now)) {
            entries.remove(key);
            return Optional.empty();
        }
        return Optional.of(status);
    }

    synchronized void put(Key key, RevocationStatus status) {
        if (!(status instanceof RevocationStatus.NoAnswer)) {
            entries.put(key, status);
        }
    }

    private static Instant validUntil(RevocationStatus status) {
        if (status instanceof RevocationStatus.Good good) {
            return good.validUntil();
        }
        if (status instanceof RevocationStatus.Revoked revoked) {
            return revoked.validUntil();
        }
        if (status instanceof RevocationStatus.Unknown unknown) {
            return unknown.validUntil();
        }
        return Instant.MIN;
    }
}
