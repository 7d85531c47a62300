package io.wssgate.testing.attacks;

import io.wssgate.fault.FaultCode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One malicious request: what is sent (method, path, content type, body) and what the attacked
 * server must answer. The body is built when the attack is sent, so each run gets fresh
 * timestamps and IDs and the replay cache never decides an attack by accident.
 *
 * @param category          the attack class, e.g. "Signature wrapping"
 * @param name              what this particular message does
 * @param path              one of the policy paths in {@link AttackFixture}
 * @param body              builds the request body (empty array: no body)
 * @param contentType       the HTTP Content-Type header, or null for none
 * @param method            the HTTP method
 * @param expected          the answer of the Servlet filter, and of the JAX-WS handler unless overridden
 * @param expectedOnHandler the documented exception where Metro answers before our handler runs
 */
public record Attack(String category, String name, String path, Supplier<byte[]> body, String contentType,
                     String method, Outcome expected, Optional<Outcome> expectedOnHandler) {

    public Attack {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(expectedOnHandler, "expectedOnHandler");
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
                Outcome.fault(expected), Optional.empty());
    }

    /**
     * A replay: the genuine messages {@code messages} builds (all but the last) are sent first and
     * must be accepted; the last one, the replay, must get {@code expected}.
     */
    public static Attack replay(String category, String name, String path, Supplier<List<byte[]>> messages,
                                FaultCode expected) {
        return new Attack(category, name, path, Replay.of(messages), AttackFixture.contentTypeFor(path), "POST",
                Outcome.fault(expected), Optional.empty());
    }

    /** The same attack with another HTTP method, content type or expectation. */
    public Attack sentAs(String newMethod, String newContentType) {
        return new Attack(category, name, path, body, newContentType, newMethod, expected, expectedOnHandler);
    }

    public Attack expecting(Outcome outcome) {
        return new Attack(category, name, path, body, contentType, method, outcome, expectedOnHandler);
    }

    /** Metro answers this one itself, before any handler; keep such exceptions few and explain them. */
    public Attack onHandlerExpecting(Outcome outcome) {
        return new Attack(category, name, path, body, contentType, method, expected, Optional.of(outcome));
    }

    public Outcome expectedOnHandlerOrDefault() {
        return expectedOnHandler.orElse(expected);
    }

    /** The test name: "category / name". */
    @Override
    public String toString() {
        return category + " / " + name;
    }
}
