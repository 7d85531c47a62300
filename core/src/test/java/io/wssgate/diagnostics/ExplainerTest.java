package io.wssgate.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.config.PolicyConfig;
import io.wssgate.config.WssGateConfig;
import io.wssgate.config.load.ConfigLoader;
import io.wssgate.config.load.VariableResolver;
import io.wssgate.diagnostics.Explanation.Status;
import io.wssgate.diagnostics.Explanation.Verdict;
import io.wssgate.fault.FaultCode;
import io.wssgate.diagnostics.trace.Stage;
import io.wssgate.soap.Delivery;
import io.wssgate.testing.KeyIdType;
import io.wssgate.testing.SamlSpec;
import io.wssgate.testing.attacks.AttackFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The explainer runs a policy's real pipeline on a message and says why it refuses it, in the
 * terms of the usual support questions: reformatted after signing, a clock off, an audience or
 * issuer that only looks right, an unknown CA, an algorithm the policy does not allow.
 */
class ExplainerTest {
    static final String ORDER = "<o:order xmlns:o=\"urn:example:orders\"><o:item>1</o:item><o:item>2</o:item></o:order>";
    static AttackFixture fixture;
    static WssGateConfig config;

    @BeforeAll
    static void setUp(@TempDir Path dir) throws Exception {
        fixture = AttackFixture.create(dir);
        config = ConfigLoader.fromYaml(fixture.config, VariableResolver.system());
    }

    @AfterAll
    static void tearDown() throws Exception {
        fixture.close();
    }

