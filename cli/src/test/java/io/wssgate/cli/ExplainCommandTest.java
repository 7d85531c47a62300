package io.wssgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.InboundOutcome;
import io.wssgate.PolicyRuntime;
import io.wssgate.WssGate;
import io.wssgate.config.CaptureConfig;
import io.wssgate.config.WssGateConfig;
import io.wssgate.config.load.ConfigLoader;
import io.wssgate.config.load.VariableResolver;
import io.wssgate.soap.Delivery;
import io.wssgate.testing.MessageBuilder;
import io.wssgate.testing.attacks.AttackFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code wssgate explain} as an operator runs it: on what a server captured when it refused a
 * request (the capture brings its policy, time, endpoint and Content-Type), on message files
 * judged at another time ({@code --at}), on several messages judged in order by one pipeline, in
 * text and JSON, with the exit codes scripts use.
 */
class ExplainCommandTest {
    static final String ENDPOINT = "https://gate.example/x509/service";

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

    @Test
    void aMessageReformattedAfterSigningAndCapturedByTheServerIsExplainedFromItsCapture() throws Exception {
        byte[] reformatted = reformatted(fixture.x509(AttackFixture.X509).build());
        Path capture = captureRefused("x509", reformatted, false);

        Cli.Result result = Cli.run("explain", "--config", fixture.config.toString(), capture.toString());

        assertThat(result.status()).as("%s", result).isEqualTo(ExitCodes.NEGATIVE);
        assertThat(flat(result.out()))
                .containsPattern("capture +refused by the server with wsse:FailedCheck at \\S+ \\(policy x509, from "
                        + "10\\.1\\.2\\.3, to " + ENDPOINT + "\\)")
                .containsPattern("policy +x509, judged as of \\S+ \\(the time of the capture\\)")
                .containsPattern("ok +parse")
                .containsPattern("FAILED +header-processing")
                .containsPattern("- +identity")
                .containsPattern("REFUSED +wsse:FailedCheck, the client is told \"The signature or decryption was "
                        + "invalid\"")
                .containsPattern("cause +The message was reformatted after signing: the digest of soap:Body");
        assertThat(result.out()).as("offline and the server agree: nothing to note").doesNotContainPattern("(?m)^note ");
    }

    @Test
    void aRedactedCaptureSaysTheRefusalMayBeTheRedactions() throws Exception {
        byte[] tampered = fixture.x509(AttackFixture.X509).build();
        tampered = new String(tampered, StandardCharsets.UTF_8).replace("pay 10", "pay 99")
                .getBytes(StandardCharsets.UTF_8);
        Path capture = captureRefused("x509", tampered, true);

        Cli.Result result = Cli.run("explain", "--json", "--config", fixture.config.toString(),
                capture.resolveSibling(capture.getFileName().toString().replace(".xml", ".properties")).toString());

        assertThat(result.status()).as("%s", result).isEqualTo(ExitCodes.NEGATIVE);
        Map<String, Object> explanation = explanations(result).get(0);
        @SuppressWarnings("unchecked")
        Map<String, Object> facts = (Map<String, Object>) explanation.get("capture");
        assertThat(facts.get("bodyRedacted")).isEqualTo(true);
        assertThat(facts.get("fault")).isEqualTo("FailedCheck");
        assertThat(Files.readString(capture)).doesNotContain("pay 99");
        assertThat((List<?>) explanation.get("notes")).singleElement().asString()
                .contains("The Body was redacted in the capture");
    }

    @Test
    void anExpiredMessageIsExplainedByTheClockAndAcceptedAsOfItsOwnTime() throws Exception {
        Instant created = Instant.now();
        Path message = Files.write(dir.resolve("late.xml"), fixture.x509(AttackFixture.X509).build());
        String later = created.plus(Duration.ofMinutes(42)).toString();

        Cli.Result late = Cli.run("explain", "--json", "--config", fixture.config.toString(), "--policy", "x509",
                "--at", later, message.toString());
        Cli.Result inTime = Cli.run("explain", "--config", fixture.config.toString(), "--policy", "x509",
                "--at", created.plusSeconds(10).toString(), message.toString());

        assertThat(late.status()).as("%s", late).isEqualTo(ExitCodes.NEGATIVE);
        Map<String, Object> verdict = verdict(explanations(late).get(0));
        assertThat(verdict.get("fault")).isEqualTo("MessageExpired");
        assertThat((String) verdict.get("cause")).containsPattern("The Timestamp expired 3[67]m( \\d+s)? before the time of "
                + "judgement");
        assertThat(inTime.status()).as("%s", inTime).isEqualTo(ExitCodes.OK);
        assertThat(inTime.out()).contains("ACCEPTED   principal " + AttackFixture.CLIENT_DN);
    }

