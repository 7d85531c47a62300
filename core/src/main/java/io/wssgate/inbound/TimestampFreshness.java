package io.wssgate.inbound;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import org.apache.wss4j.common.ext.WSSecurityException;
import org.apache.wss4j.common.ext.WSSecurityException.ErrorCode;
import org.apache.wss4j.dom.handler.RequestData;
import org.apache.wss4j.dom.message.token.Timestamp;
import org.apache.wss4j.dom.validate.Credential;
import org.apache.wss4j.dom.validate.Validator;

/**
 * The one Timestamp validator of every policy: WSS4J's freshness rules, unchanged (the same
 * settings from {@link RequestData}: strict expiry, {@code timestamp.max-age} as the TTL of
 * Created, {@code timestamp.future-skew}, Expires required or not), with two differences from
 * WSS4J's TimestampValidator:
 * <ul>
 * <li>they are judged by the pipeline's clock instead of the system clock WSS4J reads itself.
 * Every other time rule of the pipeline (SAML conditions, replay, certificate paths, revocation)
 * runs on that clock; with this one the whole decision can be reproduced for another instant
 * ({@code wssgate explain --at}). With the system clock it decides exactly as WSS4J does;</li>
 * <li>the failure names the failing value, the bound and the clock's time ({@link Wss4jReason},
 * same error code and message id as WSS4J's, so the fault is unchanged), where WSS4J says only
 * "out of range" and writes a WARN line of its own per message.</li>
 * </ul>
 * Only one validator can be registered for the Timestamp (a second registration silently
 * replaces the first), which is why both concerns live in this class.
 */
final class TimestampFreshness implements Validator {
    private final Clock clock;

    TimestampFreshness(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Credential validate(Credential credential, RequestData data) throws WSSecurityException {
        if (credential == null || credential.getTimestamp() == null) {
            throw new WSSecurityException(ErrorCode.FAILURE, "noCredential");
        }
        Timestamp timestamp = credential.getTimestamp();
        Instant now = clock.instant();
        if (data.isTimeStampStrict() && timestamp.getExpires() != null && timestamp.getExpires().isBefore(now)) {
            throw expired("the message timestamp has expired: Expires " + timestamp.getExpires()
                    + " has passed (now " + now + ")");
        }
        Instant created = timestamp.getCreated();
        if (created != null) { // TimestampRules refuses a Timestamp without Created
            int futureSkew = data.getTimeStampFutureTTL();
            Instant latest = futureSkew > 0 ? now.plusSeconds(futureSkew) : now;
            if (created.isAfter(latest)) {
                throw expired("Timestamp Created " + created + " is in the future (now " + now
                        + ", timestamp.future-skew " + futureSkew + "s)");
            }
            if (created.isBefore(now.minusSeconds(data.getTimeStampTTL()))) {
                throw expired("Timestamp Created " + created + " is older than timestamp.max-age "
                        + data.getTimeStampTTL() + "s (now " + now + ")");
            }
        }
        if (data.isRequireTimestampExpires() && timestamp.getExpires() == null) {
            throw new Wss4jReason(ErrorCode.SECURITY_ERROR, "invalidTimestamp",
                    "Timestamp without Expires (timestamp.expires-required)");
        }
        return credential;
    }

    private static WSSecurityException expired(String reason) {
        return new Wss4jReason(ErrorCode.MESSAGE_EXPIRED, "invalidTimestamp", reason);
    }
}
