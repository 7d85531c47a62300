package io.wssgate.inbound;

import io.wssgate.config.OperationConfig;
import io.wssgate.diagnostics.trace.PipelineTrace;
import io.wssgate.diagnostics.trace.Stage;
import io.wssgate.diagnostics.trace.StageFact;
import io.wssgate.soap.AddressingHeaders;
import io.wssgate.soap.Delivery;
import io.wssgate.mime.MimePackage;
import java.util.Map;
import java.util.stream.Collectors;
import io.wssgate.replay.ExpiringReplayCache;
import io.wssgate.soap.MalformedMessageException;
import io.wssgate.soap.HardenedParser;
import io.wssgate.soap.SoapEnvelope;
import io.wssgate.config.PolicyConfig;
import io.wssgate.config.ReplayConfig;
import io.wssgate.spi.ReplayCache;
import io.wssgate.fault.FaultCode;
import io.wssgate.fault.SecurityFault;
import io.wssgate.identity.AuthenticatedCaller;
import io.wssgate.identity.WssPrincipal;
import io.wssgate.keys.InboundKeys;
import java.time.Clock;
import java.util.Optional;
import java.util.OptionalInt;
import io.wssgate.sts.StsTokenValidator;
import io.wssgate.soap.Documents;
import org.apache.wss4j.common.ext.WSSecurityException;
import org.apache.wss4j.dom.engine.WSSecurityEngine;
import org.apache.wss4j.dom.handler.WSHandlerResult;
import org.w3c.dom.Element;

/**
 * The inbound pipeline of one policy: hardened parse, structural prechecks, WSS4J header
 * processing, then this project's own checks (timestamp; the request's operation, whose rules
 * then apply: signature coverage, encryption, required headers; WS-Addressing; SAML subject
 * confirmation), the identity, authorization, and replay last. Built once at start-up,
 * thread-safe, one DOM per message.
 */
public final class InboundValidator {
    private final PolicyConfig policy;
    private final HardenedParser parser;
    private final MessagePrecheck precheck;
    private final EncryptedAssertions encryptedAssertions;
    private final Wss4jSettings wss4j;
    private final WSSecurityEngine engine;
    private final TimestampRules timestampRules;
    private final RequestRules policyRules;
    private final Map<String, RequestRules> operationRules;
    private final OperationResolver operations;
    private final AddressingRules addressingRules;
    private final SamlRules samlRules;
    private final IdentityBuilder identities;
    private final ReplayGuard replayGuard;
    private final Optional<StsCheck> stsCheck;
    private final Clock clock;
    /** A FIPS provider is in force: OAEP parameters and key references are held to FIPS mode's rules too. */
    private final boolean fips = io.wssgate.keys.FipsProviders.active();
    private final SecurityHeaderRule headerRule;
    private final LayoutCheck layoutCheck;

    public InboundValidator(PolicyConfig policy, InboundKeys keys, Clock clock) {
        this(policy, keys, Optional.empty(), clock);
    }

    /** With {@code stsValidator}, assertions are also validated by the STS (after every local check). */
    public InboundValidator(PolicyConfig policy, InboundKeys keys, Optional<StsTokenValidator> stsValidator,
                            Clock clock) {
        this(policy, keys, stsValidator, clock, new ExpiringReplayCache(ReplayConfig.DEFAULT_MAX_ENTRIES, clock));
    }

    /** The same, remembering admitted messages in {@code replayCache} (see {@link ReplayCache}). */
    public InboundValidator(PolicyConfig policy, InboundKeys keys, Optional<StsTokenValidator> stsValidator,
                            Clock clock, ReplayCache replayCache) {
        this(policy, keys, stsValidator, clock, new ReplayGuard(policy, clock, replayCache));
    }

