package io.wssgate.outbound;

import io.wssgate.spi.OutboundContext;
import static io.wssgate.outbound.OutboundFixture.accepted;
import static io.wssgate.outbound.OutboundFixture.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.WssGate;
import io.wssgate.identity.ConfirmationMethod;
import io.wssgate.config.DecryptionPolicy;
import io.wssgate.config.KeyIdentifier;
import io.wssgate.config.KeySource;
import io.wssgate.config.OutboundEncryption;
import io.wssgate.config.OutboundPolicy;
import io.wssgate.config.OutboundSigning;
import io.wssgate.config.OutboundToken;
import io.wssgate.config.PolicyConfig;
import io.wssgate.config.SamlIssuance;
import io.wssgate.config.WssGateConfig;
import io.wssgate.identity.WssPrincipal;
import io.wssgate.testing.TestCrypto;
import io.wssgate.testing.TestMessages;
import io.wssgate.testing.Wss4jVerifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.namespace.QName;
import org.apache.wss4j.dom.WSConstants;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** The declared parts of outbound signatures and encryption, built with the Java model. */
class OutboundPartsTest {
    static final QName ACCOUNT = new QName("urn:wssgate:test", "Account");
    static OutboundFixture fx;
    static KeySource clientKey;
    static KeySource issuerKey;
    static Path serverCert;

    @BeforeAll
    static void setUp(@TempDir Path dir) throws Exception {
        fx = new OutboundFixture(dir);
        clientKey = new KeySource.PemKeyPair(dir.resolve("client-key.pem"), dir.resolve("client.pem"), Optional.empty());
        issuerKey = new KeySource.PemKeyPair(dir.resolve("issuer-key.pem"), dir.resolve("issuer.pem"),
                Optional.of(io.wssgate.config.Secret.of("issuer-pw")));
        serverCert = dir.resolve("server.pem");
    }

    private static Document requestWithHeader() {
        return TestMessages.parse(TestMessages.soap11().header("<t:Account xmlns:t=\"urn:wssgate:test\">4711</t:Account>")
                .build());
    }

    private static WssGate sender(OutboundPolicy outbound) {
        return WssGate.create(WssGateConfig.of(PolicyConfig.builder("sender").path("/s").outbound(outbound).build()));
    }

    @Test
    void headerAndTokenAreSignedByName() throws Exception {
        SamlIssuance bearer = new SamlIssuance(true, OutboundFixture.WSC_ISSUER, issuerKey, ConfirmationMethod.BEARER,
                Optional.of("carol"), SamlIssuance.UNSPECIFIED_NAME_FORMAT, Map.of(), List.of(OutboundFixture.AUDIENCE),
                Duration.ofMinutes(5));
        OutboundSigning signing = new OutboundSigning(clientKey, KeyIdentifier.BST, Optional.empty(),
                "http://www.w3.org/2001/04/xmlenc#sha256", "http://www.w3.org/2001/10/xml-exc-c14n#",
                true, true, true, List.of(ACCOUNT));
        WssGate gate = sender(new OutboundPolicy(Optional.of(Duration.ofMinutes(5)),
                Optional.of(new OutboundToken.SelfIssued(bearer)), Optional.of(signing), Optional.empty(), false));

        byte[] message = bytes(gate.policy("sender").orElseThrow().secureOutbound(requestWithHeader(),
                OutboundContext.none()).document());

        List<String> signed = new Wss4jVerifier(TestCrypto.trusting(fx.keys.ca().certificate()), Map.of())
                .process(message).signedElements(WSConstants.SIGN).stream().map(QName::getLocalPart).toList();
        assertThat(signed).contains("Body", "Timestamp", "Account", "Assertion");
        WssPrincipal principal = accepted(fx.policy("receiver").validate(message, "text/xml")).principal();
        assertThat(principal.name()).isEqualTo("carol");
        assertThat(principal.confirmationMethod()).contains(ConfirmationMethod.BEARER);
    }

    @Test
    void headerIsEncryptedAsAnEncryptedHeader() throws Exception {
        OutboundEncryption encryption = new OutboundEncryption(serverCert, KeyIdentifier.ISSUER_SERIAL,
                DecryptionPolicy.AES256_GCM, DecryptionPolicy.RSA_OAEP, true, List.of(ACCOUNT));
        WssGate gate = sender(new OutboundPolicy(Optional.of(Duration.ofMinutes(5)), Optional.empty(),
                Optional.of(OutboundSigning.with(clientKey)), Optional.of(encryption), false));

        byte[] message = bytes(gate.policy("sender").orElseThrow().secureOutbound(requestWithHeader(),
                OutboundContext.none()).document());
        String wire = new String(message, StandardCharsets.UTF_8);
        assertThat(wire).contains("EncryptedHeader").doesNotContain(">4711<");

        Wss4jVerifier.Outcome decrypted = new Wss4jVerifier(TestCrypto.of(List.of(fx.server),
                List.of(fx.keys.ca().certificate())), Map.of()).process(message);
        assertThat(decrypted.document().getElementsByTagNameNS("urn:wssgate:test", "Account").item(0).getTextContent())
                .isEqualTo("4711");
    }

    @Test
    void keyIdentifierChoicesNameTheSigningCertificate() throws Exception {
        for (KeyIdentifier id : KeyIdentifier.values()) {
            OutboundSigning signing = new OutboundSigning(clientKey, id, Optional.empty(),
                    "http://www.w3.org/2001/04/xmlenc#sha256", "http://www.w3.org/2001/10/xml-exc-c14n#",
                    true, true, false, List.of());
            WssGate gate = sender(new OutboundPolicy(Optional.of(Duration.ofMinutes(5)), Optional.empty(),
                    Optional.of(signing), Optional.empty(), false));
            byte[] message = bytes(gate.policy("sender").orElseThrow().secureOutbound(OutboundFixture.request(),
                    OutboundContext.none()).document());
            // the receiver trusts the CA and knows the client certificate, as issuer-serial/SKI/thumbprint need
            assertThat(accepted(fx.policy("receiver").validate(message, "text/xml")).principal().name())
                    .as(id.key()).isEqualTo("CN=client,O=WSS Gate Test,C=DE");
        }
    }
}
