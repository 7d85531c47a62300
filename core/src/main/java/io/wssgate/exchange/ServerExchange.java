package io.wssgate.exchange;

import io.wssgate.PolicyRuntime;
import io.wssgate.InboundOutcome;
import io.wssgate.fault.FaultCode;
import io.wssgate.fault.SoapFaultWriter;
import io.wssgate.inbound.SecurityHeaderRule;
import io.wssgate.soap.Delivery;
import io.wssgate.spi.OutboundSecurityException;
import io.wssgate.soap.SoapVersion;
import io.wssgate.mime.MimeReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import io.wssgate.log.GateLog;
import io.wssgate.log.GateMdc;

/**
 * The server side of one policy's message exchange, the same for every transport: a request in
 * (its body as read within the policy's limit, how it arrived) becomes an accepted request with
 * its caller or a complete rejection (fault bytes, correlation id, already logged); the
 * application's response becomes the secured response or a complete server fault. A transport
 * (the Servlet filter, the JAX-WS handler, Metro's codec) only moves bytes and headers and
 * exposes the caller to its framework: it makes no security decision of its own.
 */
public final class ServerExchange {
    /** The HTTP response header that carries a fault's correlation id, as its detail does. */
    public static final String CORRELATION_HEADER = "X-WSS-Gate-Correlation-Id";

    private static final GateLog LOG = GateLog.of(ServerExchange.class);

    private final PolicyRuntime policy;

