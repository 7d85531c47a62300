package io.wssgate.identity;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * The caller of a request being served: its principal, the SAML assertion that authenticated
 * it (a copy in a document of its own, for propagation downstream) and the values of the
 * request's signatures (for SignatureConfirmation in the response).
 */
public record AuthenticatedCaller(WssPrincipal principal, Optional<Element> assertion, List<byte[]> signatureValues) {
    public AuthenticatedCaller {
        Objects.requireNonNull(principal, "principal");
        assertion = assertion == null ? Optional.empty() : assertion;
        signatureValues = List.copyOf(signatureValues);
    }
}
