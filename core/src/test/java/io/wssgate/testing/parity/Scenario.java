package io.wssgate.testing.parity;

import io.wssgate.soap.SoapVersion;
import io.wssgate.testing.attacks.Canary;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A world every integration is started in and then sent the same cases: one WSS Gate YAML
 * configuration, the paths its applications serve (each with the policy that guards it and the
 * SOAP version its endpoint speaks), and the cases. The attack catalogue is one scenario
 * ({@link AttackScenario}); another fixture (e.g. a header-layout matrix) becomes one by
 * implementing this interface, and runs through every integration with a subclass of
 * {@link ParitySuite} per integration.
 */
public interface Scenario extends AutoCloseable {

    /** A path an application serves: the policy that guards it and the SOAP version it speaks. */
    record Endpoint(String policy, SoapVersion version) {
    }

    /** The WSS Gate YAML every integration runs with. */
    Path config();

    /** Every served path (no query) with its endpoint, in a stable order. */
    Map<String, Endpoint> endpoints();

    /** The cases, built lazily (each case builds its message when sent). */
    Stream<ParityCase> cases();

    /** Groups of cases whose answers must be indistinguishable on the wire (no oracle); default none. */
    default Stream<List<ParityCase>> indistinguishable() {
        return Stream.empty();
    }

    /** The tripwire no answer may trip: nothing fetched, no secret leaked. */
    Canary canary();

    @Override
    void close() throws Exception;
}
