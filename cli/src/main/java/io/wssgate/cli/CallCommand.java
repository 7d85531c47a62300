package io.wssgate.cli;

import io.wssgate.InboundOutcome;
import io.wssgate.PolicyRuntime;
import io.wssgate.WssGate;
import io.wssgate.config.ConfigurationException;
import io.wssgate.config.Problems;
import io.wssgate.config.ReplayConfig;
import io.wssgate.config.WssGateConfig;
import io.wssgate.diagnostics.Explainer;
import io.wssgate.diagnostics.Explanation;
import io.wssgate.exchange.ClientCall;
import io.wssgate.exchange.ServerExchange;
import io.wssgate.spi.OutboundSecurityException;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wssgate call}: "curl for WS-Security". */
@Command(name = "call", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"curl for WS-Security: secure a request, send it, validate the response.", "",
                "Secures a request with a client policy (Timestamp, signature, encryption, a SAML token "
                + "issued, propagated or fetched from an STS), POSTs it, validates the response with the same "
                + "policy and prints both, the Security headers summarised: a partner's service tested before any "
                + "code is written.",
                "", "REQUEST is a SOAP envelope, or just the Body's content (wrapped in a SOAP 1.1 envelope, 1.2 with "
                + "--soap12). A refusal by the server is shown with its fault code and the correlation id to ask its "
                + "operator about; a response this side refuses is explained."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the response was accepted (and is no fault)",
            "1:the server refused the request, answered with a fault or an HTTP error, or its response was refused",
            "2:the command line is wrong",
            "3:the request could not be sent (configuration, keys, STS, connection)"})
