package io.wssgate.inbound;

import static io.wssgate.inbound.ValidatorFixture.assertRejected;
import static io.wssgate.inbound.ValidatorFixture.validator;
import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.config.AlgorithmPolicy;
import io.wssgate.config.PolicyConfig;
import io.wssgate.config.SignaturePolicy;
import io.wssgate.config.UsernameTokenPolicy;
import io.wssgate.fault.FaultCode;
import io.wssgate.spi.PasswordSource;
import io.wssgate.identity.TokenType;
import io.wssgate.identity.WssPrincipal;
import io.wssgate.testing.MessageBuilder.PasswordType;
import io.wssgate.testing.TestMessages;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.apache.wss4j.dom.WSConstants;
import org.junit.jupiter.api.Test;

/** UsernameToken authentication (no signature required) through {@link InboundValidator#validate(byte[])}. */
class InboundValidatorUsernameTokenTest {
    static final PasswordSource PASSWORDS = user -> "bob".equals(user)
            ? Optional.of("s3cret!".toCharArray()) : Optional.empty();

    static final InboundValidator digestOnly = validator(policy(false, true));
    static final InboundValidator textAllowed = validator(policy(true, true));
    static final InboundValidator noNonceCache = validator(policy(false, false));

    static PolicyConfig policy(boolean allowPasswordText, boolean nonceReplayDetection) {
        return PolicyConfig.builder("ut").path("/*")
                .signature(new SignaturePolicy(false, true, true, List.of(), AlgorithmPolicy.defaults(), true))
                .usernameToken(new UsernameTokenPolicy(true, Optional.of(PASSWORDS), allowPasswordText,
                        Duration.ofMinutes(5), Duration.ofSeconds(60), nonceReplayDetection))
                .build();
    }

    static byte[] token(String user, String password, PasswordType type) {
        return TestMessages.soap11().timestamp(Duration.ofMinutes(5)).usernameToken(user, password, type).build();
    }

    @Test
    void digestPasswordIsAccepted() throws Exception {
        WssPrincipal p = digestOnly.validate(token("bob", "s3cret!", PasswordType.DIGEST)).principal();

        assertThat(p.name()).isEqualTo("bob");
        assertThat(p.tokenType()).isEqualTo(TokenType.USERNAME_TOKEN);
        assertThat(p.authenticationMethod()).contains(WSConstants.PASSWORD_DIGEST);
        assertThat(p.authenticationInstant()).isPresent();
        assertThat(p.certificate()).isEmpty();
        assertThat(p.roles()).isEmpty();
        assertThat(p.tokenId()).hasValueSatisfying(id -> assertThat(id).isNotBlank());
    }

    @Test
    void wrongPasswordIsRejected() {
        assertRejected(digestOnly, token("bob", "guess", PasswordType.DIGEST), FaultCode.FAILED_AUTHENTICATION);
        assertRejected(textAllowed, token("bob", "guess", PasswordType.TEXT), FaultCode.FAILED_AUTHENTICATION);
    }

    @Test
    void unknownUserIsRejected() {
        assertRejected(digestOnly, token("eve", "s3cret!", PasswordType.DIGEST), FaultCode.FAILED_AUTHENTICATION);
    }

    @Test
    void passwordTextIsRejectedUnlessAllowed() throws Exception {
        byte[] text = token("bob", "s3cret!", PasswordType.TEXT);

        assertRejected(digestOnly, text, FaultCode.FAILED_AUTHENTICATION);

        WssPrincipal p = textAllowed.validate(token("bob", "s3cret!", PasswordType.TEXT)).principal();
        assertThat(p.name()).isEqualTo("bob");
        assertThat(p.authenticationMethod()).contains(WSConstants.PASSWORD_TEXT);
    }

    @Test
    void replayedNonceIsRejected() throws Exception {
        byte[] msg = token("bob", "s3cret!", PasswordType.DIGEST);

        assertThat(digestOnly.validate(msg).principal().name()).isEqualTo("bob");
        assertRejected(digestOnly, msg, FaultCode.INVALID_SECURITY);
        // the nonce cache is what refuses it: without one the same message passes twice
        noNonceCache.validate(msg);
        assertThat(noNonceCache.validate(msg).principal().name()).isEqualTo("bob");
    }

    @Test
    void staleOrFutureUsernameTokenCreatedIsRejected() throws Exception {
        // PasswordText, so rewriting Created leaves the password valid and only freshness can fail
        String fresh = new String(token("bob", "s3cret!", PasswordType.TEXT), StandardCharsets.UTF_8);
        assertThat(textAllowed.validate(fresh.getBytes(StandardCharsets.UTF_8)).principal().name()).isEqualTo("bob");
        for (Instant created : List.of(Instant.now().minus(Duration.ofMinutes(30)), Instant.now().plus(Duration.ofMinutes(30)))) {
            int token = fresh.indexOf("<wsse:UsernameToken");
            String shifted = fresh.substring(0, token) + fresh.substring(token)
                    .replaceFirst("(<wsu:Created[^>]*>)[^<]*(</wsu:Created>)", "$1" + created.truncatedTo(ChronoUnit.SECONDS) + "$2")
                    .replaceFirst("(<wsse:Nonce[^>]*>)[^<]*(</wsse:Nonce>)", "$1bmV3LW5vbmNl" + created.getEpochSecond() + "$2");
            assertThat(token).isPositive();
            assertThat(shifted).isNotEqualTo(fresh);
            // the message Timestamp is untouched and fresh: it is the token's Created that fails
            assertThat(assertRejected(textAllowed, shifted.getBytes(StandardCharsets.UTF_8), FaultCode.MESSAGE_EXPIRED)
                    .getMessage()).doesNotContainIgnoringCase("timestamp");
        }
    }

    @Test
    void usernameTokenDoesNotReplaceTheRequiredTimestamp() {
        byte[] noTimestamp = TestMessages.soap11().usernameToken("bob", "s3cret!", PasswordType.DIGEST).build();
        assertRejected(digestOnly, noTimestamp, FaultCode.INVALID_SECURITY);
    }

    @Test
    void messageWithoutAnyTokenIsNotAuthenticated() {
        byte[] timestampOnly = TestMessages.soap11().timestamp(Duration.ofMinutes(5)).build();
        assertRejected(digestOnly, timestampOnly, FaultCode.FAILED_AUTHENTICATION);
    }
}
