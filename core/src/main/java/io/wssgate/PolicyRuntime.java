package io.wssgate;

import io.wssgate.capture.CaptureStore;
import io.wssgate.capture.RejectedRequest;
import io.wssgate.config.PolicyConfig;
import io.wssgate.fault.FaultCode;
import io.wssgate.fault.SecurityFault;
import io.wssgate.identity.AuthenticatedCaller;
import io.wssgate.inbound.CharsetAgreement;
import io.wssgate.soap.Delivery;
import io.wssgate.mime.MimePackage;
import io.wssgate.mime.MemoryBudget;
import io.wssgate.mime.MimeReader;
import io.wssgate.soap.HardenedParser;
import io.wssgate.inbound.InboundValidator;
import io.wssgate.soap.MalformedMessageException;
import io.wssgate.addressing.OutgoingAddressing;
import io.wssgate.soap.SoapVersion;
import io.wssgate.inbound.ValidatedMessage;
import io.wssgate.spi.OutboundContext;
import io.wssgate.soap.Documents;
import io.wssgate.outbound.OutboundSecurer;
import io.wssgate.spi.OutboundSecurityException;
import io.wssgate.outbound.SecuredMessage;
import io.wssgate.spi.ReplayCache;
import io.wssgate.sts.StsClient;
import io.wssgate.sts.StsTokenValidator;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import io.wssgate.log.GateLog;
import io.wssgate.log.GateMdc;
import org.w3c.dom.Document;

/**
 * The runtime of one policy (its configuration is a {@link io.wssgate.config.PolicyConfig}): its
 * inbound pipeline and outbound securer built from the key material in force, ready to validate
 * and secure messages; transports use it through {@link io.wssgate.exchange}. A rejection is
 * logged here, once, with its precise reason, how the request arrived and the correlation id the
 * message had in the MDC while it was validated; the caller only sees the code and the id.
 */
public final class PolicyRuntime {
    private static final GateLog LOG = GateLog.of(PolicyRuntime.class);

    private final PolicyConfig config;
    private final Clock clock;
    /** attachments.memory-budget: received MIME packages held in memory at once, across this policy's requests. */
    private final MemoryBudget packageMemory;
    /**
     * Everything built from key material, swapped as a whole by a reload. Each operation reads
     * it once, so a request runs start to end with the material it started with.
     */
    private final AtomicReference<KeyedParts> current;

    private final HardenedParser responseParser;

    private final List<GateObserver> observers;

    /** Where rejected requests are written for diagnosis ({@code diagnostics.capture-rejected}), if anywhere. */
    private final Optional<CaptureStore> capture;

    PolicyRuntime(PolicyConfig config, PolicyMaterial material, ReplayCache replayCache, Clock clock,
               List<GateObserver> observers, Optional<CaptureStore> capture) {
        this.config = config;
        this.packageMemory = new MemoryBudget(config.attachments().memoryBudget());
        this.clock = clock;
        this.observers = List.copyOf(observers);
        this.capture = capture;
        this.current = new AtomicReference<>(new KeyedParts(material,
                new InboundValidator(config, material.inbound(), stsValidator(material), clock, replayCache),
                new OutboundSecurer(config.outbound(), material.outbound(), clock)));
        this.responseParser = new HardenedParser(config.limits());
    }

    /** The parts of a policy that depend on its key material: immutable, replaced together. */
    private record KeyedParts(PolicyMaterial material, InboundValidator validator, OutboundSecurer securer) {
    }

    /**
     * Puts new key material in force for every request that starts from now on; requests under
     * way finish with the material they started with. The replay cache is kept.
     */
    synchronized void install(PolicyMaterial material) {
        KeyedParts previous = current.get();
        current.set(new KeyedParts(material, previous.validator().withKeys(material.inbound(), stsValidator(material)),
                new OutboundSecurer(config.outbound(), material.outbound(), clock)));
    }

    PolicyMaterial material() {
        return current.get().material();
    }

    /**
     * Entries in this policy's in-memory replay cache now, never more than
     * {@code replay.memory.max-entries}; empty for a shared (JCache) store.
     */
    public OptionalInt replayCacheSize() {
        return current.get().validator().replayCacheSize();
    }

    private Optional<StsTokenValidator> stsValidator(PolicyMaterial material) {
        return config.saml().stsValidation().map(v -> new StsTokenValidator(
                new StsClient(v.endpoint(), v.authentication(), material.stsValidationKey(), v.timeout()), clock));
    }