    private InboundValidator(PolicyConfig policy, InboundKeys keys, Optional<StsTokenValidator> stsValidator,
                             Clock clock, ReplayGuard replayGuard) {
        this.clock = clock;
        this.stsCheck = stsValidator.map(StsCheck::new);
        this.policy = policy;
        this.parser = new HardenedParser(policy.limits());
        boolean encryptedAssertions = policy.saml().enabled() && policy.saml().encryptedAssertions();
        this.precheck = new MessagePrecheck(policy.usernameToken().enabled(), policy.saml().enabled(),
                encryptedAssertions, policy.outbound().signatureConfirmation(), policy.signature().algorithms(),
                policy.decryption(), policy.limits().maxMessageBytes());
        this.encryptedAssertions = new EncryptedAssertions(
                encryptedAssertions ? keys.decryptionKey() : Optional.empty(), policy.decryption(), parser);
        this.wss4j = new Wss4jSettings(policy, keys, clock);
        this.engine = new WSSecurityEngine();
        this.engine.setWssConfig(wss4j.wssConfig());
        this.timestampRules = new TimestampRules(policy.timestamp());
        this.policyRules = RequestRules.of(policy);
        this.operationRules = policy.operations().entries().stream()
                .collect(Collectors.toUnmodifiableMap(OperationConfig::name, o -> RequestRules.of(policy, o)));
        this.operations = new OperationResolver(policy.operations());
        this.addressingRules = new AddressingRules(policy.addressing());
        this.samlRules = new SamlRules(policy.saml(), clock);
        this.replayGuard = replayGuard;
        this.identities = new IdentityBuilder(policy.roles());
        this.headerRule = new SecurityHeaderRule(policy.securityHeader());
        this.layoutCheck = new LayoutCheck(policy.securityHeader().layout());
    }

    /**
     * The same pipeline with other key material, for a hot reload. It shares this validator's
     * replay cache: new keys must never make an already accepted message acceptable again.
     */
    public InboundValidator withKeys(InboundKeys keys, Optional<StsTokenValidator> stsValidator) {
        return new InboundValidator(policy, keys, stsValidator, clock, replayGuard);
    }

    /**
     * Entries in this policy's in-memory replay cache now (bounded by
     * {@code replay.memory.max-entries}); empty for a shared store, whose provider reports its own size.
     */
    public OptionalInt replayCacheSize() {
        return replayGuard.size();
    }

    /** Validates a request: it must authenticate its sender. */
    public ValidatedMessage validate(byte[] message) throws SecurityFault {
        return validate(message, Delivery.unknown());
    }

    /** Validates a request that arrived as {@code delivery} says (compared with what its tokens are bound to). */
    public ValidatedMessage validate(byte[] message, Delivery delivery) throws SecurityFault {
        return validate(message, delivery, PipelineTrace.NONE);
    }

    /** The same, telling {@code trace} about every stage as it runs (for diagnosis). */
    public ValidatedMessage validate(byte[] message, Delivery delivery, PipelineTrace trace) throws SecurityFault {
        return validate(message, false, delivery, Optional.empty(), java.util.List.of(), trace, Optional.empty());
    }

    /**
     * Validates a request that arrived as the root part of {@code mime}: its signatures may
     * reference the package's attachments, which are digested from disk while streaming.
     */
    public ValidatedMessage validate(byte[] message, Delivery delivery, MimePackage mime) throws SecurityFault {
        return validate(message, delivery, mime, PipelineTrace.NONE);
    }

    /** The same, telling {@code trace} about every stage as it runs (for diagnosis). */
    public ValidatedMessage validate(byte[] message, Delivery delivery, MimePackage mime, PipelineTrace trace)
            throws SecurityFault {
        return validate(message, false, delivery, Optional.empty(), java.util.List.of(), trace, Optional.of(mime));
    }

    /**
     * Validates a response on the client side: the same checks, but a response need not carry
     * an authenticating token when the policy requires none; with {@code sentSignatures}
     * present it must confirm exactly those signature values.
     */
    public ValidatedMessage validateResponse(byte[] message, Optional<java.util.List<byte[]>> sentSignatures)
            throws SecurityFault {
        return validateResponse(message, sentSignatures, java.util.List.of());
    }