    public ServerExchange(PolicyRuntime policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    public String policyName() {
        return policy.name();
    }

    /** The most bytes a request body may have ({@code limits.max-message-size}); see {@link BoundedRead}. */
    public long maxMessageBytes() {
        return policy.config().limits().maxMessageBytes();
    }

    /**
     * A request as it came over HTTP: {@code body} as read within {@link #maxMessageBytes()}
     * (empty: larger), with its Content-Type (whose charset must agree with the document).
     */
    public InboundOutcome receive(Optional<byte[]> body, String httpContentType, Delivery delivery) {
        if (body.isEmpty()) {
            return policy.reject(FaultCode.INVALID_SECURITY, "message larger than " + maxMessageBytes() + " bytes",
                    SoapVersion.fromContentType(httpContentType), delivery);
        }
        return policy.validateHttpBody(body.get(), httpContentType, delivery);
    }

    /**
     * A request as it comes over HTTP, read here: a SOAP envelope within {@link #maxMessageBytes()}
     * ({@link BoundedRead}), or, where the policy enables attachments, a MIME package
     * ({@code multipart/related}: SOAP with Attachments, MTOM) spooled within its
     * {@code attachments.*} limits. An accepted request's {@link InboundOutcome.Accepted#openApplicationBody()}
     * is what the application reads; the transport {@linkplain InboundOutcome.Accepted#release() releases}
     * it when the application is done.
     *
     * @param declaredLength the length the transport announced (Content-Length), or -1
     */
    public InboundOutcome receive(InputStream body, long declaredLength, String httpContentType, Delivery delivery)
            throws IOException {
        if (readsMimePackage(httpContentType)) {
            return policy.validateMimePackage(body, declaredLength, httpContentType, delivery);
        }
        // without attachments a MIME package is just a body that is not a SOAP envelope, refused as such
        return receive(BoundedRead.read(body, declaredLength, maxMessageBytes()), httpContentType, delivery);
    }

    /** Whether a request of this Content-Type is read as a MIME package (the policy enables attachments). */
    public boolean readsMimePackage(String httpContentType) {
        return MimeReader.isMultipart(httpContentType) && policy.config().attachments().enabled();
    }

    /**
     * A request a runtime already decoded and serialized again (a JAX-WS runtime without a WSS
     * Gate integration at the wire): validated as it is, no HTTP charset to agree with.
     */
    public InboundOutcome receiveDecoded(byte[] envelope, SoapVersion version, Delivery delivery) {
        return policy.validate(envelope, version.contentType(), delivery);
    }

    /** A request the transport refuses before reading it (e.g. its HTTP method), logged like every refusal. */
    public InboundOutcome.Rejected refuse(String detail, String httpContentType) {
        return refuse(detail, httpContentType, Delivery.unknown());
    }

    /** The same, for a request that arrived as {@code delivery} says (named in the log line). */
    public InboundOutcome.Rejected refuse(String detail, String httpContentType, Delivery delivery) {
        return policy.reject(FaultCode.INVALID_SECURITY, detail, SoapVersion.fromContentType(httpContentType), delivery);
    }

    /** A request the transport cannot hand on as the exchange decided, refused with {@code code}. */
    public InboundOutcome.Rejected refuse(FaultCode code, String detail, SoapVersion version) {
        return policy.reject(code, detail, version);
    }

    /**
     * Whether a {@code wsse:Security} header addressed to {@code actorOrRole} (empty: none) is
     * the one this policy processes ({@code security-header.actor}, {@code accept-next}): for a
     * runtime that must tell which Security header was understood.
     */
    public boolean processesSecurityHeader(SoapVersion version, String actorOrRole) {
        return new SecurityHeaderRule(policy.config().securityHeader()).addressesUs(version, actorOrRole);
    }

    /** Whether responses are secured at all (the policy has an {@code outbound} section). */
    public boolean securesResponses() {
        return policy.securesOutbound();
    }

    /**
     * The application's {@code response} to {@code request}: secured when the policy says so
     * (an empty response stays empty), with the request's WS-Addressing answered (wsa:RelatesTo,
     * wsa:Action) when it used WS-Addressing, or replaced by the generic server fault when it
     * cannot be.
     */
    public Reply reply(InboundOutcome.Accepted request, byte[] response) {
        if (!policy.securesOutbound() || response.length == 0) {
            return new Reply(response, Optional.empty());
        }
        try {
            return new Reply(policy.secureResponse(response, request.caller(), request.replyAddressing()),
                    Optional.empty());
        } catch (OutboundSecurityException | RuntimeException e) {
            return serverFault(request.version(), e.getMessage());
        }
    }

    /** Whether a response of this Content-Type is secured as a MIME package ({@link #replyPackage}). */
    public boolean securesPackage(String responseContentType) {
        return policy.securesOutbound() && MimeReader.isMultipart(responseContentType);
    }

    /**
     * The application's {@code response} to {@code request} written as a MIME package
     * ({@code multipart/related}, SwA or MTOM: see {@link #securesPackage}), secured: the envelope
     * as {@link #reply(InboundOutcome.Accepted, byte[])} secures it, the attachments signed (and
     * encrypted) as {@code outbound.signature.parts} / {@code outbound.encryption.parts} say, an
     * MTOM part through the element its {@code xop:Include} stands in; spooled to disk, never held.
     * Or the generic server fault when it cannot be.
     */
    public PackageReply replyPackage(InboundOutcome.Accepted request, InputStream response, long declaredLength,
                                     String contentType) {
        try {
            return new PackageReply.Secured(policy.secureResponsePackage(response, declaredLength, contentType,
                    request.caller(), request.replyAddressing()));
        } catch (OutboundSecurityException | IOException | RuntimeException e) {
            return new PackageReply.Fault(serverFault(request.version(), e.getMessage()));
        }
    }

    /**
     * The MDC keys of an accepted request (its correlation id, policy, outcome) for as long as
     * the application runs for it: open on the request's thread, close in a finally.
     */
    public static GateMdc.Scope logContext(InboundOutcome.Accepted request) {
        return GateMdc.accepted(request.correlationId(), request.policy());
    }

    /**
     * The generic server fault in {@code version} for a response that cannot go out secured, the
     * reason logged under its correlation id.
     */
    public Reply serverFault(SoapVersion version, String reason) {
        String correlationId = UUID.randomUUID().toString();
        LOG.error("WS-Security could not secure the response [{}] policy={}: {}", correlationId, policy.name(), reason);
        return new Reply(SoapFaultWriter.serverFault(version == SoapVersion.SOAP_12, correlationId),
                Optional.of(correlationId));
    }
}
