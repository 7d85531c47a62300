package io.wssgate.inbound;

import static io.wssgate.inbound.ValidatorFixture.assertRejected;
import static io.wssgate.inbound.ValidatorFixture.policy;
import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.config.AlgorithmPolicy;
import io.wssgate.config.OcspPolicy;
import io.wssgate.config.PolicyConfig;
import io.wssgate.config.RevocationPolicy;
import io.wssgate.config.Problems;
import io.wssgate.config.SignaturePolicy;
import io.wssgate.config.TimestampPolicy;
import io.wssgate.config.UsernameTokenPolicy;
import io.wssgate.fault.FaultCode;
import io.wssgate.keys.InboundKeys;
import io.wssgate.testing.KeyIdType;
import io.wssgate.testing.MessageBuilder.PasswordType;
import io.wssgate.testing.OcspResponder;
import io.wssgate.testing.TestKeys;
import io.wssgate.testing.TestMessages;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import io.wssgate.testing.SettableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every time rule of the pipeline judges by the validator's clock, WSS4J's included (Timestamp
 * freshness, UsernameToken Created and certificate path validation): a decision can be reproduced for another instant
 * (what {@code wssgate explain --at} relies on), and a fixed clock means the same decision for
 * the same message whenever it runs.
 */
class PipelineClockTest {
    static final TestKeys KEYS = TestKeys.create();
    static final Duration YEAR = Duration.ofDays(365);
    static PolicyConfig policy;
    static InboundKeys keys;

    @BeforeAll
    static void setUp(@TempDir Path dir) throws Exception {
        policy = policy(TestKeys.writePem(dir.resolve("ca.pem"), KEYS.ca().certificate())).build();
        Problems problems = new Problems();
        keys = InboundKeys.load(policy, problems);
        problems.throwIfAny();
    }

    static InboundValidator at(Instant instant) {
        return new InboundValidator(policy, keys, Clock.fixed(instant, ZoneOffset.UTC));
    }

    static byte[] signedAt(Instant created, TestKeys.Identity signer) {
        return TestMessages.soap11().timestamp(created, Duration.ofMinutes(5)).signWith(signer, KeyIdType.BST).build();
    }

    @Test
    void aTimestampIsFreshOrExpiredAsOfTheClock() throws Exception {
        Instant created = Instant.now();
        byte[] message = signedAt(created, KEYS.issue("client"));

        assertThat(at(created.plusSeconds(60)).validate(message).principal().name()).contains("CN=client");
        assertThat(assertRejected(at(created.plus(Duration.ofMinutes(10))), message, FaultCode.MESSAGE_EXPIRED)
                .getMessage()).contains("has expired");
        assertThat(assertRejected(at(created.minus(Duration.ofMinutes(10))), message, FaultCode.MESSAGE_EXPIRED)
                .getMessage()).contains("in the future");
    }

    @Test
    void aCertificateIsValidOrExpiredAsOfTheClock() throws Exception {
        // the client's certificate is valid for a year from now, the CA's for two
        Instant inHalfAYear = Instant.now().plus(YEAR.dividedBy(2));
        Instant inOneAndAHalfYears = Instant.now().plus(YEAR.multipliedBy(3).dividedBy(2));

        assertThat(at(inHalfAYear).validate(signedAt(inHalfAYear, KEYS.issue("client"))).principal().name())
                .contains("CN=client");
        assertRejected(at(inOneAndAHalfYears), signedAt(inOneAndAHalfYears, KEYS.issue("client")),
                FaultCode.FAILED_AUTHENTICATION);
    }

    /**
     * A trusted chain is remembered (the path validation is skipped for the next message of the
     * same signer), but only while the clock stands inside its certificates' validity: one
     * pipeline, whose clock moves past the client certificate's expiry, refuses the same signer.
     */
    @Test
    void aRememberedChainIsRefusedOnceTheClockPassesItsExpiry() throws Exception {
        TestKeys.Identity client = KEYS.issue("client");
        Instant inHalfAYear = Instant.now().plus(YEAR.dividedBy(2));
        Instant inOneAndAHalfYears = Instant.now().plus(YEAR.multipliedBy(3).dividedBy(2));
        SettableClock clock = new SettableClock(inHalfAYear);
        InboundValidator validator = new InboundValidator(policy, keys, clock);

        assertThat(validator.validate(signedAt(inHalfAYear, client)).principal().name()).contains("CN=client");
        assertThat(validator.validate(signedAt(inHalfAYear.plusSeconds(1), client)).principal().name())
                .contains("CN=client");
        clock.set(inOneAndAHalfYears);
        assertRejected(validator, signedAt(inOneAndAHalfYears, client), FaultCode.FAILED_AUTHENTICATION);
        // and back inside the validity (wssgate explain --at may ask for any instant) it is trusted again
        clock.set(inHalfAYear.plusSeconds(2));
        assertThat(validator.validate(signedAt(inHalfAYear.plusSeconds(2), client)).principal().name())
                .contains("CN=client");
    }

    @Test
    void aCertificateNotYetValidTodayIsAcceptedWhenTheClockStandsWithinItsValidity() throws Exception {
        Instant inOneAndAHalfYears = Instant.now().plus(YEAR.multipliedBy(3).dividedBy(2));
        TestKeys.Identity nextYear = KEYS.notYetValid("client");

        assertRejected(at(Instant.now()), signedAt(Instant.now(), nextYear), FaultCode.FAILED_AUTHENTICATION);
        assertThat(at(inOneAndAHalfYears).validate(signedAt(inOneAndAHalfYears, nextYear)).principal().name())
                .contains("CN=client");
    }