    /**
     * A UsernameToken's Created is judged by the time of judgement like a Timestamp, WSS4J's own
     * check by the system clock included: fresh as of {@code --at}, two hours old now. The policy
     * asks for no Timestamp here, so the UsernameToken is the message's only time.
     */
    @Test
    void aUsernameTokenIsFreshAsOfItsOwnTimeAndTooOldNowWithTheSkewShown() throws Exception {
        Instant created = Instant.now().minus(Duration.ofHours(2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Path message = Files.write(dir.resolve("ut-two-hours-ago.xml"), AttackFixture.envelope(AttackFixture.UT)
                .usernameToken(AttackFixture.USER, AttackFixture.PASSWORD, MessageBuilder.PasswordType.DIGEST, created)
                .build());
        String yaml = Files.readString(fixture.config);
        String noTimestamp = yaml.replaceFirst("(?m)^(\\s*)paths: \\[/ut/\\*\\]$",
                "$1paths: [/ut/*]\n$1timestamp: { required: false }");
        assertThat(noTimestamp).isNotEqualTo(yaml);
        Path config = Files.writeString(dir.resolve("ut-no-timestamp.yaml"), noTimestamp);

        Cli.Result then = Cli.run("explain", "--config", config.toString(), "--policy", "ut",
                "--at", created.plusSeconds(30).toString(), message.toString());
        Cli.Result now = Cli.run("explain", "--json", "--config", config.toString(), "--policy", "ut",
                message.toString());

        assertThat(then.status()).as("%s", then).isEqualTo(ExitCodes.OK);
        assertThat(then.out()).contains("ACCEPTED   principal " + AttackFixture.USER);
        assertThat(now.status()).as("%s", now).isEqualTo(ExitCodes.NEGATIVE);
        Map<String, Object> verdict = verdict(explanations(now).get(0));
        assertThat(verdict.get("fault")).isEqualTo("MessageExpired");
        assertThat((String) verdict.get("cause")).containsPattern("UsernameToken Created is 2h( \\d+s)? old, more than "
                + "username-token\\.max-age 5m allows");
        assertThat((String) verdict.get("detail")).contains("UsernameToken Created " + created + " is ")
                .contains("s before the time of judgement").contains("older than username-token.max-age 300s");
    }

    @Test
    void severalMessagesAreJudgedInOrderByOnePipelineSoAReplayIsRefused() throws Exception {
        byte[] genuine = fixture.x509(AttackFixture.X509).build();
        Path first = Files.write(dir.resolve("first.xml"), genuine);
        Path again = Files.write(dir.resolve("again.xml"), genuine);

        Cli.Result result = Cli.run("explain", "--json", "--config", fixture.config.toString(), "--endpoint", ENDPOINT,
                first.toString(), again.toString());

        assertThat(result.status()).as("%s", result).isEqualTo(ExitCodes.NEGATIVE);
        List<Map<String, Object>> explanations = explanations(result);
        assertThat(explanations.get(0).get("policy")).as("chosen by the endpoint's path").isEqualTo("x509");
        assertThat(verdict(explanations.get(0)).get("accepted")).isEqualTo(true);
        assertThat(verdict(explanations.get(1)).get("accepted")).isEqualTo(false);
        assertThat((String) verdict(explanations.get(1)).get("cause")).contains("of message 1, which was accepted "
                + "before it: a replay");
    }

    @Test
    void aWrongUsernameTokenPasswordIsExplainedWithoutShowingAnyPassword() throws Exception {
        Path message = Files.write(dir.resolve("ut.xml"), fixture.usernameToken(AttackFixture.UT).build());
        String before = Files.readString(fixture.config);
        Path otherPasswords = Files.writeString(dir.resolve("other-users.properties"),
                AttackFixture.USER + "=another-Secret-9\n");
        Path config = Files.writeString(dir.resolve("ut-changed.yaml"),
                before.replaceFirst("passwords: \\S+", "passwords: " + otherPasswords));

        Cli.Result result = Cli.run("explain", "--config", config.toString(), "--policy", "ut", message.toString());

        assertThat(result.status()).as("%s", result).isEqualTo(ExitCodes.NEGATIVE);
        assertThat(flat(result.out())).contains("REFUSED wsse:FailedAuthentication")
                .contains("cause The user 'bob' is known, but the PasswordDigest does not match")
                .doesNotContain(AttackFixture.PASSWORD).doesNotContain("another-Secret-9");
    }

    @Test
    void commandLineMistakesAndUnusableInputsHaveTheirExitCodes() throws Exception {
        Path message = Files.write(dir.resolve("any.xml"), fixture.x509(AttackFixture.X509).build());

        Cli.Result noMessage = Cli.run("explain", "--config", fixture.config.toString());
        Cli.Result badTime = Cli.run("explain", "--config", fixture.config.toString(), "--at", "yesterday",
                message.toString());
        Cli.Result severalPolicies = Cli.run("explain", "--config", fixture.config.toString(), message.toString());
        Cli.Result noFile = Cli.run("explain", "--config", fixture.config.toString(), "--policy", "x509",
                dir.resolve("absent.xml").toString());
        Cli.Result unknownPolicy = Cli.run("explain", "--config", fixture.config.toString(), "--policy", "nope",
                message.toString());

        assertThat(noMessage.status()).as("%s", noMessage).isEqualTo(ExitCodes.USAGE);
        assertThat(badTime.status()).as("%s", badTime).isEqualTo(ExitCodes.USAGE);
        assertThat(severalPolicies.status()).as("%s", severalPolicies).isEqualTo(ExitCodes.CANNOT_RUN);
        assertThat(severalPolicies.err()).contains("name one with --policy");
        assertThat(noFile.status()).as("%s", noFile).isEqualTo(ExitCodes.CANNOT_RUN);
        assertThat(noFile.err()).contains("absent.xml: no such file");
        assertThat(unknownPolicy.status()).as("%s", unknownPolicy).isEqualTo(ExitCodes.CANNOT_RUN);
        assertThat(unknownPolicy.err()).contains("no policy 'nope'");
    }

    @Test
    void everyCommandHasHelpWithItsExitCodes() {
        for (String command : List.of("explain", "call", "check", "keys")) {
            Cli.Result help = Cli.run(command, "--help");

            assertThat(help.status()).as("%s", help).isEqualTo(ExitCodes.OK);
            assertThat(help.out()).as(command).contains("Usage: wssgate " + command).contains("Exit codes:")
                    .contains("--json");
        }
        Cli.Result top = Cli.run("--help");
        assertThat(top.out()).contains("explain").contains("call").contains("check").contains("keys");
        assertThat(Cli.run().status()).isEqualTo(ExitCodes.USAGE);
    }

    /** The request as a server refuses it with capture on; the path of the captured message. */
    private static Path captureRefused(String policy, byte[] message, boolean redact) throws Exception {
        Path captures = Files.createTempDirectory(dir, "captures");
        Files.delete(captures); // the server creates it, owner-only
        WssGateConfig config = ConfigLoader.fromYaml(fixture.config, VariableResolver.system())
                .withCaptureRejected(Optional.of(CaptureConfig.in(captures).withRedactBody(redact)));
        try (WssGate gate = WssGate.create(config)) {
            PolicyRuntime runtime = gate.policy(policy).orElseThrow();
            InboundOutcome outcome = runtime.validateHttpBody(message, AttackFixture.SOAP11_CONTENT_TYPE,
                    Delivery.http(ENDPOINT, "10.1.2.3"));
            String id = ((InboundOutcome.Rejected) outcome).correlationId();
            return captures.resolve(id + ".xml");
        }
    }

    /** Indented between the Body's elements, as a pretty-printing proxy or logger would. */
    private static byte[] reformatted(byte[] signed) {
        String text = new String(signed, StandardCharsets.UTF_8);
        String indented = text.replace("<text>pay 10</text>", "\n    <text>pay 10</text>\n  ");
        assertThat(indented).isNotEqualTo(text);
        return indented.getBytes(StandardCharsets.UTF_8);
    }

    /** The text output with its line wrapping and column padding undone, for patterns across lines. */
    static String flat(String text) {
        return text.replaceAll("\\s+", " ");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> explanations(Cli.Result result) {
        return (List<Map<String, Object>>) result.json().get("explanations");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> verdict(Map<String, Object> explanation) {
        return (Map<String, Object>) explanation.get("verdict");
    }
}
