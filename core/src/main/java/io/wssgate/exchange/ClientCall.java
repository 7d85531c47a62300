package io.wssgate.exchange;

import io.wssgate.PolicyRuntime;
import io.wssgate.InboundOutcome;
import io.wssgate.spi.OutboundAttachment;
import io.wssgate.fault.FaultCode;
import io.wssgate.outbound.RequestAddressing;
import io.wssgate.soap.AddressingHeaders;
import io.wssgate.soap.Delivery;
import io.wssgate.soap.MalformedMessageException;
import io.wssgate.soap.SoapEnvelope;
import io.wssgate.spi.OutboundContext;
import io.wssgate.spi.OutboundSecurityException;
import io.wssgate.outbound.SecuredMessage;
import io.wssgate.soap.Documents;
import io.wssgate.config.AttachmentPolicy;
import io.wssgate.fault.SecurityFault;
import io.wssgate.mime.MimePackage;
import io.wssgate.mime.MimeReader;
import io.wssgate.mime.SecuredPackage;
import io.wssgate.soap.SoapVersion;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.w3c.dom.Document;

/**
 * One call a client makes under a policy: its request secured per the policy's {@code outbound}
 * section, then its response validated with the inbound rules, where a response must confirm
 * exactly the signatures this call's request carried (WSS 1.1 SignatureConfirmation). The call
 * remembers those signature values itself, and the wsa:MessageID its request carried, which a
 * response's wsa:RelatesTo (when it has one) must name; a transport keeps the one object between
 * request and response (e.g. under {@link #KEY} in its message context). Not for reuse across calls.
 */
public final class ClientCall {
    /** The property name under which transports keep the call between request and response. */
    public static final String KEY = "io.wssgate.clientCall";

