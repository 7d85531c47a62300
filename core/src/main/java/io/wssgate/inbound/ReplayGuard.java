package io.wssgate.inbound;

import io.wssgate.config.AssertionReplay;
import io.wssgate.config.ConfirmationMethod;
import io.wssgate.config.PolicyConfig;
import io.wssgate.fault.FaultCode;
import io.wssgate.fault.SecurityFault;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.wss4j.common.saml.SamlAssertionWrapper;
import org.apache.wss4j.dom.message.token.Timestamp;
import org.apache.wss4j.dom.message.token.UsernameToken;

/**
 * Admits each message once, as the very last check: its signed Timestamp with the signature
 * value that covers it, its UsernameToken nonces, and its single-use assertion IDs are
 * remembered until they expire. Keys are recorded only for a message that passed every other
 * check, all at once, so a forged or tampered copy can never use up the genuine message's
 * entry, and two copies racing each other cannot both get in.
 */
final class ReplayGuard {
    private final PolicyConfig policy;
    private final ExpiringReplayCache seen;
    private final Clock clock;

    ReplayGuard(PolicyConfig policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
        this.seen = new ExpiringReplayCache(policy.limits().replayCacheEntries(), policy.timestamp().maxAge(), clock);
    }

    /** How many entries are remembered now; never more than {@code limits.replay-cache-entries}. */
    int size() {
        return seen.size();
    }

    void admit(SecurityResults results, Optional<SamlRules.ConfirmedAssertion> assertion) throws SecurityFault {
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
        Optional<String> replayed = seen.addAllIfAbsent(keys);
        if (replayed.isPresent()) {
            throw new SecurityFault(FaultCode.INVALID_SECURITY, "replayed message (" + replayed.get() + ")");
        }
    }

    /** Created plus the value of the signature over the Timestamp: one signed message. */
    private void timestampKey(SecurityResults results, Timestamp timestamp, Map<String, Instant> keys) {
        results.signatures().stream().filter(s -> s.covers(timestamp.getElement())).findFirst().ifPresent(s -> {
            Instant expiry = Optional.ofNullable(timestamp.getExpires())
                    .orElse(timestamp.getCreated().plus(policy.timestamp().maxAge()));
            keys.put("timestamp:" + timestamp.getCreatedString() + ":" + Base64.getEncoder().encodeToString(s.value()),
                    expiry.plus(policy.timestamp().futureSkew()));
        });
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
        SamlAssertionWrapper assertion = confirmed.assertion();
        AssertionReplay mode = policy.saml().replay();
        boolean remember = SamlRules.isOneTimeUse(assertion) || mode == AssertionReplay.ALL
                || (mode == AssertionReplay.BEARER && confirmed.method() == ConfirmationMethod.BEARER);
        if (remember) {
            Instant expiry = Optional.ofNullable(assertion.getNotOnOrAfter())
                    .orElse(clock.instant().plus(policy.saml().maxAge())).plus(policy.saml().clockSkew());
            keys.put("assertion:" + assertion.getIssuerString() + "\n" + assertion.getId(), expiry);
        }
    }
}
