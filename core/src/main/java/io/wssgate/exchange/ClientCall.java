package io.wssgate.exchange;

import io.wssgate.PolicyRuntime;
import io.wssgate.InboundOutcome;
import io.wssgate.spi.OutboundAttachment;
import io.wssgate.spi.OutboundContext;
import io.wssgate.spi.OutboundSecurityException;
import io.wssgate.outbound.SecuredMessage;
import io.wssgate.soap.Documents;
import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * One call a client makes under a policy: its request secured per the policy's {@code outbound}
 * section, then its response validated with the inbound rules, where a response must confirm
 * exactly the signatures this call's request carried (WSS 1.1 SignatureConfirmation). The call
 * remembers those signature values itself; a transport keeps the one object between request
 * and response (e.g. under {@link #KEY} in its message context). Not for reuse across calls.
 */
public final class ClientCall {
    /** The property name under which transports keep the call between request and response. */
    public static final String KEY = "io.wssgate.clientCall";

    private final PolicyRuntime policy;
    private List<byte[]> sentSignatures = List.of();
    private List<byte[]> sentTokenSignatures = List.of();

    public ClientCall(PolicyRuntime policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    public String policyName() {
        return policy.name();
    }

    /**
     * The request envelope secured for sending, on behalf of whoever is the current caller on
     * this thread (for a token issued for or propagated from that caller); unchanged when the
     * policy secures nothing outbound.
     *
     * @throws OutboundSecurityException if it cannot be secured as required: it must not be sent
     */
    public byte[] secureRequest(byte[] envelope) throws OutboundSecurityException {
        return secureRequest(envelope, List.of());
    }

    /**
     * The same for a request sent with SwA {@code attachments} (the transport sends them, unchanged,
     * in a {@code multipart/related} package with the returned envelope as its root): each is
     * signed by a {@code cid:} reference when {@code outbound.signature.parts} lists Attachments.
     */
    public byte[] secureRequest(byte[] envelope, List<OutboundAttachment> attachments)
            throws OutboundSecurityException {
        if (!policy.securesOutbound()) {
            return envelope;
        }
        SecuredMessage secured;
        try {
            secured = policy.secureOutbound(Documents.parse(envelope),
                    OutboundContext.forRequest().withAttachments(attachments));
        } catch (IOException e) {
            throw new OutboundSecurityException("policy '" + policy.name() + "': the request is not XML: "
                    + e.getMessage(), e);
        }
        sentSignatures = secured.signatureValues();
        sentTokenSignatures = secured.tokenSignatureValues();
        return Documents.serialize(secured.document());
    }

    /**
     * The response (faults included) validated with the policy's inbound rules. An unsigned
     * fault, such as the WS-Security fault a server answers a refused request with, is itself
     * rejected: nothing proves who wrote it.
     */
    public InboundOutcome acceptResponse(byte[] envelope, String contentType) {
        return policy.validateResponse(envelope, contentType, sentSignatures, sentTokenSignatures);
    }
}