    private final PolicyRuntime policy;
    private List<byte[]> sentSignatures = List.of();
    private List<byte[]> sentTokenSignatures = List.of();
    private Optional<String> sentMessageId = Optional.empty();
    private List<OutboundAttachment> sentAttachments = List.of();

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
        return secureRequest(envelope, Delivery.unknown());
    }

    /**
     * The same for a request going out as {@code delivery} says: its endpoint URL and SOAPAction
     * give the wsa:To and wsa:Action when the policy adds WS-Addressing headers
     * ({@code outbound.addressing}) and configures neither.
     */
    public byte[] secureRequest(byte[] envelope, Delivery delivery) throws OutboundSecurityException {
        return secureRequest(envelope, delivery, List.of());
    }

    /**
     * The same for a request sent with SwA {@code attachments} (the transport sends them, unchanged,
     * in a {@code multipart/related} package with the returned envelope as its root): each is
     * signed by a {@code cid:} reference when {@code outbound.signature.parts} lists Attachments.
     */
    public byte[] secureRequest(byte[] envelope, List<OutboundAttachment> attachments)
            throws OutboundSecurityException {
        return secureRequest(envelope, Delivery.unknown(), attachments);
    }

    /** The same, going out as {@code delivery} says and with SwA {@code attachments}. */
    public byte[] secureRequest(byte[] envelope, Delivery delivery, List<OutboundAttachment> attachments)
            throws OutboundSecurityException {
        sentAttachments = List.copyOf(attachments);
        if (!policy.securesOutbound()) {
            return envelope;
        }
        SecuredMessage secured;
        try {
            Document request = Documents.parse(envelope);
            OutboundContext context = OutboundContext.forRequest()
                    .withAddressing(RequestAddressing.of(policy.config(), request, delivery))
                    .withAttachments(attachments);
            secured = policy.secureOutbound(request, context);
        } catch (IOException e) {
            throw new OutboundSecurityException("policy '" + policy.name() + "': the request is not XML: "
                    + e.getMessage(), e);
        }
        sentSignatures = secured.signatureValues();
        if (!secured.attachments().isEmpty()) {
            sentAttachments = secured.attachments();
        }
        sentTokenSignatures = secured.tokenSignatureValues();
        sentMessageId = secured.messageId();
        return Documents.serialize(secured.document());
    }

    /**
     * A request a transport has already written as a MIME package ({@code multipart/related},
     * SwA or MTOM, e.g. by its own MTOM encoder), secured as a package: read from {@code body}
     * and spooled (within {@code attachments.*} when the policy enables them, else the defaults),
     * its root envelope secured as {@link #secureRequest(byte[], Delivery, List)} secures it with
     * the package's parts as its attachments (an {@code xop:Include}d part covered through the
     * element it stands in, nothing inlined), its structure and Content-Type kept. The caller
     * writes the result and then closes it.
     *
     * @throws OutboundSecurityException if it is not a package WSS Gate can read or cannot be
     *         secured as required: it must not be sent
     */
    public SecuredPackage secureRequestPackage(InputStream body, long declaredLength, String contentType,
                                               Delivery delivery) throws OutboundSecurityException, IOException {
        AttachmentPolicy limits = policy.config().attachments().enabled() ? policy.config().attachments()
                : AttachmentPolicy.allowed();
        MimePackage mime;
        try {
            mime = new MimeReader(limits, policy.config().limits().maxMessageBytes()).read(body, declaredLength,
                    contentType);
        } catch (SecurityFault fault) {
            throw new OutboundSecurityException("policy '" + policy.name() + "': the request is not a MIME package "
                    + "WSS Gate can secure: " + fault.getMessage(), fault);
        }
        try {
            List<OutboundAttachment> given = SecuredPackage.attachments(mime);
            byte[] root = secureRequest(mime.rootBytes(), delivery, given);
            // parts are rewritten only where securing replaced them (encrypted SwA attachments)
            return new SecuredPackage(mime, root, sentAttachments.equals(given) ? List.of() : sentAttachments);
        } catch (OutboundSecurityException | RuntimeException e) {
            mime.close();
            throw e;
        }
    }

    /**
     * The SwA attachments to send with the envelope {@link #secureRequest} returned: the ones
     * given, or their ciphertext where {@code outbound.encryption.parts} lists Attachments (each
     * opening encrypts the source again: nothing is held in memory).
     */
    public List<OutboundAttachment> sentAttachments() {
        return sentAttachments;
    }

    /**
     * The signature values the secured request carried: what the response must confirm (empty
     * before {@link #secureRequest}). For diagnosing a refused response ({@code wssgate call}).
     */
    public List<byte[]> sentSignatureValues() {
        return sentSignatures.stream().map(byte[]::clone).toList();
    }

    /** The signature values of the signed tokens the request carried (e.g. an assertion's), which a response may confirm. */
    public List<byte[]> sentTokenSignatureValues() {
        return sentTokenSignatures.stream().map(byte[]::clone).toList();
    }

    /**
     * The response (faults included) validated with the policy's inbound rules. An unsigned
     * fault, such as the WS-Security fault a server answers a refused request with, is itself
     * rejected: nothing proves who wrote it.
     */
    public InboundOutcome acceptResponse(byte[] envelope, String contentType) {
        InboundOutcome outcome = policy.validateResponse(envelope, contentType, sentSignatures, sentTokenSignatures);
        if (outcome instanceof InboundOutcome.Accepted accepted && sentMessageId.isPresent()) {
            return answersOurRequest(accepted);
        }
        return outcome;
    }

    /**
     * A response as it comes over HTTP, read here: a SOAP envelope within {@code
     * limits.max-message-size}, or a MIME package ({@code multipart/related}, SwA or MTOM: the
     * policy must enable {@code attachments}) spooled within {@code attachments.*} and validated
     * as a request in one is, every attachment covered by the server's signature. An accepted
     * package's {@link InboundOutcome.Accepted#openApplicationBody()} is what the application
     * reads; the caller {@linkplain InboundOutcome.Accepted#release() releases} it.
     *
     * @param declaredLength the Content-Length the response announced, or -1
     */
    public InboundOutcome acceptResponse(InputStream body, long declaredLength, String contentType)
            throws IOException {
        if (!MimeReader.isMultipart(contentType)) {
            Optional<byte[]> envelope = BoundedRead.read(body, declaredLength,
                    policy.config().limits().maxMessageBytes());
            if (envelope.isEmpty()) {
                return policy.reject(FaultCode.INVALID_SECURITY, "response larger than "
                        + policy.config().limits().maxMessageBytes() + " bytes", SoapVersion.fromContentType(contentType));
            }
            return acceptResponse(envelope.get(), contentType);
        }
        InboundOutcome outcome = policy.validateMimeResponse(body, declaredLength, contentType, sentSignatures,
                sentTokenSignatures);
        if (outcome instanceof InboundOutcome.Accepted accepted && sentMessageId.isPresent()) {
            InboundOutcome related = answersOurRequest(accepted);
            if (!(related instanceof InboundOutcome.Accepted)) {
                accepted.release();
            }
            return related;
        }
        return outcome;
    }

    /** A response that relates itself (wsa:RelatesTo) to a message must name the one we sent. */
    private InboundOutcome answersOurRequest(InboundOutcome.Accepted response) {
        List<String> relatesTo;
        try {
            relatesTo = AddressingHeaders.of(SoapEnvelope.of(response.document())).relatesToValues();
        } catch (MalformedMessageException e) {
            return policy.reject(FaultCode.INVALID_SECURITY, "response: " + e.getMessage(), response.version());
        }
        if (!relatesTo.isEmpty() && !relatesTo.contains(sentMessageId.get())) {
            return policy.reject(FaultCode.FAILED_CHECK, "the response relates to " + relatesTo
                    + ", not to the request's wsa:MessageID " + sentMessageId.get(), response.version());
        }
        return response;
    }
}