    public String name() {
        return config.name();
    }

    public PolicyConfig config() {
        return config;
    }

    /**
     * Validates a message's raw bytes. {@code contentType} is only used to pick the SOAP
     * version of a fault for a message too broken to tell.
     */
    public InboundOutcome validate(byte[] message, String contentType) {
        return validate(message, contentType, Delivery.unknown());
    }

    /** The same, for a request that arrived as {@code delivery} says (a SAML Recipient is compared with it). */
    public InboundOutcome validate(byte[] message, String contentType, Delivery delivery) {
        InboundValidator validator = current.get().validator();
        return outcome(message, contentType, delivery, true, () -> validator.validate(message, delivery));
    }

    /**
     * Validates a request body exactly as it came over HTTP with its Content-Type header: also
     * refuses a {@code charset} that disagrees with the document's own encoding, so that an
     * application honouring the HTTP charset cannot read another document than the one
     * verified here ({@link CharsetAgreement}). For runtimes that hand over an already decoded
     * message (JAX-WS), use {@link #validate(byte[], String)}.
     */
    public InboundOutcome validateHttpBody(byte[] message, String httpContentType) {
        return validateHttpBody(message, httpContentType, Delivery.unknown());
    }

    /** The same, for a request that arrived as {@code delivery} says (a SAML Recipient is compared with it). */
    public InboundOutcome validateHttpBody(byte[] message, String httpContentType, Delivery delivery) {
        InboundValidator validator = current.get().validator();
        return outcome(message, httpContentType, delivery, true, () -> {
            CharsetAgreement.check(message, httpContentType);
            return validator.validate(message, delivery);
        });
    }

    /**
     * Validates a request that arrived as a MIME package ({@code multipart/related}: SwA or
     * MTOM), read from {@code body} within {@code attachments.*} and {@code limits.max-message-size}
     * (for the root part). An accepted outcome holds the spooled package until the transport
     * releases it; a rejected one has already released it. A refused package is not captured
     * ({@code diagnostics.capture-rejected} keeps single envelopes): its root alone would not
     * show what was refused.
     */
    public InboundOutcome validateMimePackage(java.io.InputStream body, long declaredLength, String httpContentType,
                                              Delivery delivery) throws java.io.IOException {
        InboundValidator validator = current.get().validator();
        return mimeOutcome(body, declaredLength, httpContentType, delivery,
                mime -> () -> validator.validate(mime.rootBytes(), delivery, mime));
    }

    /**
     * Validates, on the client side, a response that arrived as a MIME package (SwA or MTOM), as
     * a request in one is ({@code attachments.*} of this policy), with the checks of {@link
     * #validateResponse(byte[], String, List, List)}. An accepted outcome holds the spooled package
     * until the caller releases it.
     */
    public InboundOutcome validateMimeResponse(java.io.InputStream body, long declaredLength, String contentType,
                                               List<byte[]> sentSignatureValues, List<byte[]> sentTokenSignatureValues)
            throws java.io.IOException {
        Optional<List<byte[]>> confirm = config.outbound().signatureConfirmation()
                ? Optional.of(sentSignatureValues) : Optional.empty();
        InboundValidator validator = current.get().validator();
        return mimeOutcome(body, declaredLength, contentType, Delivery.unknown(),
                mime -> () -> validator.validateResponse(mime.rootBytes(), confirm, sentTokenSignatureValues, mime));
    }

    private InboundOutcome mimeOutcome(java.io.InputStream body, long declaredLength, String contentType,
                                       Delivery delivery, java.util.function.Function<MimePackage, Validation> how)
            throws java.io.IOException {
        MimePackage mime;
        try {
            mime = new MimeReader(config.attachments(), config.limits().maxMessageBytes(), packageMemory)
                    .read(body, declaredLength, contentType);
        } catch (SecurityFault fault) {
            return reject(fault.code(), fault.getMessage(), SoapVersion.fromContentType(contentType), delivery);
        }
        String rootType = mime.root().contentType();
        Validation validation = how.apply(mime);
        InboundOutcome outcome = outcome(mime.rootBytes(), contentType, delivery, false, () -> {
            CharsetAgreement.check(mime.rootBytes(), rootType);
            return validation.run();
        }, Optional.of(mime));
        if (!(outcome instanceof InboundOutcome.Accepted)) {
            mime.close();
        }
        return outcome;
    }

    private InboundOutcome outcome(byte[] message, String contentType, Delivery delivery, boolean request,
                                   Validation validation) {
        return outcome(message, contentType, delivery, request, validation, Optional.empty());
    }

