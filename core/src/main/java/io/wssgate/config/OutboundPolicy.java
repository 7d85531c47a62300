package io.wssgate.config;

import java.time.Duration;
import java.util.Optional;

/**
 * How messages this side sends are secured: a Timestamp with a lifetime, a token, a
 * signature, encryption, and (for responses) WSS 1.1 SignatureConfirmation of the request's
 * signatures — which, on a client, also means the response must confirm ours.
 */
public record OutboundPolicy(Optional<Duration> timestamp, Optional<OutboundToken> token,
                             Optional<OutboundSigning> signature, Optional<OutboundEncryption> encryption,
                             boolean signatureConfirmation, Optional<OutboundAddressing> addressing) {
    public OutboundPolicy {
        timestamp = timestamp == null ? Optional.empty() : timestamp;
        token = token == null ? Optional.empty() : token;
        signature = signature == null ? Optional.empty() : signature;
        encryption = encryption == null ? Optional.empty() : encryption;
        addressing = addressing == null ? Optional.empty() : addressing;
    }

    /** Without WS-Addressing headers of its own on requests. */
    public OutboundPolicy(Optional<Duration> timestamp, Optional<OutboundToken> token,
                          Optional<OutboundSigning> signature, Optional<OutboundEncryption> encryption,
                          boolean signatureConfirmation) {
        this(timestamp, token, signature, encryption, signatureConfirmation, Optional.empty());
    }

    public static OutboundPolicy none() {
        return new OutboundPolicy(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false);
    }

    /** The same, adding WS-Addressing headers to the requests a client sends. */
    public OutboundPolicy withAddressing(OutboundAddressing value) {
        return new OutboundPolicy(timestamp, token, signature, encryption, signatureConfirmation, Optional.of(value));
    }

    public boolean enabled() {
        return timestamp.isPresent() || token.isPresent() || signature.isPresent() || encryption.isPresent()
                || signatureConfirmation || addressing.isPresent();
    }
}