    /**
     * The same, where the request also carried signed tokens: the response may confirm their
     * signatures ({@code sentTokenSignatures}, e.g. a SAML assertion's) besides the message
     * signatures, which it must confirm.
     */
    public ValidatedMessage validateResponse(byte[] message, Optional<java.util.List<byte[]>> sentSignatures,
                                             java.util.List<byte[]> sentTokenSignatures) throws SecurityFault {
        return validateResponse(message, sentSignatures, sentTokenSignatures, PipelineTrace.NONE);
    }

    /** The same, telling {@code trace} about every stage as it runs (for diagnosis). */
    public ValidatedMessage validateResponse(byte[] message, Optional<java.util.List<byte[]>> sentSignatures,
                                             java.util.List<byte[]> sentTokenSignatures, PipelineTrace trace)
            throws SecurityFault {
        return validate(message, true, Delivery.unknown(), sentSignatures, sentTokenSignatures, trace,
                Optional.empty());
    }

    /**
     * A response that arrived as the root part of {@code mime} (SwA or MTOM): checked as a
     * request in a MIME package is, its attachments included.
     */
    public ValidatedMessage validateResponse(byte[] message, Optional<java.util.List<byte[]>> sentSignatures,
                                             java.util.List<byte[]> sentTokenSignatures, MimePackage mime)
            throws SecurityFault {
        return validate(message, true, Delivery.unknown(), sentSignatures, sentTokenSignatures, PipelineTrace.NONE,
                Optional.of(mime));
    }

