package io.wssgate.inbound;

import io.wssgate.replay.ExpiringReplayCache;
import io.wssgate.config.AssertionReplay;
import io.wssgate.identity.ConfirmationMethod;
import io.wssgate.config.PolicyConfig;
import io.wssgate.fault.FaultCode;
import io.wssgate.fault.SecurityFault;
import io.wssgate.spi.ReplayCache;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.wss4j.dom.message.token.Timestamp;
import org.apache.wss4j.dom.message.token.UsernameToken;

/**
 * Admits each message once, as the very last check: its signed Timestamp with the signature
 * value that covers it, its UsernameToken nonces, its single-use assertion IDs and its signed
 * wsa:MessageID are remembered until they expire. Keys are recorded only for a message that passed every other
 * check, all together (in one step in memory; in a shared store in one fixed order, stopping at
 * the first already present), so a forged or tampered copy can never use up the genuine
 * message's entry, and two copies racing each other cannot both get in. The store is the policy's own
 * bounded memory by default, or one shared by policies and nodes ({@link ReplayCache}); in a
 * shared store the policy name keeps each policy's identifiers apart, as separate stores would.
 */
final class ReplayGuard {
    private final PolicyConfig policy;
    private final ReplayCache seen;
    private final Clock clock;
    private final String namespace;

    ReplayGuard(PolicyConfig policy, Clock clock, ReplayCache seen) {
        this.policy = policy;
        this.clock = clock;
        this.seen = seen;
        this.namespace = policy.name() + "\n";
    }

    /** How many entries an in-memory store remembers now; empty for a shared store. */
    OptionalInt size() {
        return seen instanceof ExpiringReplayCache memory ? OptionalInt.of(memory.size()) : OptionalInt.empty();
    }

    void admit(SecurityResults results, Optional<SamlRules.ConfirmedAssertion> assertion) throws SecurityFault {
        admit(results, assertion, Optional.empty());
    }

    /** The same, also admitting the signed wsa:MessageID {@code messageId} once. */
    void admit(SecurityResults results, Optional<SamlRules.ConfirmedAssertion> assertion, Optional<String> messageId)
            throws SecurityFault {
        Map<String, Instant> keys = new LinkedHashMap<>();
        if (policy.timestamp().replayDetection() && !results.timestamps().isEmpty()) {
            timestampKey(results, results.timestamps().get(0), keys);
        }
        if (policy.usernameToken().nonceReplayDetection()) {
            for (UsernameToken token : results.usernameTokens()) {
                usernameTokenKey(token, keys);
            }
        }
        assertion.ifPresent(a -> assertionKey(a, keys));
        messageId.ifPresent(id -> keys.put("message-id:" + id, messageIdExpiry(results)));
        if (keys.isEmpty()) {
            return;
        }
        Map<String, Instant> namespaced = new LinkedHashMap<>();
        keys.forEach((key, expiry) -> namespaced.put(namespace + key, expiry));
        Optional<String> replayed;
        try {
            replayed = seen.addAllIfAbsent(namespaced);
        } catch (RuntimeException e) {
            // a store that cannot record the message (full, unreachable) refuses it: fail closed
            throw new SecurityFault(FaultCode.INVALID_SECURITY, "replay store cannot record the message: " + e.getMessage(), e);
        }
        if (replayed.isPresent()) {
            throw new SecurityFault(FaultCode.INVALID_SECURITY,
                    "replayed message (" + replayed.get().substring(namespace.length()) + ")");
        }
    }

    /** Created plus the value of the signature over the Timestamp: one signed message. */
    private void timestampKey(SecurityResults results, Timestamp timestamp, Map<String, Instant> keys) {
        results.signatures().stream().filter(s -> s.covers(timestamp.getElement())).findFirst().ifPresent(s -> {
            // The message is fresh only until Created + max-age (or Expires, if sooner): remembering
            // it longer protects nothing, and a far-future Expires must not pin an entry for years.
            Instant expiry = freshUntil(timestamp);
            keys.put("timestamp:" + timestamp.getCreatedString() + ":" + Base64.getEncoder().encodeToString(s.value()),
                    expiry.plus(policy.timestamp().futureSkew()));
        });
    }

    /**
     * A MessageID is remembered as long as the message could be fresh: until its Timestamp's
     * entry expires (Created plus max-age, or Expires if sooner), or without a Timestamp for
     * max-age from now, plus the future skew either way.
     */
    private Instant messageIdExpiry(SecurityResults results) {
        Instant fresh = results.timestamps().isEmpty() ? clock.instant().plus(policy.timestamp().maxAge())
                : freshUntil(results.timestamps().get(0));
        return fresh.plus(policy.timestamp().futureSkew());
    }

    private Instant freshUntil(Timestamp timestamp) {
        Instant fresh = timestamp.getCreated().plus(policy.timestamp().maxAge());
        return Optional.ofNullable(timestamp.getExpires()).filter(e -> e.isBefore(fresh)).orElse(fresh);
    }

    private void usernameTokenKey(UsernameToken token, Map<String, Instant> keys) {
        if (token.getNonce() == null) {
            return;
        }
        Instant created = Optional.ofNullable(token.getCreatedDate()).orElse(clock.instant());
        Duration lifetime = policy.usernameToken().maxAge().plus(policy.usernameToken().futureSkew());
        keys.put("nonce:" + token.getName() + ":" + token.getNonce(), created.plus(lifetime));
    }

    private void assertionKey(SamlRules.ConfirmedAssertion confirmed, Map<String, Instant> keys) {
        AssertionReplay mode = policy.saml().replay();
        boolean remember = confirmed.facts().oneTimeUse() || mode == AssertionReplay.ALL
                || (mode == AssertionReplay.BEARER && confirmed.method() == ConfirmationMethod.BEARER);
        if (remember) {
            // remembered exactly as long as the SAML rules would accept it again
            keys.put("assertion:" + confirmed.facts().issuer() + "\n" + confirmed.facts().id(), confirmed.usableUntil());
        }
    }
}
