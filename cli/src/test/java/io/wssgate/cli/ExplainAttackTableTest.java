package io.wssgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.testing.attacks.Attack;
import io.wssgate.testing.attacks.AttackCatalogues;
import io.wssgate.testing.attacks.AttackFixture;
import io.wssgate.testing.attacks.EndpointBound;
import io.wssgate.testing.attacks.Replay;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The attack catalogue as a table: every attack a server refuses by its message, written to a file
 * and given to {@code wssgate explain} with the attack suite's configuration, must be refused with
 * the attack's fault code and explained by the cause {@link ExpectedExplanations} names for it.
 */
class ExplainAttackTableTest {
    static final String HOST = "http://localhost:8080";

    @TempDir
    static Path dir;
    static AttackFixture fixture;

    @BeforeAll
    static void setUp() throws Exception {
        fixture = AttackFixture.create(dir);
    }

    @AfterAll
    static void tearDown() throws Exception {
        fixture.close();
    }

    @TestFactory
    Stream<DynamicTest> everyAttackIsRefusedWithItsFaultAndExplainedByItsCause() {
        List<Attack> attacks = AttackCatalogues.all(fixture).toList();
        List<Attack> explained = attacks.stream().filter(a -> a.method().equals("POST")).toList();
        // GET, PUT and DELETE are refused by the transport before any message is read: nothing to explain
        assertThat(attacks.size() - explained.size()).isEqualTo(4);
        return explained.stream().map(a -> DynamicTest.dynamicTest(a.toString(), () -> check(a)));
    }

    private static void check(Attack attack) throws Exception {
        String policy = AttackFixture.POLICY_OF_PATH.get(attack.path());
        String endpoint = HOST + attack.path();
        Path case_ = Files.createTempDirectory(dir, "attack");
        List<String> args = new ArrayList<>(List.of("explain", "--json", "--config", fixture.config.toString(),
                "--policy", policy, "--endpoint", endpoint));
        if (attack.contentType() != null) {
            args.addAll(List.of("--content-type", attack.contentType()));
        }
        // the operation attacks name their operation by the SOAPAction header, as the server reads it
        attack.headers().entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase("SOAPAction"))
                .forEach(h -> args.addAll(List.of("--soap-action", h.getValue())));
        byte[] message;
        if (attack.body() instanceof Replay replay) {
            Replay.Sequence sequence = replay.build();
            for (int i = 0; i < sequence.genuine().size(); i++) {
                args.add(Files.write(case_.resolve("genuine-" + i + ".xml"), sequence.genuine().get(i)).toString());
            }
            message = sequence.replay();
        } else if (attack.body() instanceof EndpointBound bound) {
            message = bound.buildFor(URI.create(endpoint));
        } else {
            message = attack.body().get();
        }
        args.add(Files.write(case_.resolve("attack.xml"), message).toString());

        Cli.Result result = Cli.run(args.toArray(String[]::new));

        assertThat(result.status()).as("%s", result).isEqualTo(ExitCodes.NEGATIVE);
        assertThat(result.out() + result.err()).as("no password or key material, whatever the message carries")
                .doesNotContain(AttackFixture.PASSWORD)
                .doesNotContain(Base64.getEncoder().encodeToString(fixture.server.privateKey().getEncoded())
                        .substring(64, 128));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> explanations = (List<Map<String, Object>>) result.json().get("explanations");
        for (Map<String, Object> genuine : explanations.subList(0, explanations.size() - 1)) {
            assertThat(verdict(genuine).get("accepted")).as("a genuine message before the replay").isEqualTo(true);
        }
        Map<String, Object> verdict = verdict(explanations.get(explanations.size() - 1));
        assertThat(verdict.get("fault")).as("fault of %s", attack).isEqualTo(attack.expected().fault().orElseThrow()
                .localName());
        String cause = (String) verdict.get("cause");
        Pattern expected = ExpectedExplanations.forAttack(attack.toString(), cause + "; the pipeline's detail: "
                + verdict.get("detail"));
        assertThat(cause).as("cause of %s", attack).containsPattern(expected);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> verdict(Map<String, Object> explanation) {
        return (Map<String, Object>) explanation.get("verdict");
    }
}
