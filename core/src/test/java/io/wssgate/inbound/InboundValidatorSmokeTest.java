package io.wssgate.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wssgate.identity.ConfirmationMethod;
import io.wssgate.config.PolicyConfig;
import io.wssgate.config.SamlPolicy;
import io.wssgate.config.TrustConfig;
import io.wssgate.config.TrustedIssuer;
import io.wssgate.config.AssertionReplay;
import io.wssgate.config.Problems;
import io.wssgate.fault.FaultCode;
import io.wssgate.fault.SecurityFault;
import io.wssgate.identity.TokenType;
import io.wssgate.keys.InboundKeys;
import io.wssgate.testing.KeyIdType;
import io.wssgate.testing.SamlSpec;
import io.wssgate.testing.TestKeys;
import io.wssgate.testing.TestMessages;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InboundValidatorSmokeTest {
    static final TestKeys KEYS = TestKeys.create();
    static InboundValidator validator;

    @BeforeAll
    static void setUp(@TempDir Path dir) throws Exception {
        Path ca = TestKeys.writePem(dir.resolve("ca.pem"), KEYS.ca().certificate());
        Path idp = TestKeys.writePem(dir.resolve("idp.pem"), KEYS.issue("idp").certificate());
        PolicyConfig policy = PolicyConfig.builder("p").path("/*")
                .trust(new TrustConfig(List.of(ca), Optional.empty(), List.of(), List.of()))
                .saml(new SamlPolicy(true, List.of(new TrustedIssuer(SamlSpec.DEFAULT_ISSUER, List.of(idp))),
                        List.of("urn:test"), Duration.ofSeconds(60), Duration.ofMinutes(30),
                        Set.of(ConfirmationMethod.HOLDER_OF_KEY, ConfirmationMethod.SENDER_VOUCHES),
                        AssertionReplay.ONE_TIME_USE))
                .build();
        Problems problems = new Problems();
        InboundKeys keys = InboundKeys.load(policy, problems);
        problems.throwIfAny();
        validator = new InboundValidator(policy, keys, Clock.systemUTC());
    }

    @Test
    void x509SignedMessageIsAccepted() throws Exception {
        byte[] msg = TestMessages.soap11().timestamp(Duration.ofMinutes(5)).signWith(KEYS.issue("client"), KeyIdType.BST).build();
        ValidatedMessage valid = validator.validate(msg);
        assertThat(valid.principal().name()).isEqualTo("CN=client,O=WSS Gate Test,C=DE");
        assertThat(valid.principal().tokenType()).isEqualTo(TokenType.X509);
    }

    @Test
    void tamperedBodyIsRejected() throws Exception {
        byte[] msg = TestMessages.soap11().timestamp(Duration.ofMinutes(5)).signWith(KEYS.issue("client"), KeyIdType.BST).build();
        assertThatThrownBy(() -> validator.validate(TestMessages.tamperBody(msg)))
                .isInstanceOfSatisfying(SecurityFault.class, f -> assertThat(f.code()).isEqualTo(FaultCode.FAILED_CHECK));
    }

    @Test
    void saml2HolderOfKeyIsAccepted() throws Exception {
        byte[] msg = TestMessages.soap11().timestamp(Duration.ofMinutes(5))
                .saml(SamlSpec.saml2().signedBy(KEYS.issue("idp")).holderOfKey(KEYS.issue("alice-key"))
                        .audienceRestriction("urn:test").attribute("role", "admin"))
                .build();
        ValidatedMessage valid = validator.validate(msg);
        assertThat(valid.principal().name()).isEqualTo("alice");
        assertThat(valid.principal().confirmationMethod()).contains(ConfirmationMethod.HOLDER_OF_KEY);
    }
}
