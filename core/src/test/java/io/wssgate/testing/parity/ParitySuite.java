package io.wssgate.testing.parity;

import io.wssgate.testing.attacks.AttackAssertions;
import io.wssgate.testing.attacks.AttackClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs a {@link Scenario} through one integration over real HTTP: every case must get the
 * decision it names for that integration ({@link ParityAssertions}), and each group of
 * indistinguishable cases the same answer byte for byte. A module subclasses this once per
 * integration and scenario, naming the integration and starting its server
 * ({@link GateUnderTest}); the scenario defaults to the attack catalogue. To run another fixture
 * (e.g. a header-layout matrix) through every integration, implement {@link Scenario} and add a
 * subclass per integration that overrides {@link #createScenario}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ParitySuite {
    private Path dir;
    private Scenario scenario;
    private GateUnderTest gate;
    private AttackClient client;

    /** Which integration this suite runs; it picks each case's expectation. */
    protected abstract Integration integration();

    /** Starts the integration's server with the scenario's configuration and an application at each of its paths. */
    protected abstract GateUnderTest start(Scenario scenario, Path dir) throws Exception;

    /** The scenario to run; by default the attack catalogue. */
    protected Scenario createScenario(Path dir) throws Exception {
        return AttackScenario.create(dir);
    }

    protected final Scenario scenario() {
        return scenario;
    }

    protected final GateUnderTest gate() {
        return gate;
    }

    @BeforeAll
    final void startIntegration() throws Exception {
        dir = Files.createTempDirectory("wssgate-parity-");
        scenario = createScenario(dir);
        gate = start(scenario, dir);
        client = new AttackClient(gate::uri);
    }

    @AfterAll
    final void stopIntegration() throws Exception {
        try (Scenario s = scenario; GateUnderTest g = gate) {
            // closed by try-with-resources, the server first
        } finally {
            deleteRecursively(dir);
        }
    }

    final Stream<ParityCase> cases() {
        return scenario.cases();
    }

    final Stream<Named<List<ParityCase>>> indistinguishable() {
        return scenario.indistinguishable().map(group -> Named.of(group.get(0).path() + ": "
                + group.stream().map(ParityCase::name).toList(), group));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    final void decidedLikeEveryIntegration(ParityCase c) throws Exception {
        ParityAssertions.assertDecided(client, c, integration(), gate, scenario.canary());
    }

    // a scenario without such groups (the layout matrix decrypts nothing) runs no instance of it
    @ParameterizedTest(name = "indistinguishable: {0}", allowZeroInvocations = true)
    @MethodSource("indistinguishable")
    final void answersAreIndistinguishable(List<ParityCase> group) throws Exception {
        List<AttackClient.Answer> answers = new ArrayList<>();
        for (ParityCase c : group) {
            answers.add(ParityAssertions.assertDecided(client, c, integration(), gate, scenario.canary()));
        }
        AttackAssertions.assertIndistinguishable(answers);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
