package io.wssgate.outbound;

import io.wssgate.identity.AuthenticatedCaller;
import io.wssgate.identity.CurrentCaller;
import java.util.List;
import java.util.Optional;

/**
 * What securing one outbound message may depend on: the caller whose request is being served
 * (for a subject taken from the caller, or an assertion propagated unchanged), and the
 * signature values of the request a response must confirm (WSS 1.1 SignatureConfirmation).
 */
public record OutboundContext(Optional<AuthenticatedCaller> caller, List<byte[]> signaturesToConfirm) {
    public OutboundContext {
        caller = caller == null ? Optional.empty() : caller;
        signaturesToConfirm = List.copyOf(signaturesToConfirm);
    }

    public static OutboundContext none() {
        return new OutboundContext(Optional.empty(), List.of());
    }

    /** A client request: the caller is whoever is current on this thread, if anyone. */
    public static OutboundContext forRequest() {
        return new OutboundContext(CurrentCaller.get(), List.of());
    }

    /** A response to a validated request, confirming its signatures. */
    public static OutboundContext forResponse(AuthenticatedCaller caller) {
        return new OutboundContext(Optional.of(caller), caller.signatureValues());
    }
}
