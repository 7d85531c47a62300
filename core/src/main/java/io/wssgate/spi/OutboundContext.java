package io.wssgate.spi;

import io.wssgate.identity.AuthenticatedCaller;
import io.wssgate.identity.CurrentCaller;
import io.wssgate.addressing.OutgoingAddressing;
import java.util.List;
import java.util.Optional;

/**
 * What securing one outbound message may depend on: the caller whose request is being served
 * (for a subject taken from the caller, or an assertion propagated unchanged), whether it is a
 * response, the signature values of the request a response must confirm (WSS 1.1
 * SignatureConfirmation; only responses carry it), the WS-Addressing headers it is to carry
 * (a reply's RelatesTo and Action, a client's To, Action and MessageID), and the SwA attachments
 * sent with it.
 */
public record OutboundContext(Optional<AuthenticatedCaller> caller, boolean response,
                              List<byte[]> signaturesToConfirm, Optional<OutgoingAddressing> addressing,
                              List<OutboundAttachment> attachments) {
    public OutboundContext {
        caller = caller == null ? Optional.empty() : caller;
        signaturesToConfirm = List.copyOf(signaturesToConfirm);
        addressing = addressing == null ? Optional.empty() : addressing;
        attachments = List.copyOf(attachments);
    }

    /** Without WS-Addressing headers to add, nor attachments. */
    public OutboundContext(Optional<AuthenticatedCaller> caller, boolean response, List<byte[]> signaturesToConfirm) {
        this(caller, response, signaturesToConfirm, Optional.empty(), List.of());
    }

    /** Without attachments. */
    public OutboundContext(Optional<AuthenticatedCaller> caller, boolean response, List<byte[]> signaturesToConfirm,
                           Optional<OutgoingAddressing> addressing) {
        this(caller, response, signaturesToConfirm, addressing, List.of());
    }

    /** The same message, sent with these SwA attachments (signed when {@code outbound.signature.parts} lists Attachments). */
    public OutboundContext withAttachments(List<OutboundAttachment> sent) {
        return new OutboundContext(caller, response, signaturesToConfirm, addressing, sent);
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

    /** The same, carrying the reply's WS-Addressing headers when the request used WS-Addressing. */
    public static OutboundContext forResponse(AuthenticatedCaller caller, Optional<OutgoingAddressing> reply) {
        return new OutboundContext(Optional.of(caller), true, caller.signatureValues(), reply);
    }

    /** The same context with these WS-Addressing headers to add. */
    public OutboundContext withAddressing(Optional<OutgoingAddressing> value) {
        return new OutboundContext(caller, response, signaturesToConfirm, value, attachments);
    }
}
