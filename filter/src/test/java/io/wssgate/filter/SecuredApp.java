package io.wssgate.filter;

import io.wssgate.testing.SamlSpec;
import io.wssgate.testing.TestKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The web application most end-to-end tests run against: key material written by the
 * fixtures, a YAML configuration with one policy per kind of caller, and Jetty serving the
 * app from a web.xml that points the filter at that file.
 */
final class SecuredApp {
    static final String AUDIENCE = "urn:wssgate:test:service";
    static final String SOAP11 = "text/xml; charset=UTF-8";
    static final String SOAP12 = "application/soap+xml; charset=UTF-8";

    final TestKeys keys = TestKeys.create();
    final TestKeys.Identity client = keys.issue("client");
    final TestKeys.Identity idp = keys.issue("idp");
    final TestKeys.Identity aliceKey = keys.issue("alice-key");
    final TestKeys.Identity sender = keys.issue("sender");
    final TestKeys.Identity server = keys.issue("server");
    final JettyWebApp app;

    SecuredApp(Path dir) throws Exception {
        Path ca = TestKeys.writePem(dir.resolve("keys/ca.pem"), keys.ca().certificate());
        // issuer-serial, SKI and thumbprint references name a certificate the receiver must know
        Path clientCert = TestKeys.writePem(dir.resolve("keys/client.pem"), client.certificate());
        Path idpCert = TestKeys.writePem(dir.resolve("keys/idp.pem"), idp.certificate());
        Path serverKey = TestKeys.writePkcs8Pem(dir.resolve("keys/server-key.pem"), server.privateKey());
        Path serverCert = TestKeys.writePem(dir.resolve("keys/server.pem"), server.certificate());
        Path users = Files.writeString(dir.resolve("keys/users.properties"), "bob=bobs-secret\n");
        Path config = Files.writeString(dir.resolve("wssgate.yaml"),
                yaml(ca, idpCert, serverKey, serverCert, users, clientCert));
        this.app = JettyWebApp.start(dir, Map.of("config-file", config.toString()));
    }

    private static String yaml(Path ca, Path idpCert, Path serverKey, Path serverCert, Path users, Path clientCert) {
        return """
                policies:
                  x509:
                    paths: [/x509/*]
                    trust:
                      certificates: [%1$s, %8$s]
                    roles:
                      certificate-subjects:
                        - subject: "CN=client,O=WSS Gate Test,C=DE"
                          roles: [admin, user]
                  saml:
                    paths: [/saml/*]
                    trust:
                      certificates: [%1$s]
                    saml:
                      issuers:
                        - name: %2$s
                          certificates: [%3$s]
                      audiences: [%4$s]
                      confirmation-methods: [holder-of-key, sender-vouches]
                    roles:
                      saml-attributes: [role]
                  bearer:
                    paths: [/bearer/*]
                    signature:
                      required: false
                    saml:
                      issuers:
                        - name: %2$s
                          certificates: [%3$s]
                      audiences: [%4$s]
                      confirmation-methods: [bearer]
                    roles:
                      saml-attributes: [role]
                  username:
                    paths: [/ut/*]
                    signature:
                      required: false
                    username-token:
                      enabled: true
                      passwords: %5$s
                  encrypted:
                    paths: [/enc/*]
                    trust:
                      certificates: [%1$s]
                    decryption:
                      key:
                        private-key: %6$s
                        certificate: %7$s
                  lenient-decryption:
                    paths: [/enc-lenient/*]
                    signature:
                      required: false
                    trust:
                      certificates: [%1$s]
                    decryption:
                      key:
                        private-key: %6$s
                        certificate: %7$s
                  headers:
                    paths: [/headers/*]
                    signature:
                      parts: [Body, Timestamp, "{urn:wssgate:test}Account"]
                    trust:
                      certificates: [%1$s]
                  small:
                    paths: [/small/*]
                    limits:
                      max-message-size: 64KiB
                      max-depth: 40
                    trust:
                      certificates: [%1$s]
                """.formatted(ca, SamlSpec.DEFAULT_ISSUER, idpCert, AUDIENCE, users, serverKey, serverCert, clientCert);
    }
}
