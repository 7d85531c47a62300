package io.wssgate.filter.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.filter.JettyWebApp;
import io.wssgate.testing.attacks.Attack;
import io.wssgate.testing.attacks.AttackAssertions;
import io.wssgate.testing.attacks.AttackCatalogues;
import io.wssgate.testing.attacks.AttackClient;
import io.wssgate.testing.attacks.AttackFixture;
import io.wssgate.testing.attacks.EncryptedAssertionAttacks;
import io.wssgate.testing.attacks.EncryptionAttacks;
import io.wssgate.testing.attacks.ValidVariant;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every attack of every catalogue, sent over HTTP to the real {@code WssGateFilter} on Jetty 12
 * in front of {@link AttackedServlet}: the expected answer (fault code, generic text, correlation
 * id, status, time bound, no outbound connection), the application never invoked and no
 * principal seen. The valid baseline of every attacked path is accepted, so a refusal means the
 * attack was caught, not that the server refuses everything.
 */
class FilterAttackSuiteTest {
    @TempDir
    static Path dir;
    static AttackFixture fixture;
    static JettyWebApp app;
    static AttackClient client;

    @BeforeAll
    static void start() throws Exception {
        fixture = AttackFixture.create(dir);
        app = JettyWebApp.start(dir, Map.of("config-file", fixture.config.toString()), AttackedServlet.class);
        client = new AttackClient(app::uri);
    }

    @AfterAll
    static void stop() throws Exception {
        app.close();
        fixture.close();
    }

    static Stream<Attack> attacks() {
        return AttackCatalogues.all(fixture);
    }

    static Stream<ValidVariant> validVariants() {
        return AttackCatalogues.validVariants(fixture);
    }

    static Stream<String> paths() {
        return AttackFixture.POLICY_OF_PATH.keySet().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void attackIsRefused(Attack attack) throws Exception {
        AttackClient.Answer answer = AttackAssertions.assertRefused(client, attack, attack.expected(), fixture.canary,
                AttackedServlet.INVOCATIONS::get, AttackedServlet.PRINCIPALS);
        assertThat(answer.response().headers().firstValue("X-Principal")).as("principal header").isEmpty();
    }

    @ParameterizedTest(name = "decryption failures on {0} are indistinguishable")
    @ValueSource(strings = {AttackFixture.ENC, AttackFixture.ENC_12})
    void decryptionFailuresAreIndistinguishable(String path) throws Exception {
        AttackAssertions.assertRefusedAlike(client, EncryptionAttacks.decryptionFailures(fixture, path),
                Attack::expected, fixture.canary, AttackedServlet.INVOCATIONS::get, AttackedServlet.PRINCIPALS);
    }

    @ParameterizedTest(name = "valid: {0}")
    @MethodSource("validVariants")
    void validVariantIsAccepted(ValidVariant variant) throws Exception {
        HttpResponse<byte[]> response = app.post(variant.path(), variant.body().apply(app.uri(variant.path())),
                AttackFixture.contentTypeFor(variant.path()));

        assertThat(response.statusCode()).as(new String(response.body(), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(200);
        assertThat(response.headers().firstValue("X-Principal")).hasValue(variant.principal());
    }

    /** A failed assertion decryption answers exactly as a failed Body decryption (same SOAP version). */
    @ParameterizedTest(name = "assertion decryption failures on {1} answer as Body decryption failures on {0}")
    @CsvSource({AttackFixture.ENC + "," + AttackFixture.ENCSAML, AttackFixture.ENC_12 + "," + AttackFixture.ENCSAML_12})
    void assertionDecryptionFailuresAreIndistinguishableFromBodyOnes(String bodyPath, String assertionPath)
            throws Exception {
        java.util.List<Attack> failures = new java.util.ArrayList<>(EncryptionAttacks.decryptionFailures(fixture, bodyPath));
        failures.addAll(EncryptedAssertionAttacks.decryptionFailures(fixture, assertionPath));
        AttackAssertions.assertRefusedAlike(client, failures, Attack::expected, fixture.canary,
                AttackedServlet.INVOCATIONS::get, AttackedServlet.PRINCIPALS);
    }

    @ParameterizedTest(name = "baseline {0}")
    @MethodSource("paths")
    void validBaselineIsAccepted(String path) throws Exception {
        Supplier<byte[]> valid = fixture.baseline(path);
        HttpResponse<byte[]> response = app.post(path, valid.get(), AttackFixture.contentTypeFor(path));

        assertThat(response.statusCode()).as(new String(response.body(), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(200);
        assertThat(response.headers().firstValue("X-Principal")).hasValue(AttackFixture.baselinePrincipal(path));
    }
}