    private ValidatedMessage validate(byte[] message, boolean response, Delivery delivery,
                                      Optional<java.util.List<byte[]>> sentSignatures,
                                      java.util.List<byte[]> sentTokenSignatures, PipelineTrace trace,
                                      Optional<MimePackage> mime)
            throws SecurityFault {
        trace.entering(Stage.PARSE);
        SoapEnvelope envelope;
        try {
            envelope = parser.parse(message);
        } catch (MalformedMessageException e) {
            throw new SecurityFault(FaultCode.INVALID_SECURITY, e.getMessage(), e);
        }
        trace.parsed(envelope);
        trace.passed(Stage.PARSE, () -> StageFacts.parsed(envelope, message.length));
        trace.entering(Stage.SECURITY_HEADER);
        Optional<Element> securityHeader = SecurityHeaderLocator.find(envelope, headerRule);
        if (securityHeader.isEmpty() && response && asksNothingOfResponses()) {
            // a client whose policy requires no signature, timestamp or encryption accepts a plain response
            trace.passed(Stage.SECURITY_HEADER, () -> java.util.List.of(
                    new StageFact("Security header", "none, and the policy asks nothing of responses")));
            return new ValidatedMessage(envelope, new AuthenticatedCaller(identities.anonymous(), Optional.empty(),
                    java.util.List.of()), false);
        }
        Element header = securityHeader.orElseThrow(() -> noHeader(envelope));
        String actor = SecurityHeaderRule.actorOrRole(header, envelope.version());
        trace.passed(Stage.SECURITY_HEADER, () -> StageFacts.securityHeader(header, actor));
        trace.entering(Stage.PRECHECKS);
        precheck.check(envelope, header, mime);
        if (fips) {
            FipsMessageCheck.check(envelope.document().getDocumentElement());
        }
        DuplicateIdCheck.check(envelope.document().getDocumentElement());
        if (mime.isPresent()) {
            // (in a plain message an xop:Include names nothing WSS4J can fetch: it fails there as before)
            XopIncludes.check(envelope.document(), mime.get());
        }
        java.util.Set<io.wssgate.mime.MimePart> ciphertextParts = mime.isPresent()
                ? XopIncludes.ciphertextParts(envelope.document(), mime.get()) : java.util.Set.of();
        Optional<Element> decryptedAssertion = encryptedAssertions.decryptInPlace(header);
        if (decryptedAssertion.isPresent()) {
            // the decrypted assertion (its issuer signature, its IDs) gets the checks the received header got
            precheck.check(envelope, header, mime);
            DuplicateIdCheck.check(envelope.document().getDocumentElement());
        }
        // the decrypted assertion stands where its EncryptedAssertion arrived: references to it and
        // the layout are judged with it in place
        TokenReferenceCheck.check(header);
        LayoutCheck.Arrival arrival = layoutCheck.arrival(header);
        trace.passed(Stage.PRECHECKS, () -> StageFacts.prechecks(decryptedAssertion));
        trace.entering(Stage.HEADER_PROCESSING);
        ProcessingOrder.apply(header);
        SecurityResults results = SecurityResults.of(process(header, actor, mime));
        trace.passed(Stage.HEADER_PROCESSING, () -> StageFacts.processed(results));
        trace.entering(Stage.LAYOUT);
        layoutCheck.check(arrival, results);
        trace.passed(Stage.LAYOUT, () -> StageFacts.layout(policy.securityHeader().layout()));
        trace.entering(Stage.TIMESTAMP);
        timestampRules.check(results);
        trace.passed(Stage.TIMESTAMP, () -> StageFacts.timestamp(results));
        trace.entering(Stage.ADDRESSING);
        AddressingHeaders addressing = addressing(envelope);
        Optional<String> messageId = response ? Optional.empty() : addressingRules.check(addressing, results, delivery);
        trace.passed(Stage.ADDRESSING, () -> StageFacts.addressing(addressing, policy.addressing()));
        trace.entering(Stage.OPERATION);
        // a client judges a response by its policy's own rules; its operations name what it sends
        RequestRules rules = response ? policyRules : rulesFor(envelope, addressing, delivery);
        trace.passed(Stage.OPERATION, () -> StageFacts.operation(rules.operation(), delivery));
        trace.entering(Stage.COVERAGE);
        java.util.Set<io.wssgate.mime.MimePart> consumedCiphertext = java.util.Collections.newSetFromMap(
                new java.util.IdentityHashMap<>());
        consumedCiphertext.addAll(XopIncludes.consumed(ciphertextParts, envelope.document(), mime));
        if (mime.isPresent()) {
            consumedCiphertext.addAll(XopIncludes.keyCiphertext(ciphertextParts, header, mime.get(),
                    !results.decrypted().isEmpty()));
        }
        rules.checkCoverage(envelope, results, mime, consumedCiphertext);
        trace.passed(Stage.COVERAGE, () -> StageFacts.coverage(rules.signature()));
        trace.entering(Stage.ENCRYPTION);
        rules.checkEncryption(envelope, results);
        if (mime.isPresent() && policy.attachments().requireEncrypted()) {
            AttachmentEncryption.requireEncrypted(mime.get(), consumedCiphertext);
        }
        UndecryptedHeaderCheck.check(envelope, policy.securityHeader().actor());
        trace.passed(Stage.ENCRYPTION, () -> StageFacts.encryption(rules.decryption()));
        if (sentSignatures.isPresent()) {
            trace.entering(Stage.SIGNATURE_CONFIRMATION);
            SignatureConfirmationCheck.check(results, sentSignatures.get(), sentTokenSignatures);
            trace.passed(Stage.SIGNATURE_CONFIRMATION, () -> java.util.List.of(new StageFact("confirmed",
                    sentSignatures.get().size() + " signature value(s) of the request")));
        }
        trace.entering(Stage.SAML);
        Optional<SamlRules.ConfirmedAssertion> assertion = policy.saml().enabled()
                ? samlRules.check(envelope, results, delivery, rules.confirmationMethods()) : Optional.empty();
        if (assertion.isPresent() && stsCheck.isPresent()) {
            stsCheck.get().check(assertion.get().assertion());
        }
        trace.passed(Stage.SAML, () -> StageFacts.saml(assertion));
        trace.entering(Stage.IDENTITY);
        WssPrincipal principal = identify(envelope, results, assertion, response);
        trace.passed(Stage.IDENTITY, () -> StageFacts.identity(principal));
        if (!response) {
            trace.entering(Stage.AUTHORIZATION);
            rules.checkCaller(principal);
            trace.passed(Stage.AUTHORIZATION, () -> StageFacts.authorization(rules.operation()));
        }
        trace.entering(Stage.REPLAY);
        replayGuard.admit(results, assertion, messageId);
        trace.passed(Stage.REPLAY, () -> StageFacts.replay(clock.instant()));
        AuthenticatedCaller caller = new AuthenticatedCaller(principal,
                assertion.map(a -> Documents.detachedCopy(a.assertion().getElement())),
                results.signatures().stream().map(VerifiedSignature::value).toList());
        // decrypted attachments: the application gets the envelope without their EncryptedData as well
        boolean attachmentsDecrypted = mime.isPresent() && mime.get().attachments().stream()
                .anyMatch(mime.get()::isDecrypted);
        return new ValidatedMessage(envelope, caller, !results.decrypted().isEmpty() || decryptedAssertion.isPresent()
                        || attachmentsDecrypted,
                rules.operation(), rules.responseAction(), addressing);
    }

