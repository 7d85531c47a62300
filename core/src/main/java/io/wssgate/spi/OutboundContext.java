package io.wssgate.spi;

import io.wssgate.identity.AuthenticatedCaller;
import io.wssgate.identity.CurrentCaller;
import java.util.List;
import java.util.Optional;

/**
 * What securing one outbound message may depend on: the caller whose request is being served
 * (for a subject taken from the caller, or an assertion propagated unchanged), whether it is a
 * response, the signature values of the request a response must confirm (WSS 1.1
 * SignatureConfirmation; only responses carry it), and the attachments sent with it.
 */
public record OutboundContext(Optional<AuthenticatedCaller> caller, boolean response,
                              List<byte[]> signaturesToConfirm, List<OutboundAttachment> attachments) {
    public OutboundContext {
        caller = caller == null ? Optional.empty() : caller;
        signaturesToConfirm = List.copyOf(signaturesToConfirm);
        attachments = List.copyOf(attachments);
    }

    /** A message without attachments. */
    public OutboundContext(Optional<AuthenticatedCaller> caller, boolean response, List<byte[]> signaturesToConfirm) {
        this(caller, response, signaturesToConfirm, List.of());
    }

    /** The same message, sent with these SwA attachments (signed when {@code outbound.signature.parts} lists Attachments). */
    public OutboundContext withAttachments(List<OutboundAttachment> sent) {
        return new OutboundContext(caller, response, signaturesToConfirm, sent);
    }

    /** A request sent on behalf of {@code caller}. */
    public static OutboundContext request(Optional<AuthenticatedCaller> caller) {
        return new OutboundContext(caller, false, List.of());
    }

    /** A request with no caller behind it. */
    public static OutboundContext none() {
        return request(Optional.empty());
    }

    /** A client request: the caller is whoever is current on this thread, if anyone. */
    public static OutboundContext forRequest() {
        return request(CurrentCaller.get());
    }

    /** A response to a validated request: it confirms the request's signatures when the policy says so. */
    public static OutboundContext forResponse(AuthenticatedCaller caller) {
        return new OutboundContext(Optional.of(caller), true, caller.signatureValues());
    }
}