    static PolicyConfig policy(String name) {
        return config.policies().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    static Explanation explainNow(String policy, byte[] message) {
        return Explainer.of(policy(policy), Clock.systemUTC()).explain(message, Optional.of(AttackFixture.SOAP11_CONTENT_TYPE),
                Delivery.unknown());
    }

    static byte[] signedOrder() {
        return AttackFixture.envelope(AttackFixture.X509).timestamp(Duration.ofMinutes(5))
                .signWith(fixture.client, KeyIdType.BST).build();
    }

    @Test
    void anAcceptedMessagePassesEveryStageWithWhatEachEstablished() {
        Explanation e = explainNow("x509", signedOrder());

        assertThat(e.verdict()).isInstanceOfSatisfying(Verdict.Accepted.class,
                a -> assertThat(a.principal()).isEqualTo(AttackFixture.CLIENT_DN));
        assertThat(e.stages()).allMatch(s -> s.status() == Status.PASSED);
        assertThat(e.stages()).extracting(s -> s.stage()).containsExactly(Stage.TRANSPORT, Stage.PARSE,
                Stage.SECURITY_HEADER, Stage.PRECHECKS, Stage.HEADER_PROCESSING, Stage.LAYOUT, Stage.TIMESTAMP,
                Stage.ADDRESSING, Stage.OPERATION, Stage.COVERAGE, Stage.ENCRYPTION, Stage.SAML, Stage.IDENTITY,
                Stage.AUTHORIZATION, Stage.REPLAY);
        assertThat(e.stages().get(8).facts()).anyMatch(f -> f.name().equals("rules")
                && f.value().equals("the policy's own"));
        assertThat(e.stages().get(4).facts()).anyMatch(f -> f.name().equals("signature")
                && f.value().contains("CN=client") && f.value().contains("soap:Body"));
        assertThat(e.cause()).isEmpty();
    }

    @Test
    void aMessageReIndentedAfterSigningIsNamedAsSuch() {
        String signed = new String(withBody(ORDER), StandardCharsets.UTF_8);
        byte[] pretty = signed.replace("<o:item>", "\n    <o:item>").replace("</o:order>", "\n  </o:order>")
                .getBytes(StandardCharsets.UTF_8);

        Explanation e = explainNow("x509", pretty);

        assertThat(((Verdict.Rejected) e.verdict()).code()).isEqualTo(FaultCode.FAILED_CHECK);
        assertThat(e.failedStage()).contains(Stage.HEADER_PROCESSING);
        assertThat(e.cause().orElseThrow()).contains("reformatted after signing").contains("soap:Body");
        assertThat(e.stages()).filteredOn(s -> s.stage() == Stage.TIMESTAMP)
                .allMatch(s -> s.status() == Status.NOT_REACHED);
    }

    @Test
    void aChangedBodyIsTellFromAReformattedOne() {
        byte[] changed = new String(withBody(ORDER), StandardCharsets.UTF_8).replace(">2<", ">3<")
                .getBytes(StandardCharsets.UTF_8);

        assertThat(explainNow("x509", changed).cause().orElseThrow())
                .contains("soap:Body").contains("changed after it was signed");
    }

    @Test
    void anExpiredTimestampIsMeasuredAgainstTheClockAndTheSameMessageIsAcceptedAtItsTime() {
        Instant created = Instant.now().minus(Duration.ofMinutes(12));
        byte[] message = AttackFixture.envelope(AttackFixture.X509).timestamp(created, Duration.ofMinutes(5))
                .signWith(fixture.client, KeyIdType.BST).build();

        Explanation now = explainNow("x509", message);
        Explanation then = Explainer.of(policy("x509"), Clock.fixed(created.plusSeconds(30), ZoneOffset.UTC))
                .explain(message, Optional.empty(), Delivery.unknown());

        assertThat(((Verdict.Rejected) now.verdict()).code()).isEqualTo(FaultCode.MESSAGE_EXPIRED);
        assertThat(now.cause().orElseThrow()).contains("The Timestamp expired 7m");
        assertThat(then.accepted()).isTrue();
        assertThat(then.at()).isEqualTo(created.plusSeconds(30));
    }

    @Test
    void aClockAheadIsNamed() {
        Instant now = Instant.now();
        byte[] message = AttackFixture.envelope(AttackFixture.X509).timestamp(now.plus(Duration.ofMinutes(4)),
                Duration.ofMinutes(5)).signWith(fixture.client, KeyIdType.BST).build();

        Explanation e = Explainer.of(policy("x509"), Clock.fixed(now, ZoneOffset.UTC))
                .explain(message, Optional.empty(), Delivery.unknown());

        assertThat(e.cause().orElseThrow()).contains("the sender's clock is about 4m ahead");
    }

    @Test
    void anAudienceWithATrailingSlashIsShownBesideTheConfiguredOne() {
        byte[] message = AttackFixture.envelope(AttackFixture.SAML).timestamp(Duration.ofMinutes(5))
                .saml(SamlSpec.saml2().signedBy(fixture.idp).audienceRestriction(AttackFixture.AUDIENCE + "/")
                        .holderOfKey(fixture.aliceKey)).build();

        Explanation e = explainNow("saml", message);

        assertThat(((Verdict.Rejected) e.verdict()).code()).isEqualTo(FaultCode.FAILED_AUTHENTICATION);
        assertThat(e.cause().orElseThrow()).contains("'urn:wssgate:attack/'").contains("trailing slash");
    }

    @Test
    void anIssuerWithAnInvisibleCharacterIsSpelledOut() {
        byte[] message = AttackFixture.envelope(AttackFixture.SAML).timestamp(Duration.ofMinutes(5))
                .saml(fixture.assertion().issuer(SamlSpec.DEFAULT_ISSUER + "\u200B").holderOfKey(fixture.aliceKey))
                .build();

        assertThat(explainNow("saml", message).cause().orElseThrow())
                .contains("'https://idp.wssgate.test\\u200B'").contains("invisible characters");
    }

    @Test
    void aSignerFromAnUnknownCaIsShownWithTheClosestTrustedSubject() {
        byte[] message = AttackFixture.envelope(AttackFixture.X509).timestamp(Duration.ofMinutes(5))
                .signWith(fixture.otherCa, KeyIdType.BST).build();

        Explanation e = explainNow("x509", message);

        assertThat(((Verdict.Rejected) e.verdict()).code()).isEqualTo(FaultCode.FAILED_AUTHENTICATION);
        assertThat(e.cause().orElseThrow()).contains("'CN=WSS Gate Other CA,O=WSS Gate Test,C=DE' is not among the "
                + "trust anchors; closest trusted subject: 'CN=WSS Gate Test CA,O=WSS Gate Test,C=DE'");
        assertThat(e.findings().get(0).details()).anyMatch(f -> f.name().equals("signer SHA-256"));
    }

    @Test
    void anAlgorithmOffTheAllowlistNamesTheKeyThatWouldAllowIt() {
        byte[] message = AttackFixture.envelope(AttackFixture.X509).timestamp(Duration.ofMinutes(5))
                .signWith(fixture.client, KeyIdType.BST, "http://www.w3.org/2000/09/xmldsig#rsa-sha1",
                        "http://www.w3.org/2000/09/xmldsig#sha1", "http://www.w3.org/2001/10/xml-exc-c14n#").build();

        assertThat(explainNow("x509", message).cause().orElseThrow()).contains("RSA with SHA-1")
                .contains("policies.x509.signature.algorithms.signature");
    }

    @Test
    void messagesExplainedTogetherShareReplayMemoryAsOnOneServer() {
        Explainer explainer = Explainer.of(policy("x509"), Clock.systemUTC());
        byte[] message = signedOrder();

        assertThat(explainer.explain(message, Optional.empty(), Delivery.unknown()).accepted()).isTrue();
        Explanation replay = explainer.explain(message, Optional.empty(), Delivery.unknown());

        assertThat(replay.failedStage()).contains(Stage.REPLAY);
        assertThat(replay.cause().orElseThrow()).contains("of message 1").contains("a replay");
    }

    @Test
    void nothingSecretIsShown() {
        byte[] message = AttackFixture.envelope(AttackFixture.UT).timestamp(Duration.ofMinutes(5))
                .usernameToken(AttackFixture.USER, "not-" + AttackFixture.PASSWORD,
                        io.wssgate.testing.MessageBuilder.PasswordType.DIGEST).build();

        Explanation e = explainNow("ut", message);

        assertThat(e.cause().orElseThrow()).contains("'bob' is known");
        assertThat(e.toString()).doesNotContain(AttackFixture.PASSWORD);
    }

    private static byte[] withBody(String body) {
        return io.wssgate.testing.TestMessages.soap11(body).timestamp(Duration.ofMinutes(5))
                .signWith(fixture.client, KeyIdType.BST).build();
    }
}
