package io.wssgate.diagnostics;

import io.wssgate.config.PolicyConfig;
import io.wssgate.config.Problems;
import io.wssgate.config.ReplayConfig;
import io.wssgate.diagnostics.Explanation.Finding;
import io.wssgate.diagnostics.Explanation.Verdict;
import io.wssgate.fault.FaultCode;
import io.wssgate.fault.SecurityFault;
import io.wssgate.inbound.CharsetAgreement;
import io.wssgate.mime.MimePackage;
import io.wssgate.mime.MimeReader;
import io.wssgate.inbound.InboundValidator;
import io.wssgate.diagnostics.trace.Stage;
import io.wssgate.diagnostics.trace.StageFact;
import io.wssgate.inbound.ValidatedMessage;
import io.wssgate.keys.InboundKeys;
import io.wssgate.keys.KeyMaterialLoader;
import io.wssgate.replay.ExpiringReplayCache;
import io.wssgate.soap.Delivery;
import io.wssgate.soap.HardenedParser;
import io.wssgate.soap.MalformedMessageException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.w3c.dom.Document;

/**
 * Explains what one policy decides about messages, offline: each message goes through the
 * policy's real {@link InboundValidator} (the same class, rules and key material a server
 * builds) with a clock standing at the instant of judgement, stage by stage, and a refusal is
 * followed by evidence analyses that say why in terms of the message and the configuration.
 * Messages explained by one explainer share its replay memory, in order, as on one server; STS
 * validation ({@code saml.sts-validation}) is not run. Not thread-safe.
 */
public final class Explainer {
    private final PolicyConfig policy;
    private final InboundKeys keys;
    private final Clock clock;
    private final InboundValidator validator;
    private final HardenedParser parser;
    private final List<ReplayEvidence.Marks> admitted = new ArrayList<>();
    private int explained;

    private Explainer(PolicyConfig policy, InboundKeys keys, Clock clock) {
        this.policy = policy;
        this.keys = keys;
        this.clock = clock;
        this.validator = new InboundValidator(policy, keys, Optional.empty(), clock,
                new ExpiringReplayCache(ReplayConfig.DEFAULT_MAX_ENTRIES, clock));
        this.parser = new HardenedParser(policy.limits());
    }

    /**
     * Loads the policy's key material as of {@code clock} (an expired certificate is a problem
     * then, as at a server's start) and builds its pipeline with that clock.
     *
     * @throws io.wssgate.config.ConfigurationException listing every key material problem
     */
    public static Explainer of(PolicyConfig policy, Clock clock) {
        Objects.requireNonNull(policy, "policy");
        Problems problems = new Problems();
        InboundKeys keys = InboundKeys.load(policy, new KeyMaterialLoader(problems, clock));
        problems.throwIfAny();
        return new Explainer(policy, keys, clock);
    }

    /**
     * A request as a server would judge it: {@code httpContentType} (when known) must agree with
     * the document's encoding as on an HTTP transport; {@code delivery} is where it was sent
     * (a SAML Recipient is compared with it).
     */
    public Explanation explain(byte[] message, Optional<String> httpContentType, Delivery delivery) {
        List<Stage> skipped = new ArrayList<>(List.of(Stage.SIGNATURE_CONFIRMATION));
        if (httpContentType.isEmpty()) {
            skipped.add(Stage.TRANSPORT);
        }
        if (httpContentType.isPresent() && MimeReader.isMultipart(httpContentType.get())
                && policy.attachments().enabled()) {
            return explainPackage(message, httpContentType.get(), delivery, skipped);
        }
        return run(() -> Optional.of(message), delivery, skipped, recorder -> {
            if (httpContentType.isPresent()) {
                recorder.entering(Stage.TRANSPORT);
                CharsetAgreement.check(message, httpContentType.get());
                recorder.passed(Stage.TRANSPORT, () -> List.of(new StageFact("Content-Type", httpContentType.get())));
            }
            return validator.validate(message, delivery, recorder);
        });
    }