    private RequestRules rulesFor(SoapEnvelope envelope, AddressingHeaders addressing, Delivery delivery)
            throws SecurityFault {
        return operations.resolve(envelope, addressing, delivery).map(o -> operationRules.get(o.name()))
                .orElse(policyRules);
    }

    private static AddressingHeaders addressing(SoapEnvelope envelope) throws SecurityFault {
        try {
            return AddressingHeaders.of(envelope);
        } catch (MalformedMessageException e) {
            throw new SecurityFault(FaultCode.INVALID_SECURITY, e.getMessage(), e);
        }
    }

    private SecurityFault noHeader(SoapEnvelope envelope) {
        java.util.List<String> others = SecurityHeaderLocator.otherActors(envelope);
        return new SecurityFault(FaultCode.INVALID_SECURITY, "no wsse:Security header for this receiver ("
                + headerRule.describe() + "); " + (others.isEmpty() ? "the message has none"
                : "the message has them only for actor/role " + others));
    }

    private boolean asksNothingOfResponses() {
        return !policy.signature().required() && !policy.timestamp().required()
                && !policy.outbound().signatureConfirmation() && !policy.decryption().requiresEncryption();
    }

    private WSHandlerResult process(Element header, String actor, Optional<MimePackage> mime) throws SecurityFault {
        try {
            org.apache.wss4j.dom.handler.RequestData data = wss4j.newRequestData(actor);
            mime.ifPresent(m -> data.setAttachmentCallbackHandler(new AttachmentCallbacks(m, policy.limits().maxMessageBytes())));
            return engine.processSecurityHeader(header, data);
        } catch (WSSecurityException e) {
            throw Wss4jFaults.toFault(e);
        } catch (RuntimeException e) {
            // A malformed token can surface as an unchecked exception deep inside WSS4J or
            // OpenSAML; it is still a bad message, never a server error.
            throw new SecurityFault(FaultCode.INVALID_SECURITY, "security header processing failed: " + e, e);
        }
    }

    private WssPrincipal identify(SoapEnvelope envelope, SecurityResults results,
                                  Optional<SamlRules.ConfirmedAssertion> assertion, boolean response) throws SecurityFault {
        if (assertion.isPresent()) {
            return identities.fromAssertion(assertion.get());
        }
        Optional<VerifiedSignature> bodySigner = results.signatures().stream()
                .filter(s -> s.keyFromCertificate() && s.covers(envelope.body())).findFirst();
        if (!results.usernameTokens().isEmpty()) {
            if (results.usernameTokens().size() > 1) {
                throw new SecurityFault(FaultCode.INVALID_SECURITY, "more than one UsernameToken");
            }
            return identities.fromUsernameToken(results.usernameTokens().get(0),
                    bodySigner.flatMap(VerifiedSignature::certificate));
        }
        if ((policy.signature().x509Authentication() || response) && bodySigner.isPresent()) {
            return identities.fromCertificate(bodySigner.get().certificate().get());
        }
        if (response && !policy.signature().required()) {
            return identities.anonymous();
        }
        throw new SecurityFault(FaultCode.FAILED_AUTHENTICATION, "no token authenticated the message");
    }
}
