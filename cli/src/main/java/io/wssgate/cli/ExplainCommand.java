package io.wssgate.cli;

import io.wssgate.capture.Capture;
import io.wssgate.config.ConfigurationException;
import io.wssgate.config.PolicyConfig;
import io.wssgate.diagnostics.Explainer;
import io.wssgate.diagnostics.Explanation;
import io.wssgate.soap.Delivery;
import io.wssgate.soap.SoapActions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wssgate explain}: a message through a policy's real pipeline, stage by stage, and why it is refused. */
@Command(name = "explain", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Why a message is refused: a policy's real pipeline, stage by stage, with evidence.", "",
                "Runs a captured message through a policy's real inbound pipeline, stage by stage, and "
                + "says why it is refused: which signature reference failed and whether it was reformatted after "
                + "signing, the certificate chain and where it breaks, clock skew, SAML values beside the "
                + "configured ones (invisible differences shown), algorithms and the key that would allow them.",
                "", "A file of a capture directory (diagnostics.capture-rejected) brings its policy, time, "
                + "Content-Type, endpoint and SOAPAction along. Several messages are judged in order by one pipeline, as on "
                + "one server (a replay of an earlier one is refused). Keys and passwords are never printed."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every message is accepted", "1:a message is refused", "2:the command line is wrong",
            "3:a file or the configuration cannot be used"})
final class ExplainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-c", "--config"}, required = true, paramLabel = "FILE",
            description = "The server's configuration (YAML, or .properties with the web.xml keys).")
    Path config;

    @Option(names = {"-p", "--policy"}, paramLabel = "NAME",
            description = "The policy to judge by (default: the capture's, the one for --endpoint, or the only one).")
    Optional<String> policy;

    @Option(names = "--at", paramLabel = "INSTANT", converter = Instants.class,
            description = "Judge as of this time, e.g. 2026-03-01T10:15:30Z (default: the capture's time, else now).")
    Optional<Instant> at;

    @Option(names = "--content-type", paramLabel = "TYPE",
            description = "The HTTP Content-Type it came with; its charset must agree with the document.")
    Optional<String> contentType;

    @Option(names = "--endpoint", paramLabel = "URL",
            description = "The URL it was sent to (a SAML Recipient is compared with it).")
    Optional<String> endpoint;

    @Option(names = "--soap-action", paramLabel = "ACTION",
            description = "The SOAPAction header it came with (it names the policy's operation, if any).")
    Optional<String> soapAction;

    @Option(names = "--json", description = "Machine-readable output.")
    boolean json;

    @Parameters(arity = "1..*", paramLabel = "MESSAGE",
            description = "Message files, or the .xml/.properties of a capture; - reads standard input.")
    List<String> messages;

    @Override
    public Integer call() {
        ConfigFile file = ConfigFile.load(config);
        file.usable();
        // one pipeline per policy judges every message in order, as one server would (a replay of an
        // earlier message is refused); its clock is set to each message's instant of judgement
        Map<String, Explainer> explainers = new HashMap<>();
        JudgementClock clock = new JudgementClock();
        Instant now = Instant.now();
        List<Explained> results = new ArrayList<>();
        for (String message : messages) {
            results.add(explain(message, file, explainers, clock, now));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.print(Json.write(Map.of("explanations", results.stream().map(ExplanationReport::json).toList())));
        } else {
            for (int i = 0; i < results.size(); i++) {
                out.print((i > 0 ? "\n" : "") + ExplanationReport.text(results.get(i)));
            }
        }
        out.flush();
        return results.stream().allMatch(Explained::accepted) ? ExitCodes.OK : ExitCodes.NEGATIVE;
    }

    /** One message's result: where it came from, its capture if it is one, and the explanation. */
    record Explained(String source, Optional<Capture> capture, Instant at, boolean atFromCapture,
                     Optional<Explanation> explanation) {
        boolean accepted() {
            return explanation.map(Explanation::accepted).orElse(false);
        }
    }

    private Explained explain(String source, ConfigFile file, Map<String, Explainer> explainers, JudgementClock clock,
                              Instant now) {
        Optional<Capture> capture = capture(source);
        byte[] bytes;
        if (capture.isPresent()) {
            Optional<Path> kept = capture.get().message();
            Instant when = at.orElse(capture.get().receivedAt());
            if (kept.isEmpty()) {
                return new Explained(source, capture, when, at.isEmpty(), Optional.empty());
            }
            bytes = read(kept.get().toString());
        } else {
            bytes = read(source);
        }
        Optional<String> url = endpoint.or(() -> capture.flatMap(Capture::endpoint));
        PolicyConfig chosen = file.choose(policy.or(() -> capture.map(Capture::policy)), url);
        Instant when = at.or(() -> capture.map(Capture::receivedAt)).orElse(now);
        clock.set(when);
        Explainer explainer = explainers.computeIfAbsent(chosen.name(), k -> explainer(chosen, clock, when));
        Optional<String> type = contentType.or(() -> capture.flatMap(Capture::contentType));
        // the SOAPAction (header or the Content-Type's action parameter) chooses the operation, as on the server
        List<String> actions = soapAction.isPresent() || capture.isEmpty()
                ? SoapActions.of(soapAction.orElse(null), type.orElse(null)) : capture.get().soapActions();
        Explanation explanation = explainer.explain(bytes, type,
                new Delivery(url, capture.flatMap(Capture::remoteAddress), actions));
        return new Explained(source, capture, when, at.isEmpty() && capture.isPresent(), Optional.of(explanation));
    }

    private static Explainer explainer(PolicyConfig policy, Clock clock, Instant when) {
        try {
            return Explainer.of(policy, clock);
        } catch (ConfigurationException e) {
            throw new CannotRun("the key material of policy '" + policy.name() + "' cannot be used as of " + when
                    + ":" + e.problems().stream().map(p -> "\n  " + p).reduce("", String::concat), e);
        }
    }

    /** The capture a file belongs to: a .properties of one, or a .xml with its .properties beside it. */
    private static Optional<Capture> capture(String source) {
        if (source.equals("-")) {
            return Optional.empty();
        }
        Path path = Path.of(source);
        String name = path.getFileName().toString();
        String base = name.replaceFirst("\\.(xml|properties)$", "");
        Path facts = path.resolveSibling(base + Capture.FACTS_SUFFIX);
        if (!Files.isRegularFile(facts)) {
            if (name.endsWith(Capture.FACTS_SUFFIX)) {
                throw new CannotRun("cannot read " + source + ": no such file");
            }
            return Optional.empty();
        }
        try {
            return Optional.of(Capture.read(facts));
        } catch (IOException e) {
            if (name.endsWith(Capture.FACTS_SUFFIX)) {
                throw new CannotRun(e.getMessage(), e);
            }
            return Optional.empty(); // a .properties beside the message that is not a capture's
        }
    }

    private static byte[] read(String source) {
        try {
            return source.equals("-") ? System.in.readAllBytes() : Files.readAllBytes(Path.of(source));
        } catch (NoSuchFileException e) {
            throw new CannotRun("cannot read " + source + ": no such file", e);
        } catch (IOException e) {
            throw new CannotRun("cannot read " + source + ": " + e.getMessage(), e);
        }
    }

    /** A clock standing still at the instant of judgement of the message being explained. */
    static final class JudgementClock extends Clock {
        private Instant instant = Instant.EPOCH;

        void set(Instant at) {
            instant = at;
        }

        @Override
        public Instant instant() {
            return instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this; // judgements are in UTC; the pipeline only reads instants
        }
    }
}
