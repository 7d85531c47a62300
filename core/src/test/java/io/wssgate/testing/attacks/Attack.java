package io.wssgate.testing.attacks;

import io.wssgate.fault.FaultCode;
import io.wssgate.testing.parity.Expectation;
import io.wssgate.testing.parity.Integration;
import io.wssgate.testing.parity.ParityCase;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One malicious request: what is sent (method, path, content type, body) and what the attacked
 * server must answer. The body is built when the attack is sent, so each run gets fresh
 * timestamps and IDs and the replay cache never decides an attack by accident.
 *
 * @param category       the attack class, e.g. "Signature wrapping"
 * @param name           what this particular message does
 * @param path           one of the policy paths in {@link AttackFixture}
 * @param body           builds the request body (empty array: no body)
 * @param contentType    the HTTP Content-Type header, or null for none
 * @param method         the HTTP method
 * @param expected       WSS Gate's answer: what every integration must answer unless excepted
 * @param runtimeAnswers the documented exceptions, per integration, where that integration's
 *                       runtime answers before WSS Gate runs (e.g. Metro's endpoint page for a GET)
 * @param headers        further HTTP request headers (e.g. a SOAPAction)
 */
public record Attack(String category, String name, String path, Supplier<byte[]> body, String contentType,
                     String method, Outcome expected, Map<Integration, Outcome> runtimeAnswers,
                     Map<String, String> headers) {

    public Attack {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(expected, "expected");
        runtimeAnswers = Map.copyOf(runtimeAnswers);
        headers = Map.copyOf(headers);
    }

    /** Without further HTTP headers. */
    public Attack(String category, String name, String path, Supplier<byte[]> body, String contentType,
                  String method, Outcome expected, Map<Integration, Outcome> runtimeAnswers) {
        this(category, name, path, body, contentType, method, expected, runtimeAnswers, Map.of());
    }

    /** The same attack sent with one more HTTP header. */
    public Attack withHeader(String header, String value) {
        Map<String, String> more = new java.util.LinkedHashMap<>(headers);
        more.put(header, value);
        return new Attack(category, name, path, body, contentType, method, expected, runtimeAnswers, more);
    }

    /** With at most one exception, for the JAX-WS handler on Metro (the form catalogues used first). */
    public Attack(String category, String name, String path, Supplier<byte[]> body, String contentType,
                  String method, Outcome expected, Optional<Outcome> expectedOnHandler) {
        this(category, name, path, body, contentType, method, expected,
                expectedOnHandler.map(o -> Map.of(Integration.JAXWS_METRO, o)).orElse(Map.of()));
    }

    /**
     * What the client must receive. {@code fault} empty means "not a WS-Security fault of ours"
     * (only for the runtime's own answers, e.g. Metro refusing a content type): the status is still
     * checked, and every attack is still checked for an uninvoked application and no principal.
     */
    public record Outcome(int status, Optional<FaultCode> fault) {
        /** HTTP 500 with this WS-Security fault code, its generic text and a correlation id. */
        public static Outcome fault(FaultCode code) {
            return new Outcome(500, Optional.of(code));
        }

        /** A fault with another HTTP status (the filter answers a refused method with 405). */
        public static Outcome fault(int status, FaultCode code) {
            return new Outcome(status, Optional.of(code));
        }

        /**
         * The runtime's own answer with this status (e.g. Metro's 415, or its endpoint page for
         * a GET): no WS-Security fault to check, but still no invocation and no principal.
         */
        public static Outcome runtimeAnswer(int status) {
            return new Outcome(status, Optional.empty());
        }
    }

    /** A POST of a SOAP message to {@code path}, with the content type of the path's SOAP version. */
    public static Attack post(String category, String name, String path, Supplier<byte[]> body, FaultCode expected) {
        return new Attack(category, name, path, body, AttackFixture.contentTypeFor(path), "POST",
                Outcome.fault(expected), Map.of());
    }

    /**
     * A replay: the genuine messages {@code messages} builds (all but the last) are sent first and
     * must be accepted; the last one, the replay, must get {@code expected}.
     */
    public static Attack replay(String category, String name, String path, Supplier<List<byte[]>> messages,
                                FaultCode expected) {
        return new Attack(category, name, path, Replay.of(messages), AttackFixture.contentTypeFor(path), "POST",
                Outcome.fault(expected), Map.of());
    }

    /** The same attack with another HTTP method and content type. */
    public Attack sentAs(String newMethod, String newContentType) {
        return new Attack(category, name, path, body, newContentType, newMethod, expected, runtimeAnswers, headers);
    }

    /** The same attack sent to another path (another policy). */
    public Attack onPath(String newPath) {
        return new Attack(category, name, newPath, body, contentType, method, expected, runtimeAnswers);
    }

    public Attack expecting(Outcome outcome) {
        return new Attack(category, name, path, body, contentType, method, outcome, runtimeAnswers, headers);
    }

    /**
     * {@code integration}'s runtime answers this one itself, before WSS Gate runs; keep such
     * exceptions few, explain each where it is made, and list it in the interoperability docs.
     */
    public Attack on(Integration integration, Outcome outcome) {
        Map<Integration, Outcome> more = new EnumMap<>(Integration.class);
        more.putAll(runtimeAnswers);
        more.put(integration, outcome);
        return new Attack(category, name, path, body, contentType, method, expected, more, headers);
    }

    /** {@link #on} the JAX-WS handler on Metro. */
    public Attack onHandlerExpecting(Outcome outcome) {
        return on(Integration.JAXWS_METRO, outcome);
    }

    /** The answer {@code integration} must give. */
    public Outcome expectedOn(Integration integration) {
        return runtimeAnswers.getOrDefault(integration, expected);
    }

    public Optional<Outcome> expectedOnHandler() {
        return Optional.ofNullable(runtimeAnswers.get(Integration.JAXWS_METRO));
    }

    public Outcome expectedOnHandlerOrDefault() {
        return expectedOn(Integration.JAXWS_METRO);
    }

    /** This attack as a case of the parity suites: refused everywhere as expected, with the same exceptions. */
    public ParityCase toCase() {
        Map<Integration, Expectation> exceptions = new EnumMap<>(Integration.class);
        runtimeAnswers.forEach((integration, outcome) -> exceptions.put(integration, new Expectation.Refused(outcome)));
        return new ParityCase(toString(), path, method, contentType, body, new Expectation.Refused(expected), exceptions,
                headers);
    }

    /** The test name: "category / name". */
    @Override
    public String toString() {
        return category + " / " + name;
    }
}
