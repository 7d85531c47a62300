package io.wssgate.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.config.PolicyConfig;
import io.wssgate.config.WssGateConfig;
import io.wssgate.config.load.ConfigLoader;
import io.wssgate.fault.FaultCode;
import io.wssgate.testing.KeyIdType;
import io.wssgate.testing.layout.HeaderOrders;
import io.wssgate.testing.layout.LayoutFixture;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An enforced layout refuses with InvalidSecurity and says in the log which rule the header broke
 * and where; the verdicts for every order are in {@link LayoutMatrixTest}.
 */
class LayoutEnforcementTest {
    @TempDir
    static Path dir;
    static LayoutFixture fixture;
    static InboundValidator strict;
    static InboundValidator timestampFirst;
    static InboundValidator timestampLast;

    @BeforeAll
    static void setUp() throws Exception {
        fixture = LayoutFixture.create(dir);
        WssGateConfig config = ConfigLoader.fromYaml(fixture.config, name -> Optional.empty());
        strict = ValidatorFixture.validator(policy(config, "strict"));
        timestampFirst = ValidatorFixture.validator(policy(config, "ts-first"));
        timestampLast = ValidatorFixture.validator(policy(config, "ts-last"));
    }

    private static PolicyConfig policy(WssGateConfig config, String name) {
        return config.policies().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    private static String refusal(InboundValidator validator, byte[] message) {
        return ValidatorFixture.assertRejected(validator, message, FaultCode.INVALID_SECURITY).getMessage();
    }

    private static byte[] x509(List<String> order) {
        return HeaderOrders.reorder(fixture.x509(false).build(), order);
    }

    @Test
    void strictNamesASignedTimestampAfterItsSignature() {
        // WSS4J's own prepend order: BinarySecurityToken, Signature, Timestamp
        assertThat(refusal(strict, fixture.x509(false).build())).isEqualTo("security-header layout strict: "
                + "Timestamp (child 3) is signed by Signature (child 2) but comes after it (strict wants declare before use)");
    }

    @Test
    void strictNamesASigningTokenAfterItsSignature() {
        assertThat(refusal(strict, x509(List.of("Timestamp", "Signature", "BinarySecurityToken"))))
                .contains("BinarySecurityToken (child 3) is used by Signature (child 2)");
    }

    @Test
    void strictAlsoFindsATokenNamedByKeyIdentifier() {
        byte[] message = LayoutFixture.withBinarySecurityToken(io.wssgate.testing.TestMessages
                .soap11(LayoutFixture.BODY).timestamp(Duration.ofMinutes(5)).signWith(fixture.partner, KeyIdType.SKI)
                .build(), fixture.partner);

        assertThat(refusal(strict, HeaderOrders.reorder(message, List.of("Timestamp", "Signature", "BinarySecurityToken"))))
                .contains("BinarySecurityToken (child 3) carries the key of Signature (child 2)");
    }

    @Test
    void strictAcceptsDeclareBeforeUse() throws Exception {
        assertThat(strict.validate(x509(List.of("Timestamp", "BinarySecurityToken", "Signature"))).principal().name())
                .isEqualTo(LayoutFixture.CLIENT_DN);
    }

    @Test
    void timestampFirstAndLastNameWhatStoodThere() {
        assertThat(refusal(timestampFirst, fixture.x509(false).build())).isEqualTo("security-header layout "
                + "lax-timestamp-first: the first child of wsse:Security must be the wsu:Timestamp, found "
                + "{http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd}BinarySecurityToken");
        assertThat(refusal(timestampLast, x509(List.of("Timestamp", "BinarySecurityToken", "Signature"))))
                .contains("the last child of wsse:Security must be the wsu:Timestamp, found {http://www.w3.org/2000/09/xmldsig#}Signature");
    }

    @Test
    void aTimestampLayoutRefusesAMessageWithoutTimestamp() {
        byte[] noTimestamp = io.wssgate.testing.TestMessages.soap11(LayoutFixture.BODY)
                .signWith(fixture.client, KeyIdType.BST).build();

        assertThat(refusal(timestampLast, noTimestamp)).contains("must be the wsu:Timestamp");
    }
}
