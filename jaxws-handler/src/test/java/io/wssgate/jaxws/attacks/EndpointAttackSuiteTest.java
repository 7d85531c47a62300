package io.wssgate.jaxws.attacks;

import static io.wssgate.testing.attacks.AttackFixture.BEARER;
import static io.wssgate.testing.attacks.AttackFixture.BEARER_12;
import static io.wssgate.testing.attacks.AttackFixture.ENC;
import static io.wssgate.testing.attacks.AttackFixture.ENC_12;
import static io.wssgate.testing.attacks.AttackFixture.ENCSAML;
import static io.wssgate.testing.attacks.AttackFixture.ENCSAML_12;
import static io.wssgate.testing.attacks.AttackFixture.SAML;
import static io.wssgate.testing.attacks.AttackFixture.SAML_12;
import static io.wssgate.testing.attacks.AttackFixture.UT;
import static io.wssgate.testing.attacks.AttackFixture.UT_12;
import static io.wssgate.testing.attacks.AttackFixture.X509;
import static io.wssgate.testing.attacks.AttackFixture.X509_12;
import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.jaxws.MetroWebApp;
import io.wssgate.testing.TestMessages;
import io.wssgate.testing.attacks.Attack;
import io.wssgate.testing.attacks.AttackAssertions;
import io.wssgate.testing.attacks.AttackCatalogues;
import io.wssgate.testing.attacks.AttackClient;
import io.wssgate.testing.attacks.AttackFixture;
import io.wssgate.testing.attacks.EncryptedAssertionAttacks;
import io.wssgate.testing.attacks.EncryptionAttacks;
import io.wssgate.testing.attacks.ValidVariant;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every attack of every catalogue, sent over HTTP to Metro endpoints secured by
 * {@code @WssGateEndpoint} on Jetty 12 (one endpoint per attacked path, the same YAML as the
 * filter suite): the expected answer, the endpoint never invoked and no principal seen. Where
 * Metro answers before any handler runs, the attack names that outcome explicitly
 * ({@link Attack#expectedOnHandler()}). The valid baseline of every path is accepted.
 */
class EndpointAttackSuiteTest {
    /** Read by the handler when Metro deploys the endpoints (the annotations only name their policy). */
    private static final String CONFIG_PROPERTY = "wssgate.config";

    @TempDir
    static Path dir;
    static AttackFixture fixture;
    static MetroWebApp app;
    static AttackClient client;

    @BeforeAll
    static void start() throws Exception {
        fixture = AttackFixture.create(dir);
        System.setProperty(CONFIG_PROPERTY, fixture.config.toString());
        try {
            app = MetroWebApp.start(dir, List.of(
                    new MetroWebApp.Endpoint(X509, X509Endpoint.class),
                    new MetroWebApp.Endpoint(X509_12, X509Soap12Endpoint.class),
                    new MetroWebApp.Endpoint(SAML, SamlEndpoint.class),
                    new MetroWebApp.Endpoint(SAML_12, SamlSoap12Endpoint.class),
                    new MetroWebApp.Endpoint(BEARER, BearerEndpoint.class),
                    new MetroWebApp.Endpoint(BEARER_12, BearerSoap12Endpoint.class),
                    new MetroWebApp.Endpoint(UT, UtEndpoint.class),
                    new MetroWebApp.Endpoint(UT_12, UtSoap12Endpoint.class),
                    new MetroWebApp.Endpoint(ENC, EncEndpoint.class),
                    new MetroWebApp.Endpoint(ENC_12, EncSoap12Endpoint.class),
                    new MetroWebApp.Endpoint(ENCSAML, EncSamlEndpoint.class),
                    new MetroWebApp.Endpoint(ENCSAML_12, EncSamlSoap12Endpoint.class)));
        } finally {
            System.clearProperty(CONFIG_PROPERTY);
        }
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
        AttackClient.Answer answer = AttackAssertions.assertRefused(client, attack, attack.expectedOnHandlerOrDefault(),
                fixture.canary, AttackedEndpoint.INVOCATIONS::get, AttackedEndpoint.PRINCIPALS);
        assertThat(new String(answer.response().body(), StandardCharsets.UTF_8)).doesNotContain("principal=");
    }

    @ParameterizedTest(name = "decryption failures on {0} are indistinguishable")
    @ValueSource(strings = {AttackFixture.ENC, AttackFixture.ENC_12})
    void decryptionFailuresAreIndistinguishable(String path) throws Exception {
        AttackAssertions.assertRefusedAlike(client, EncryptionAttacks.decryptionFailures(fixture, path),
                Attack::expectedOnHandlerOrDefault, fixture.canary, AttackedEndpoint.INVOCATIONS::get, AttackedEndpoint.PRINCIPALS);
    }

    @ParameterizedTest(name = "valid: {0}")
    @MethodSource("validVariants")
    void validVariantIsAccepted(ValidVariant variant) throws Exception {
        HttpResponse<byte[]> response = app.post(variant.path(), variant.body().apply(app.uri(variant.path())),
                AttackFixture.contentTypeFor(variant.path()));

        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        String returned = TestMessages.parse(response.body()).getElementsByTagName("return").item(0).getTextContent();
        assertThat(returned).isEqualTo("principal=" + variant.principal() + ";text=pay 10");
    }

    /** A failed assertion decryption answers exactly as a failed Body decryption (same SOAP version). */
    @ParameterizedTest(name = "assertion decryption failures on {1} answer as Body decryption failures on {0}")
    @CsvSource({ENC + "," + ENCSAML, ENC_12 + "," + ENCSAML_12})
    void assertionDecryptionFailuresAreIndistinguishableFromBodyOnes(String bodyPath, String assertionPath)
            throws Exception {
        List<Attack> failures = new java.util.ArrayList<>(EncryptionAttacks.decryptionFailures(fixture, bodyPath));
        failures.addAll(EncryptedAssertionAttacks.decryptionFailures(fixture, assertionPath));
        AttackAssertions.assertRefusedAlike(client, failures, Attack::expectedOnHandlerOrDefault, fixture.canary,
                AttackedEndpoint.INVOCATIONS::get, AttackedEndpoint.PRINCIPALS);
    }

    @ParameterizedTest(name = "baseline {0}")
    @MethodSource("paths")
    void validBaselineIsAccepted(String path) throws Exception {
        HttpResponse<byte[]> response = app.post(path, fixture.baseline(path).get(), AttackFixture.contentTypeFor(path));

        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        String returned = TestMessages.parse(response.body()).getElementsByTagName("return").item(0).getTextContent();
        assertThat(returned).isEqualTo("principal=" + AttackFixture.baselinePrincipal(path) + ";text=pay 10");
    }
}
