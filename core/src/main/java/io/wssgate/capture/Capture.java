package io.wssgate.capture;

import io.wssgate.fault.FaultCode;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * One captured rejection as written to disk: {@code <correlation id>.xml}, the message as received
 * (its Body's content removed when {@code bodyRedacted}; absent when it could not be kept), and
 * {@code <correlation id>.properties} beside it with how it arrived and what the server decided.
 * {@code wssgate explain} reads both, so it judges the message with the policy, the time, the
 * endpoint and the SOAPAction of the original decision (the SOAPAction picks a policy's operation).
 */
public record Capture(String correlationId, String policy, Instant receivedAt, Optional<String> contentType,
                      Optional<String> endpoint, Optional<String> remoteAddress, List<String> soapActions,
                      FaultCode fault, String detail, long messageBytes, boolean bodyRedacted,
                      Optional<Path> message) {
    public Capture {
        soapActions = List.copyOf(soapActions);
    }

    public static final String MESSAGE_SUFFIX = ".xml";
    public static final String FACTS_SUFFIX = ".properties";

    /** The capture a {@code .xml} or {@code .properties} file of a capture directory belongs to. */
    public static Capture read(Path file) throws IOException {
        String name = file.getFileName().toString();
        String base = name.endsWith(FACTS_SUFFIX) ? name.substring(0, name.length() - FACTS_SUFFIX.length())
                : name.endsWith(MESSAGE_SUFFIX) ? name.substring(0, name.length() - MESSAGE_SUFFIX.length()) : name;
        Path facts = file.resolveSibling(base + FACTS_SUFFIX);
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(facts, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        Path message = file.resolveSibling(base + MESSAGE_SUFFIX);
        try {
            return new Capture(required(p, "correlation-id"), required(p, "policy"),
                    Instant.parse(required(p, "received-at")), optional(p, "content-type"), optional(p, "endpoint"),
                    optional(p, "remote-address"),
                    optional(p, "soap-actions").map(v -> List.of(v.trim().split("\\s+"))).orElse(List.of()),
                    fault(required(p, "fault")), p.getProperty("detail", ""),
                    Long.parseLong(p.getProperty("message-bytes", "0")),
                    Boolean.parseBoolean(p.getProperty("body-redacted", "false")),
                    Files.exists(message) ? Optional.of(message) : Optional.empty());
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new IOException(facts + " is not a WSS Gate capture: " + e.getMessage(), e);
        }
    }

    /** Whether {@code file} is the facts file of a capture ({@code <id>.properties}). */
    public static boolean isFacts(Path file) {
        return file.getFileName().toString().endsWith(FACTS_SUFFIX);
    }

    void writeFacts(Writer out) throws IOException {
        Properties p = new Properties();
        p.setProperty("correlation-id", correlationId);
        p.setProperty("policy", policy);
        p.setProperty("received-at", receivedAt.toString());
        contentType.ifPresent(v -> p.setProperty("content-type", v));
        endpoint.ifPresent(v -> p.setProperty("endpoint", v));
        remoteAddress.ifPresent(v -> p.setProperty("remote-address", v));
        if (!soapActions.isEmpty()) {
            // the SOAPAction header and the Content-Type's action parameter (URIs: no white space)
            p.setProperty("soap-actions", String.join(" ", soapActions));
        }
        p.setProperty("fault", fault.localName());
        p.setProperty("detail", detail);
        p.setProperty("message-bytes", String.valueOf(messageBytes));
        p.setProperty("body-redacted", String.valueOf(bodyRedacted));
        p.setProperty("message-kept", String.valueOf(message.isPresent()));
        p.store(out, "WSS Gate: a rejected request. Explain it with: wssgate explain --config <the server's "
                + "configuration> " + correlationId + MESSAGE_SUFFIX);
    }

    private static String required(Properties p, String key) {
        String value = p.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("no " + key);
        }
        return value;
    }

    private static Optional<String> optional(Properties p, String key) {
        return Optional.ofNullable(p.getProperty(key)).filter(v -> !v.isBlank());
    }

    private static FaultCode fault(String localName) {
        return Arrays.stream(FaultCode.values()).filter(c -> c.localName().equals(localName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown fault " + localName));
    }
}
