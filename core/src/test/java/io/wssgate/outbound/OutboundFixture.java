package io.wssgate.outbound;

import io.wssgate.PolicyRuntime;
import io.wssgate.InboundOutcome;
import io.wssgate.WssGate;
import io.wssgate.config.load.ConfigLoader;
import io.wssgate.config.load.VariableResolver;
import io.wssgate.testing.SamlSpec;
import io.wssgate.testing.TestKeys;
import io.wssgate.testing.TestMessages;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.file.Path;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;

/**
 * A gate with sending and receiving policies, configured from YAML like a user would, whose
 * keys the fixtures generate: what one side secures, the other side validates.
 */
final class OutboundFixture {
    static final String WSC_ISSUER = "https://wsc.wssgate.test";
    static final String AUDIENCE = "urn:wssgate:test:service";

    final TestKeys keys = TestKeys.create();
    final TestKeys.Identity client = keys.issue("client");
    final TestKeys.Identity issuer = keys.issue("wsc-issuer");
    final TestKeys.Identity server = keys.issue("server");
    final TestKeys.Identity idp = keys.issue("idp");
    final WssGate gate;

    OutboundFixture(Path dir) throws Exception {
        Path ca = TestKeys.writePem(dir.resolve("ca.pem"), keys.ca().certificate());
        Path clientKey = TestKeys.writePkcs8Pem(dir.resolve("client-key.pem"), client.privateKey());
        Path clientCert = TestKeys.writePem(dir.resolve("client.pem"), client.certificate());
        Path issuerKey = TestKeys.writeEncryptedPkcs8Pem(dir.resolve("issuer-key.pem"), issuer.privateKey(),
                "issuer-pw".toCharArray());
        Path issuerCert = TestKeys.writePem(dir.resolve("issuer.pem"), issuer.certificate());
        Path serverKey = TestKeys.writePkcs8Pem(dir.resolve("server-key.pem"), server.privateKey());
        Path serverCert = TestKeys.writePem(dir.resolve("server.pem"), server.certificate());
        Path idpCert = TestKeys.writePem(dir.resolve("idp.pem"), idp.certificate());
        String yaml = """
                policies:
                  x509-out:
                    paths: [/out/x509]
                    outbound:
                      timestamp: { ttl: 5m }
                      signature:
                        key: { private-key: %2$s, certificate: %3$s }
                  saml-out:
                    paths: [/out/saml]
                    outbound:
                      timestamp: { ttl: 5m }
                      token:
                        source: self-issued
                        saml:
                          version: "2.0"
                          issuer: %8$s
                          issuer-key: { private-key: %4$s, certificate: %5$s, password: issuer-pw }
                          confirmation-method: holder-of-key
                          subject: alice
                          attributes: { role: [admin, clerk] }
                          audiences: [%9$s]
                      signature:
                        key: { private-key: %2$s, certificate: %3$s }
                  saml11-sv-out:
                    paths: [/out/saml11-sv]
                    outbound:
                      timestamp: { ttl: 5m }
                      token:
                        source: self-issued
                        saml:
                          version: "1.1"
                          issuer: %8$s
                          issuer-key: { private-key: %4$s, certificate: %5$s, password: issuer-pw }
                          confirmation-method: sender-vouches
                          audiences: [%9$s]
                      signature:
                        key: { private-key: %2$s, certificate: %3$s }
                        key-identifier: issuer-serial
                  saml2-for-caller-out:
                    paths: [/out/saml2-for-caller]
                    outbound:
                      timestamp: { ttl: 5m }
                      token:
                        source: self-issued
                        saml:
                          version: "2.0"
                          issuer: %8$s
                          issuer-key: { private-key: %4$s, certificate: %5$s, password: issuer-pw }
                          confirmation-method: sender-vouches
                          audiences: [%9$s]
                      signature:
                        key: { private-key: %2$s, certificate: %3$s }
                  propagate-out:
                    paths: [/out/propagate]
                    outbound:
                      timestamp: { ttl: 5m }
                      token: { source: propagated }
                  encrypted-out:
                    paths: [/out/encrypted]
                    outbound:
                      timestamp: { ttl: 5m }
                      signature:
                        key: { private-key: %2$s, certificate: %3$s }
                      encryption:
                        recipient-certificate: %7$s
                  receiver:
                    paths: [/in/*]
                    trust:
                      certificates: [%1$s, %3$s]   # the client's own for issuer-serial references
                    saml:
                      issuers:
                        - name: %8$s
                          certificates: [%5$s]
                        - name: %11$s
                          certificates: [%10$s]
                      audiences: [%9$s]
                      confirmation-methods: [holder-of-key, sender-vouches, bearer]
                    roles:
                      saml-attributes: [role]
                    attachments: { enabled: true }   # MTOM under SAML-keyed signatures (MtomSamlOutboundTest)
                    decryption:
                      key: { private-key: %6$s, certificate: %7$s }
                  bearer-receiver:
                    paths: [/in-bearer/*]
                    signature: { required: false }
                    saml:
                      issuers:
                        - name: %11$s
                          certificates: [%10$s]
                      audiences: [%9$s]
                      confirmation-methods: [bearer]
                  confirming-server:
                    paths: [/server/*]
                    trust:
                      certificates: [%1$s]
                    outbound:
                      timestamp: { ttl: 5m }
                      signature:
                        key: { private-key: %6$s, certificate: %7$s }
                      signature-confirmation: true
                  confirming-client:
                    paths: [/client/*]
                    trust:
                      certificates: [%1$s]
                    outbound:
                      timestamp: { ttl: 5m }
                      signature:
                        key: { private-key: %2$s, certificate: %3$s }
                      signature-confirmation: true
                """.formatted(ca, clientKey, clientCert, issuerKey, issuerCert, serverKey, serverCert, WSC_ISSUER,
                AUDIENCE, idpCert, SamlSpec.DEFAULT_ISSUER);
        this.gate = WssGate.create(ConfigLoader.fromYaml(new StringReader(yaml), dir, VariableResolver.system()));
    }

    PolicyRuntime policy(String name) {
        return gate.policy(name).orElseThrow();
    }

    static Document request() {
        return TestMessages.parse(TestMessages.soap11().build());
    }

    static byte[] bytes(Document document) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TransformerFactory.newInstance().newTransformer().transform(new DOMSource(document), new StreamResult(out));
        return out.toByteArray();
    }

    static InboundOutcome.Accepted accepted(InboundOutcome outcome) {
        if (outcome instanceof InboundOutcome.Accepted a) {
            return a;
        }
        throw new AssertionError("expected the message to be accepted, but: " + outcome);
    }
}