final class CallCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-c", "--config"}, required = true, paramLabel = "FILE",
            description = "The client configuration (YAML, or .properties with the same keys).")
    Path config;

    @Option(names = {"-p", "--policy"}, required = true, paramLabel = "NAME",
            description = "The client policy that secures the request and validates the response.")
    String policy;

    @Option(names = "--soap-action", paramLabel = "URI", description = "The SOAPAction (SOAP 1.1) or action (1.2).")
    Optional<String> soapAction;

    @Option(names = {"-H", "--header"}, paramLabel = "NAME: VALUE", description = "An extra HTTP header (repeatable).")
    List<String> headers = new ArrayList<>();

    @Option(names = "--soap12", description = "Wrap a bare Body in a SOAP 1.2 envelope instead of 1.1.")
    boolean soap12;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "How long to wait for the connection and the answer (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--json", description = "Machine-readable output.")
    boolean json;

    @Parameters(index = "0", paramLabel = "URL", description = "The service endpoint (http or https).")
    URI url;

    @Parameters(index = "1", paramLabel = "REQUEST", description = "The request file; - reads standard input.")
    String request;

    @Override
    public Integer call() throws Exception {
        if (!"http".equalsIgnoreCase(url.getScheme()) && !"https".equalsIgnoreCase(url.getScheme())) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "URL must be http or https: " + url);
        }
        ConfigFile file = ConfigFile.load(config);
        file.policy(policy);
        try (WssGate gate = gate(file.usable())) {
            PolicyRuntime runtime = gate.policy(policy).orElseThrow();
            Envelope envelope = Envelope.of(read(request), soap12);
            ClientCall call = new ClientCall(runtime);
            byte[] secured;
            try {
                secured = call.secureRequest(envelope.bytes());
            } catch (OutboundSecurityException e) {
                throw new CannotRun("the request cannot be secured: " + e.getMessage(), e);
            }
            HttpResponse<byte[]> response = send(secured, envelope);
            return report(file, runtime, call, envelope, secured, response);
        }
    }

    private static WssGate gate(WssGateConfig config) {
        WssGateConfig quiet = config.withKeyReloadInterval(Duration.ZERO).withCaptureRejected(Optional.empty());
        if (quiet.replay() instanceof ReplayConfig.JCache) {
            quiet = quiet.withReplay(ReplayConfig.defaults());
        }
        try {
            return WssGate.create(quiet, Clock.systemUTC(), new Problems());
        } catch (ConfigurationException e) {
            throw new CannotRun("the client configuration cannot be used:" + e.problems().stream()
                    .map(p -> "\n  " + p).reduce("", String::concat), e);
        }
    }

    private HttpResponse<byte[]> send(byte[] body, Envelope envelope) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(timeoutSeconds))
                .header("Content-Type", envelope.contentType(soapAction))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (!envelope.soap12()) {
            builder.header("SOAPAction", "\"" + soapAction.orElse("") + "\"");
        }
        for (String header : headers) {
            int colon = header.indexOf(':');
            if (colon <= 0) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "a header is NAME: VALUE, not '" + header + "'");
            }
            builder.header(header.substring(0, colon).strip(), header.substring(colon + 1).strip());
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(timeoutSeconds))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        try {
            return client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new CannotRun("cannot reach " + url + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CannotRun("interrupted while calling " + url, e);
        }
    }

    private int report(ConfigFile file, PolicyRuntime runtime, ClientCall call, Envelope envelope, byte[] secured,
                       HttpResponse<byte[]> response) {
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        Optional<String> correlationId = response.headers().firstValue(ServerExchange.CORRELATION_HEADER);
        Optional<ServerFault> fault = ServerFault.of(response.body());
        Optional<InboundOutcome> outcome = response.body().length == 0 ? Optional.empty()
                : Optional.of(accept(call, response.body(), contentType));
        boolean securityFault = fault.isPresent() && fault.get().wsSecurity();
        Optional<Explanation> refusal = Optional.empty();
        if (outcome.isPresent() && outcome.get() instanceof InboundOutcome.Rejected && !securityFault) {
            refusal = Optional.of(Explainer.of(runtime.config(), Clock.systemUTC())
                    .explainResponse(response.body(), call.sentSignatureValues(), call.sentTokenSignatureValues()));
        }
        boolean accepted = outcome.map(o -> o instanceof InboundOutcome.Accepted).orElse(false)
                && fault.isEmpty() && response.statusCode() / 100 == 2;
        String verdict = verdict(response.statusCode(), fault, correlationId, outcome, refusal);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("url", url.toString());
            m.put("policy", runtime.name());
            m.put("request", new String(secured, java.nio.charset.StandardCharsets.UTF_8));
            m.put("status", response.statusCode());
            m.put("contentType", contentType);
            m.put("correlationId", correlationId);
            m.put("response", new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
            m.put("fault", fault.map(f -> f.code()));
            m.put("responseAccepted", outcome.map(o -> o instanceof InboundOutcome.Accepted));
            m.put("principal", outcome.filter(o -> o instanceof InboundOutcome.Accepted)
                    .map(o -> ((InboundOutcome.Accepted) o).principal().name()));
            m.put("explanation", refusal.map(x -> ExplanationReport.json(new ExplainCommand.Explained("response",
                    Optional.empty(), x.at(), false, Optional.of(x)))));
            m.put("verdict", verdict);
            m.put("ok", accepted);
            out.print(Json.write(m));
        } else {
            out.println("> POST " + url + "  (policy " + runtime.name() + ", " + file.file().getFileName() + ")");
            out.println("> Content-Type: " + envelope.contentType(soapAction));
            out.print(SoapPrinter.print(secured));
            out.println();
            out.println("< HTTP " + response.statusCode() + (contentType.isEmpty() ? "" : "  " + contentType)
                    + correlationId.map(id -> "  " + ServerExchange.CORRELATION_HEADER + ": " + id).orElse(""));
            out.print(SoapPrinter.print(response.body()));
            out.println();
            out.println(verdict);
            refusal.ifPresent(x -> out.print(ExplanationReport.text(new ExplainCommand.Explained("response",
                    Optional.empty(), x.at(), false, Optional.of(x)))));
        }
        out.flush();
        return accepted ? ExitCodes.OK : ExitCodes.NEGATIVE;
    }

    /**
     * The response validated as the client policy says: an envelope, or a MIME package (SwA, MTOM;
     * the policy's {@code attachments} enabled) validated with its attachments, then released.
     */
    private static InboundOutcome accept(ClientCall call, byte[] body, String contentType) {
        try {
            InboundOutcome outcome = call.acceptResponse(new java.io.ByteArrayInputStream(body), body.length,
                    contentType);
            if (outcome instanceof InboundOutcome.Accepted accepted) {
                accepted.release();
            }
            return outcome;
        } catch (IOException e) {
            throw new CannotRun("cannot read the response: " + e.getMessage(), e);
        }
    }

    private static String verdict(int status, Optional<ServerFault> fault, Optional<String> correlationId,
                                  Optional<InboundOutcome> outcome, Optional<Explanation> refusal) {
        if (fault.isPresent() && fault.get().wsSecurity()) {
            String id = correlationId.or(() -> fault.get().correlationId()).orElse("(none given)");
            return "REFUSED BY THE SERVER: " + fault.get().code() + " \"" + fault.get().text() + "\"; its log has the "
                    + "reason under correlation id " + id + " (with diagnostics.capture-rejected on, "
                    + "wssgate explain <capture dir>/" + id + ".xml shows it)";
        }
        if (outcome.isEmpty()) {
            return (status / 100 == 2 ? "NO RESPONSE BODY" : "HTTP ERROR") + ": status " + status;
        }
        if (outcome.get() instanceof InboundOutcome.Accepted accepted) {
            String who = accepted.principal().name();
            if (fault.isPresent()) {
                return "SOAP FAULT from the service: " + fault.get().code() + " \"" + fault.get().text()
                        + "\" (the response's security was accepted, signed by " + who + ")";
            }
            return (status / 100 == 2 ? "RESPONSE ACCEPTED" : "HTTP " + status) + ": its security is valid, "
                    + (accepted.principal().tokenType() == io.wssgate.identity.TokenType.NONE ? "unsigned (the policy asks nothing "
                    + "of responses)" : "from " + who);
        }
        return "RESPONSE REFUSED by policy: " + refusal.flatMap(Explanation::cause).orElse("see the explanation")
                + (fault.isPresent() ? " (it is a SOAP fault: " + fault.get().code() + " \"" + fault.get().text() + "\")"
                : "");
    }

    private static byte[] read(String source) {
        try {
            return source.equals("-") ? System.in.readAllBytes() : Files.readAllBytes(Path.of(source));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new CannotRun("cannot read " + source + ": no such file", e);
        } catch (IOException e) {
            throw new CannotRun("cannot read " + source + ": " + e.getMessage(), e);
        }
    }
}
