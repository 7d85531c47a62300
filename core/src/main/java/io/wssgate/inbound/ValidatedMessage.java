package io.wssgate.inbound;

import io.wssgate.soap.AddressingHeaders;
import io.wssgate.soap.SoapEnvelope;
import io.wssgate.identity.AuthenticatedCaller;
import io.wssgate.identity.WssPrincipal;
import java.util.Objects;
import java.util.Optional;

/**
 * A message that passed every check of its policy, and who sent it. {@code decrypted} tells
 * that the envelope's DOM now holds plaintext where the received bytes held ciphertext;
 * {@code operation} names the policy's operation it was checked as (empty: the policy's own
 * rules), {@code responseAction} that operation's configured wsa:Action for responses;
 * {@code addressing} holds its WS-Addressing headers.
 */
public record ValidatedMessage(SoapEnvelope envelope, AuthenticatedCaller caller, boolean decrypted,
                               Optional<String> operation, Optional<String> responseAction,
                               AddressingHeaders addressing) {
    public ValidatedMessage {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(responseAction, "responseAction");
        Objects.requireNonNull(addressing, "addressing");
    }

    /** Checked under the policy's own rules, without WS-Addressing. */
    public ValidatedMessage(SoapEnvelope envelope, AuthenticatedCaller caller, boolean decrypted) {
        this(envelope, caller, decrypted, Optional.empty(), Optional.empty(), AddressingHeaders.none());
    }

    public WssPrincipal principal() {
        return caller.principal();
    }
}