    /**
     * A MIME package (SwA, MTOM) as a server whose policy enables attachments reads it: read strictly
     * within {@code attachments.*} (the transport stage), then its root envelope through the pipeline
     * with the package's attachments; the analyses look at the root envelope.
     */
    private Explanation explainPackage(byte[] body, String contentType, Delivery delivery, List<Stage> skipped) {
        MimePackage[] read = new MimePackage[1];
        byte[][] root = {null};
        try {
            // a package refused as MIME has no envelope to analyse: the pipeline's detail is the cause
            return run(() -> Optional.ofNullable(root[0]), delivery, skipped, recorder -> {
                recorder.entering(Stage.TRANSPORT);
                try {
                    read[0] = new MimeReader(policy.attachments(), policy.limits().maxMessageBytes())
                            .read(new java.io.ByteArrayInputStream(body), body.length, contentType);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                root[0] = read[0].rootBytes();
                CharsetAgreement.check(root[0], read[0].root().contentType());
                recorder.passed(Stage.TRANSPORT, () -> List.of(new StageFact("Content-Type", contentType),
                        new StageFact("attachments", String.valueOf(read[0].attachments().size()))));
                return validator.validate(root[0], delivery, read[0], recorder);
            });
        } finally {
            if (read[0] != null) {
                read[0].close();
            }
        }
    }

    /**
     * A response as a client under this policy judges it, confirming {@code sentSignatures} when the
     * policy asks for SignatureConfirmation (what the request carried; see {@code ClientCall}).
     */
    public Explanation explainResponse(byte[] message, List<byte[]> sentSignatures, List<byte[]> sentTokenSignatures) {
        Optional<List<byte[]>> confirm = policy.outbound().signatureConfirmation()
                ? Optional.of(sentSignatures) : Optional.empty();
        // a response is judged by the policy's own rules: no addressing checks, operation or authorization
        List<Stage> skipped = new ArrayList<>(List.of(Stage.TRANSPORT, Stage.ADDRESSING, Stage.OPERATION,
                Stage.AUTHORIZATION));
        if (confirm.isEmpty()) {
            skipped.add(Stage.SIGNATURE_CONFIRMATION);
        }
        return run(() -> Optional.of(message), Delivery.unknown(), skipped,
                recorder -> validator.validateResponse(message, confirm, sentTokenSignatures, recorder));
    }

    @FunctionalInterface
    private interface Pipeline {
        ValidatedMessage run(StageRecorder recorder) throws SecurityFault;
    }

    /**
     * {@code envelope}: the envelope judged, asked for after the pipeline ran (a MIME package's root
     * is known only once the package was read; none when the package itself was refused).
     */
    private Explanation run(java.util.function.Supplier<Optional<byte[]>> envelope, Delivery delivery, List<Stage> skipped,
                            Pipeline pipeline) {
        int number = ++explained;
        StageRecorder recorder = new StageRecorder();
        Verdict verdict;
        List<Finding> findings = new ArrayList<>();
        try {
            ValidatedMessage valid = pipeline.run(recorder);
            envelope.get().flatMap(this::parse).ifPresent(d -> admitted.add(ReplayEvidence.of(number, d)));
            verdict = new Verdict.Accepted(valid.principal().name(), valid.principal().tokenType()
                    + valid.principal().confirmationMethod().map(m -> " (" + m.key() + ")").orElse(""),
                    List.copyOf(new TreeSet<>(valid.principal().roles())));
        } catch (SecurityFault fault) {
            verdict = new Verdict.Rejected(fault.code(), fault.getMessage());
            Optional<byte[]> message = envelope.get();
            if (message.isPresent()) {
                findings.addAll(analyse(new Refusal(message.get(), parse(message.get()), recorder.envelope(), policy,
                        keys, clock.instant(), recorder.failed().orElse(Stage.PARSE), fault.code(),
                        fault.getMessage(), delivery)));
            }
        } catch (RuntimeException e) {
            // what PolicyRuntime answers to any unexpected failure of the pipeline
            verdict = new Verdict.Rejected(FaultCode.INVALID_SECURITY, "unexpected failure: " + e);
        }
        if (policy.saml().stsValidation().isPresent()) {
            findings.add(Finding.note("offline", "saml.sts-validation is not run offline: the STS was not asked",
                    List.of()));
        }
        return new Explanation(policy.name(), clock.instant(), verdict, recorder.verdicts(skipped), findings);
    }

    /** The analyses in the order that best fits the fault; each one only speaks when it has something to say. */
    private List<Finding> analyse(Refusal refusal) {
        List<Finding> out = new ArrayList<>();
        for (Analysis analysis : order(refusal.code())) {
            try {
                out.addAll(analysis.findings(refusal));
            } catch (RuntimeException e) {
                out.add(Finding.note("tool", "an evidence analysis failed on this message: " + e, List.of()));
            }
        }
        return out;
    }

    @FunctionalInterface
    private interface Analysis {
        List<Finding> findings(Refusal refusal);
    }

    private List<Analysis> order(FaultCode code) {
        Analysis replay = r -> ReplayEvidence.findings(r, admitted);
        Analysis references = r -> r.stage() == Stage.HEADER_PROCESSING && r.code() == FaultCode.FAILED_CHECK
                ? ReferenceEvidence.findings(r) : List.of();
        Analysis signatureValue = r -> r.stage() == Stage.HEADER_PROCESSING && r.code() == FaultCode.FAILED_CHECK
                ? SignatureValueEvidence.findings(r) : List.of();
        return switch (code) {
            case MESSAGE_EXPIRED -> List.of(ClockEvidence::findings, CertificateEvidence::findings);
            case FAILED_CHECK -> List.of(references, signatureValue, DecryptionEvidence::findings,
                    SamlEvidence::findings, MessageShapeEvidence::findings, CertificateEvidence::findings);
            case FAILED_AUTHENTICATION -> List.of(SamlEvidence::findings, CertificateEvidence::findings,
                    UsernameTokenEvidence::findings, ClockEvidence::findings);
            case UNSUPPORTED_ALGORITHM -> List.of(AlgorithmEvidence::findings, CertificateEvidence::findings);
            case INVALID_SECURITY_TOKEN -> List.of(SamlEvidence::findings, ClockEvidence::findings,
                    CertificateEvidence::findings);
            default -> List.of(MessageShapeEvidence::findings, replay, AlgorithmEvidence::findings,
                    SamlEvidence::findings, ClockEvidence::findings, CertificateEvidence::findings);
        };
    }

    private Optional<Document> parse(byte[] message) {
        try {
            return Optional.of(parser.parseDocument(message));
        } catch (MalformedMessageException e) {
            return Optional.empty();
        }
    }

    /** The policy explained. */
    public PolicyConfig policy() {
        return policy;
    }
}
