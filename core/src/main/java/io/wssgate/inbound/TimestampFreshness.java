package io.wssgate.inbound;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import org.apache.wss4j.common.ext.WSSecurityException;
import org.apache.wss4j.dom.handler.RequestData;
import org.apache.wss4j.dom.message.token.Timestamp;
import org.apache.wss4j.dom.validate.Credential;
import org.apache.wss4j.dom.validate.Validator;

/**
 * WSS4J's Timestamp freshness rules (the same settings from {@link RequestData}: strict expiry,
 * {@code timestamp.max-age} as the TTL of Created, {@code timestamp.future-skew}, Expires required
 * or not), judged by the pipeline's clock instead of the system clock WSS4J reads itself. Every other time rule of the
 * pipeline (SAML conditions, replay, certificate paths) already runs on that clock; with this one
 * the whole decision can be reproduced for another instant ({@code wssgate explain --at}). With
 * the system clock it decides exactly as WSS4J's TimestampValidator does.
 */
final class TimestampFreshness implements Validator {
    private final Clock clock;

    TimestampFreshness(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Credential validate(Credential credential, RequestData data) throws WSSecurityException {
        if (credential == null || credential.getTimestamp() == null) {
            throw new WSSecurityException(WSSecurityException.ErrorCode.FAILURE, "noCredential");
        }
        Timestamp timestamp = credential.getTimestamp();
        Instant now = clock.instant();
        if (data.isTimeStampStrict() && timestamp.getExpires() != null && timestamp.getExpires().isBefore(now)) {
            throw expired("the message timestamp has expired (Expires " + timestamp.getExpires() + ", now " + now + ")");
        }
        Instant created = timestamp.getCreated();
        if (created != null) { // TimestampRules refuses a Timestamp without Created
            int futureSkew = data.getTimeStampFutureTTL();
            Instant latest = futureSkew > 0 ? now.plusSeconds(futureSkew) : now;
            if (created.isAfter(latest)) {
                throw expired("the message timestamp is out of range: Created " + created + " is in the future (now "
                        + now + ", future skew " + futureSkew + "s)");
            }
            if (created.isBefore(now.minusSeconds(data.getTimeStampTTL()))) {
                throw expired("the message timestamp is out of range: Created " + created + " is older than "
                        + data.getTimeStampTTL() + "s (now " + now + ")");
            }
        }
        if (data.isRequireTimestampExpires() && timestamp.getExpires() == null) {
            throw new WSSecurityException(WSSecurityException.ErrorCode.SECURITY_ERROR, "invalidTimestamp",
                    new Object[] {"The received Timestamp does not contain an expires Element"});
        }
        return credential;
    }

    private static WSSecurityException expired(String detail) {
        return new WSSecurityException(WSSecurityException.ErrorCode.MESSAGE_EXPIRED, "invalidTimestamp",
                new Object[] {detail});
    }
}