    /**
     * With OCSP on, the trust store is a different WSS4J crypto (RevocationMerlin, hsm's) whose path
     * validation must judge at the clock's time too, or {@code wssgate explain --at} would decide a
     * policy with OCSP by today's dates. The responder is down and soft-fail on, so the decision
     * rests on the certificates' dates alone (the responder's certificates are valid for 30 days).
     */
    @Test
    void withOcspTheCertificatePathIsAlsoJudgedAsOfTheClock(@TempDir Path dir) throws Exception {
        try (OcspResponder responder = OcspResponder.start()) {
            responder.mode(OcspResponder.Mode.DOWN);
            PolicyConfig ocsp = policy(TestKeys.writePem(dir.resolve("ocsp-ca.pem"), responder.ca().certificate()))
                    .trust(ValidatorFixture.trust(dir.resolve("ocsp-ca.pem")).withRevocation(
                            RevocationPolicy.ocsp(OcspPolicy.enabledByDefault().withSoftFail(true))))
                    .build();
            Problems problems = new Problems();
            InboundKeys ocspKeys = InboundKeys.load(ocsp, problems);
            problems.throwIfAny();
            TestKeys.Identity signer = responder.issue("ocsp-clock-client");
            Instant soon = Instant.now().plusSeconds(60);
            Instant inForty = Instant.now().plus(Duration.ofDays(40));

            assertThat(new InboundValidator(ocsp, ocspKeys, Clock.fixed(soon, ZoneOffset.UTC))
                    .validate(signedAt(soon, signer)).principal().name()).contains("CN=ocsp-clock-client");
            assertRejected(new InboundValidator(ocsp, ocspKeys, Clock.fixed(inForty, ZoneOffset.UTC)),
                    signedAt(inForty, signer), FaultCode.FAILED_AUTHENTICATION);
        }
    }

    /** A UsernameToken policy with no Timestamp required: its Created is the only time rule. */
    static InboundValidator usernameTokenAt(Instant instant) {
        PolicyConfig ut = PolicyConfig.builder("ut").path("/*")
                .signature(new SignaturePolicy(false, true, true, List.of(), AlgorithmPolicy.defaults(), true))
                .timestamp(new TimestampPolicy(false, Duration.ofMinutes(5), Duration.ofSeconds(60), false, false))
                .usernameToken(new UsernameTokenPolicy(true, Optional.of(user -> "bob".equals(user)
                        ? Optional.of("s3cret!".toCharArray()) : Optional.empty()), true,
                        Duration.ofMinutes(5), Duration.ofSeconds(60), false))
                .build();
        Problems problems = new Problems();
        InboundKeys none = InboundKeys.load(ut, problems);
        return new InboundValidator(ut, none, Clock.fixed(instant, ZoneOffset.UTC));
    }

    /** A PasswordText UsernameToken (so its Created can be set without breaking a digest) created at {@code created}. */
    static byte[] usernameTokenCreatedAt(Instant created) {
        String message = new String(TestMessages.soap11().usernameToken("bob", "s3cret!", PasswordType.TEXT).build(),
                StandardCharsets.UTF_8);
        String shifted = message.replaceFirst("(<wsu:Created[^>]*>)[^<]*(</wsu:Created>)",
                "$1" + created.truncatedTo(ChronoUnit.SECONDS) + "$2");
        assertThat(shifted).isNotEqualTo(message);
        return shifted.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aUsernameTokenCreatedIsFreshOrStaleAsOfTheClock() throws Exception {
        Instant created = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        byte[] message = usernameTokenCreatedAt(created);

        assertThat(usernameTokenAt(created.plusSeconds(60)).validate(message).principal().name()).isEqualTo("bob");
        assertThat(assertRejected(usernameTokenAt(created.plus(Duration.ofMinutes(10))), message,
                FaultCode.MESSAGE_EXPIRED).getMessage())
                .contains("UsernameToken Created " + created + " is 600s before the time of judgement")
                .contains("older than username-token.max-age 300s");
        assertThat(assertRejected(usernameTokenAt(created.minus(Duration.ofMinutes(10))), message,
                FaultCode.MESSAGE_EXPIRED).getMessage())
                .contains("UsernameToken Created " + created + " is 600s ahead of the time of judgement")
                .contains("username-token.future-skew 60s");
    }

    /**
     * WSS4J checks Created once more against the system clock: a token fresh at the clock's time
     * but a year old today must still be accepted, and one fresh today refused at a clock a year on.
     */
    @Test
    void wss4jsOwnCreatedCheckCannotOverruleTheClock() throws Exception {
        Instant lastYear = Instant.now().minus(YEAR).truncatedTo(ChronoUnit.SECONDS);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        assertThat(usernameTokenAt(lastYear.plusSeconds(30)).validate(usernameTokenCreatedAt(lastYear)).principal()
                .name()).isEqualTo("bob");
        assertRejected(usernameTokenAt(now.plus(YEAR)), usernameTokenCreatedAt(now), FaultCode.MESSAGE_EXPIRED);
    }

    @Test
    void aUsernameTokenCreatedThatIsNoDateTimeIsRefused() {
        String message = new String(TestMessages.soap11().usernameToken("bob", "s3cret!", PasswordType.TEXT).build(),
                StandardCharsets.UTF_8).replaceFirst("(<wsu:Created[^>]*>)([^<]*)(</wsu:Created>)", "$1$2<!-- -->x$3");

        assertThat(assertRejected(usernameTokenAt(Instant.now()), message.getBytes(StandardCharsets.UTF_8),
                FaultCode.INVALID_SECURITY).getMessage()).contains("is not a date-time");
    }
}
