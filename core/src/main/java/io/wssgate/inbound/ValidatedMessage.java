package io.wssgate.inbound;

import io.wssgate.soap.SoapEnvelope;
import io.wssgate.identity.AuthenticatedCaller;
import io.wssgate.identity.WssPrincipal;

/**
 * A message that passed every check of its policy, and who sent it. {@code decrypted} tells
 * that the envelope's DOM now holds plaintext where the received bytes held ciphertext.
 */
public record ValidatedMessage(SoapEnvelope envelope, AuthenticatedCaller caller, boolean decrypted) {
    public WssPrincipal principal() {
        return caller.principal();
    }
}