    /**
     * Decides under a fresh correlation id, which (with the policy, and once decided the outcome)
     * is in the SLF4J MDC meanwhile, so WSS4J's and Santuario's lines carry it too.
     * {@code request}: the message is a request (a refused one is captured when the configuration
     * says so); false for a response a client validates, which is never captured ({@code delivery}
     * is then {@link Delivery#unknown()}, as it may also be for a request).
     */
    private InboundOutcome outcome(byte[] message, String contentType, Delivery delivery, boolean request,
                                   Validation validation, Optional<MimePackage> mime) {
        long start = System.nanoTime();
        String correlationId = UUID.randomUUID().toString();
        try (GateMdc.Scope mdc = GateMdc.open(correlationId, config.name())) {
            InboundOutcome outcome = decide(message, contentType, delivery, request, validation, correlationId, mdc,
                    mime);
            // observers run with the message's MDC keys, so their own log lines carry them too
            tell(outcome, Duration.ofNanos(System.nanoTime() - start));
            return outcome;
        }
    }

    private void tell(InboundOutcome outcome, Duration elapsed) {
        for (GateObserver observer : observers) {
            try {
                if (outcome instanceof InboundOutcome.Accepted a) {
                    observer.accepted(config.name(), a.principal(), elapsed);
                } else if (outcome instanceof InboundOutcome.Rejected r) {
                    observer.rejected(config.name(), r.code(), elapsed);
                }
            } catch (RuntimeException e) {
                LOG.warn("observer {} failed: {}", observer, e.toString());
            }
        }
    }

    private InboundOutcome decide(byte[] message, String contentType, Delivery delivery, boolean request,
                                  Validation validation, String correlationId, GateMdc.Scope mdc,
                                  Optional<MimePackage> mime) {
        SoapVersion faultVersion = SoapVersion.fromContentType(contentType);
        try {
            ValidatedMessage valid = validation.run();
            mdc.accepted();
            LOG.debug("WS-Security accepted [{}] policy={} principal={}", correlationId, config.name(), valid.principal());
            byte[] body = valid.decrypted() ? Documents.serialize(valid.envelope().document()) : message;
            return new InboundOutcome.Accepted(config.name(), valid.caller(), valid.envelope().document(),
                    valid.envelope().version(), body, valid.operation(),
                    valid.addressing().reply(valid.responseAction()), correlationId, mime);
        } catch (SecurityFault fault) {
            return refused(fault.code(), fault.getMessage(), fault, message, contentType, faultVersion, delivery,
                    request, correlationId, mdc);
        } catch (RuntimeException e) {
            return refused(FaultCode.INVALID_SECURITY, "unexpected failure: " + e, e, message, contentType,
                    faultVersion, delivery, request, correlationId, mdc);
        }
    }

    /**
     * A refusal by the pipeline: logged, and a request captured when the configuration says so,
     * under the correlation id of the log line and of the client's fault.
     */
    private InboundOutcome.Rejected refused(FaultCode code, String detail, Throwable cause, byte[] message,
                                            String contentType, SoapVersion faultVersion, Delivery delivery,
                                            boolean request, String correlationId, GateMdc.Scope mdc) {
        InboundOutcome.Rejected rejected = reject(code, detail, cause, faultVersion, delivery, correlationId, mdc);
        if (request && capture.isPresent()) {
            try {
                capture.get().write(new RejectedRequest(config.name(), correlationId, clock.instant(),
                        message, Optional.ofNullable(contentType), delivery, code, detail, config.limits()));
            } catch (RuntimeException e) {
                LOG.warn("could not capture rejected request [{}]: {}", correlationId, e.toString());
            }
        }
        return rejected;
    }

    /**
     * Validates a response on the client side: the same inbound rules, and, when the policy
     * asks for SignatureConfirmation, that the response confirms exactly the signatures the
     * request carried ({@code sentSignatureValues}).
     */
    public InboundOutcome validateResponse(byte[] message, String contentType, List<byte[]> sentSignatureValues) {
        return validateResponse(message, contentType, sentSignatureValues, List.of());
    }

