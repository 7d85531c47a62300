package io.wssgate.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.config.PolicyConfig;
import io.wssgate.config.WssGateConfig;
import io.wssgate.config.load.ConfigLoader;
import io.wssgate.fault.FaultCode;
import io.wssgate.fault.SecurityFault;
import io.wssgate.testing.attacks.Attack;
import io.wssgate.testing.attacks.AttackFixture;
import io.wssgate.testing.attacks.KeyReferenceAttacks;
import io.wssgate.testing.attacks.MessageDom;
import io.wssgate.testing.layout.HeaderOrders;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;

/**
 * Key references through the validator itself, where the server log's reason is visible: a token
 * outside the Security header that uses it is refused for exactly that reason, before any
 * cryptography; a token that is later in the same header is fine; and a reference to nothing
 * is reported as such, never as a missing password.
 */
class KeyReferenceTest {
    @TempDir
    static Path dir;
    static AttackFixture fixture;
    static final Map<String, InboundValidator> VALIDATORS = new HashMap<>();

    @BeforeAll
    static void setUp() throws Exception {
        fixture = AttackFixture.create(dir);
        WssGateConfig config = ConfigLoader.fromYaml(fixture.config, name -> Optional.empty());
        for (PolicyConfig policy : config.policies()) {
            VALIDATORS.put(policy.name(), ValidatorFixture.validator(policy));
        }
    }

    @AfterAll
    static void tearDown() throws Exception {
        fixture.close();
    }

    private static InboundValidator validatorFor(String path) {
        return VALIDATORS.get(AttackFixture.POLICY_OF_PATH.get(path));
    }

    static Stream<Attack> attacks() {
        return KeyReferenceAttacks.all(fixture).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void aTokenOutsideTheHeaderThatUsesItIsRefusedForThatReason(Attack attack) {
        SecurityFault fault = ValidatorFixture.assertRejected(validatorFor(attack.path()), attack.body().get(),
                attack.expected().fault().orElseThrow());

        assertThat(fault.getMessage()).contains("not a child of this wsse:Security header");
    }

    @Test
    void theSameTokenLaterInTheSameHeaderIsFine() throws Exception {
        byte[] message = fixture.x509(AttackFixture.X509).build();
        byte[] tokenLast = HeaderOrders.reorder(message, List.of("Signature", "Timestamp", "BinarySecurityToken"));

        assertThat(validatorFor(AttackFixture.X509).validate(tokenLast).principal().name())
                .isEqualTo(AttackFixture.CLIENT_DN);
    }

    @Test
    void aReferenceToNothingIsReportedAsAMissingTokenNotAMissingPassword() {
        byte[] message = MessageDom.edit(fixture.x509(AttackFixture.X509).build(), doc -> {
            Element reference = MessageDom.first(doc, MessageDom.WSSE, "Reference");
            reference.setAttributeNS(null, "URI", "#no-such-token");
        });

        SecurityFault fault = ValidatorFixture.assertRejected(validatorFor(AttackFixture.X509), message,
                FaultCode.SECURITY_TOKEN_UNAVAILABLE);

        assertThat(fault.getMessage()).contains("no-such-token").doesNotContainIgnoringCase("password");
    }
}
