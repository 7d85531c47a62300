package io.wssgate.inbound;

import static io.wssgate.inbound.ValidatorFixture.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.fault.FaultCode;
import io.wssgate.testing.KeyIdType;
import io.wssgate.testing.MessageBuilder;
import io.wssgate.testing.TestKeys;
import io.wssgate.testing.TestMessages;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replay detection admits a message only after every other check, and exactly once. */
class ReplayGuardTest {
    static final TestKeys KEYS = TestKeys.create();
    static InboundValidator validator;

    @BeforeAll
    static void setUp(@TempDir Path dir) throws Exception {
        Path ca = TestKeys.writePem(dir.resolve("ca.pem"), KEYS.ca().certificate());
        validator = ValidatorFixture.validator(ValidatorFixture.policy(ca).build());
    }

    private static byte[] signed() {
        return TestMessages.soap11().timestamp(Duration.ofMinutes(5)).signWith(KEYS.issue("client"), KeyIdType.BST)
                .build();
    }

    @Test
    void aTamperedCopySentFirstDoesNotUseUpTheGenuineMessage() throws Exception {
        byte[] genuine = signed();
        assertRejected(validator, TestMessages.tamperBody(genuine), FaultCode.FAILED_CHECK);

        assertThat(validator.validate(genuine).principal().name()).isEqualTo("CN=client,O=WSS Gate Test,C=DE");
        assertRejected(validator, genuine, FaultCode.INVALID_SECURITY);
    }

    @Test
    void ofManyCopiesRacingEachOtherExactlyOneGetsIn() throws Exception {
        byte[] genuine = signed();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> attempts = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                attempts.add(pool.submit(() -> {
                    try {
                        validator.validate(genuine);
                        return true;
                    } catch (io.wssgate.fault.SecurityFault e) {
                        return false;
                    }
                }));
            }
            int admitted = 0;
            for (Future<Boolean> attempt : attempts) {
                admitted += attempt.get() ? 1 : 0;
            }
            assertThat(admitted).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aUsernameTokenNonceIsOnlyUsedUpByAnAcceptedMessage(@TempDir Path dir) throws Exception {
        Path ca = TestKeys.writePem(dir.resolve("ca.pem"), KEYS.ca().certificate());
        InboundValidator signedUt = ValidatorFixture.validator(ValidatorFixture.policy(ca)
                .usernameToken(new io.wssgate.config.UsernameTokenPolicy(true,
                        java.util.Optional.of(user -> java.util.Optional.of("pw".toCharArray())), false,
                        Duration.ofMinutes(5), Duration.ofSeconds(60), true))
                .build());
        byte[] genuine = TestMessages.soap11().timestamp(Duration.ofMinutes(5))
                .usernameToken("bob", "pw", MessageBuilder.PasswordType.DIGEST)
                .signWith(KEYS.issue("client"), KeyIdType.BST).build();
        assertRejected(signedUt, TestMessages.tamperBody(genuine), FaultCode.FAILED_CHECK);

        assertThat(signedUt.validate(genuine).principal().name()).isEqualTo("bob");
    }
}