    /**
     * The same for a request that also carried signed tokens ({@link
     * io.wssgate.outbound.SecuredMessage#tokenSignatureValues()}): the response may confirm their
     * signatures too, as WSS4J-based servers (Apache CXF) do.
     */
    public InboundOutcome validateResponse(byte[] message, String contentType, List<byte[]> sentSignatureValues,
                                           List<byte[]> sentTokenSignatureValues) {
        Optional<List<byte[]>> confirm = config.outbound().signatureConfirmation()
                ? Optional.of(sentSignatureValues) : Optional.empty();
        InboundValidator validator = current.get().validator();
        return outcome(message, contentType, Delivery.unknown(), false,
                () -> validator.validateResponse(message, confirm, sentTokenSignatureValues));
    }

    /**
     * Secures an outbound message in place per the policy's {@code outbound} section.
     *
     * @throws OutboundSecurityException if it cannot be secured as required: it must not be sent
     */
    public SecuredMessage secureOutbound(Document soap, OutboundContext context) throws OutboundSecurityException {
        try {
            return current.get().securer().secure(soap, context);
        } catch (OutboundSecurityException e) {
            LOG.warn("WS-Security could not secure an outbound message, policy={}: {}", config.name(), e.getMessage());
            throw new OutboundSecurityException("policy '" + config.name() + "': " + e.getMessage(), e);
        }
    }

    /**
     * Secures a response an application wrote, in reply to {@code caller}'s request: parsed with
     * the same hardened parser, secured, serialized.
     *
     * @throws OutboundSecurityException if it is not a SOAP envelope or cannot be secured
     */
    public byte[] secureResponse(byte[] response, AuthenticatedCaller caller) throws OutboundSecurityException {
        return secureResponse(response, caller, Optional.empty());
    }

    /**
     * The same, the reply also carrying {@code replyAddressing} (the request used WS-Addressing:
     * its MessageID as RelatesTo, the reply's Action), signed with it.
     */
    public byte[] secureResponse(byte[] response, AuthenticatedCaller caller,
                                 Optional<OutgoingAddressing> replyAddressing) throws OutboundSecurityException {
        Document document;
        try {
            document = responseParser.parse(response).document();
        } catch (MalformedMessageException e) {
            throw new OutboundSecurityException("policy '" + config.name() + "': the response is not a SOAP envelope: "
                    + e.getMessage(), e);
        }
        return Documents.serialize(secureOutbound(document, OutboundContext.forResponse(caller, replyAddressing))
                .document());
    }

    /**
     * Secures a response the application wrote as a MIME package (SwA or MTOM): see {@link
     * ResponsePackages}. The caller writes and then closes the returned package.
     *
     * @throws OutboundSecurityException if it is not a well-formed package or cannot be secured
     */
    public io.wssgate.mime.SecuredPackage secureResponsePackage(java.io.InputStream body, long declaredLength,
                                                                String contentType, AuthenticatedCaller caller,
                                                                Optional<OutgoingAddressing> replyAddressing)
            throws OutboundSecurityException, java.io.IOException {
        return new ResponsePackages(this, responseParser).secure(body, declaredLength, contentType, caller,
                replyAddressing);
    }

    /** Whether this policy adds anything to outbound messages. */
    public boolean securesOutbound() {
        return config.outbound().enabled();
    }

    /** A rejection decided by the adapter (e.g. a refused HTTP method), logged the same way. */
    public InboundOutcome.Rejected reject(FaultCode code, String detail, SoapVersion version) {
        return reject(code, detail, version, Delivery.unknown());
    }

    /** The same, for a request that arrived as {@code delivery} says (named in the log line). */
    public InboundOutcome.Rejected reject(FaultCode code, String detail, SoapVersion version, Delivery delivery) {
        String correlationId = UUID.randomUUID().toString();
        try (GateMdc.Scope mdc = GateMdc.open(correlationId, config.name())) {
            return reject(code, detail, null, version, delivery, correlationId, mdc);
        }
    }

    @FunctionalInterface
    private interface Validation {
        ValidatedMessage run() throws SecurityFault;
    }

    /**
     * The one log line of a rejection: its correlation id (also in the fault and the MDC), the
     * policy, how the request arrived, the fault code and the precise reason.
     */
    private InboundOutcome.Rejected reject(FaultCode code, String detail, Throwable cause, SoapVersion version,
                                           Delivery delivery, String correlationId, GateMdc.Scope mdc) {
        mdc.rejected(code.localName());
        LOG.warn("WS-Security rejected message [{}] policy={}{} fault={}: {}", correlationId, config.name(),
                delivery.describe(), code.localName(), detail);
        if (cause != null && LOG.isDebugEnabled()) {
            LOG.debug("[" + correlationId + "] cause", cause);
        }
        return new InboundOutcome.Rejected(code, correlationId, version);
    }
}
