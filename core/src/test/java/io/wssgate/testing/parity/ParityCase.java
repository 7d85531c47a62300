package io.wssgate.testing.parity;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One request sent to every integration, and the decision each must reach: {@code expected},
 * unless {@code exceptions} names another answer for an integration whose runtime answers first
 * (keep those few, and say why where they are made).
 *
 * @param name        what the case is, shown as the test name
 * @param path        a path of the {@link Scenario} (with any query)
 * @param method      the HTTP method
 * @param contentType the HTTP Content-Type, or null for none
 * @param body        builds the body when sent (fresh IDs and timestamps each time); a
 *                    {@link io.wssgate.testing.attacks.Replay} sends its genuine messages first
 * @param headers     further HTTP request headers (e.g. SOAPAction)
 */
public record ParityCase(String name, String path, String method, String contentType, Supplier<byte[]> body,
                         Expectation expected, Map<Integration, Expectation> exceptions, Map<String, String> headers) {

    public ParityCase {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(expected, "expected");
        exceptions = Map.copyOf(exceptions);
        headers = Map.copyOf(headers);
    }

    /** Without further HTTP headers. */
    public ParityCase(String name, String path, String method, String contentType, Supplier<byte[]> body,
                      Expectation expected, Map<Integration, Expectation> exceptions) {
        this(name, path, method, contentType, body, expected, exceptions, Map.of());
    }

    /** The same case sent with one more HTTP header. */
    public ParityCase withHeader(String header, String value) {
        Map<String, String> more = new java.util.LinkedHashMap<>(headers);
        more.put(header, value);
        return new ParityCase(name, path, method, contentType, body, expected, exceptions, more);
    }

    /** A POST that every integration must decide alike. */
    public static ParityCase post(String name, String path, String contentType, Supplier<byte[]> body,
                                  Expectation expected) {
        return new ParityCase(name, path, "POST", contentType, body, expected, Map.of());
    }

    /** The same case, where {@code integration}'s runtime answers {@code answer} before WSS Gate. */
    public ParityCase except(Integration integration, Expectation answer) {
        Map<Integration, Expectation> more = new EnumMap<>(Integration.class);
        more.putAll(exceptions);
        more.put(integration, answer);
        return new ParityCase(name, path, method, contentType, body, expected, more, headers);
    }

    public Expectation expectedOn(Integration integration) {
        return exceptions.getOrDefault(integration, expected);
    }

    @Override
    public String toString() {
        return name;
    }
}
