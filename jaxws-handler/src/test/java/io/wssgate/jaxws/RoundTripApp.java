package io.wssgate.jaxws;

import io.wssgate.testing.TestKeys;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.namespace.QName;
import jakarta.xml.ws.Service;

/**
 * Both sides of secured exchanges: endpoints whose policies secure responses, and client
 * policies that secure requests, in one YAML file found through the {@code wssgate.config}
 * system property (set while this app runs, so {@code WssGateClient.secure(port, name)} finds
 * it as an application would).
 */
final class RoundTripApp implements AutoCloseable {
    static final String CLIENT_DN = "CN=client,O=WSS Gate Test,C=DE";
    static final String SERVER_DN = "CN=server,O=WSS Gate Test,C=DE";
    static final String WSC_ISSUER = "https://wsc.wssgate.test";
    /** The wsa:Action WS-Addressing Metadata derives for the test service's whoami request. */
    static final String WHOAMI_ACTION = "urn:wssgate:test:jaxws/WhoAmI/whoamiRequest";

    final TestKeys keys = TestKeys.create();
    final TestKeys.Identity client = keys.issue("client");
    final TestKeys.Identity server = keys.issue("server");
    final TestKeys.Identity mallory = keys.issueByOtherCa("mallory");
    final TestKeys.Identity wscIssuer = keys.issue("wsc-issuer");
    final MetroWebApp app;

    RoundTripApp(Path dir) throws Exception {
        Path ca = TestKeys.writePem(dir.resolve("keys/ca.pem"), keys.ca().certificate());
        Path clientKey = TestKeys.writePkcs8Pem(dir.resolve("keys/client-key.pem"), client.privateKey());
        Path clientCert = TestKeys.writePem(dir.resolve("keys/client.pem"), client.certificate());
        Path serverKey = TestKeys.writePkcs8Pem(dir.resolve("keys/server-key.pem"), server.privateKey());
        Path serverCert = TestKeys.writePem(dir.resolve("keys/server.pem"), server.certificate());
        Path malloryKey = TestKeys.writePkcs8Pem(dir.resolve("keys/mallory-key.pem"), mallory.privateKey());
        Path malloryCert = TestKeys.writePem(dir.resolve("keys/mallory.pem"), mallory.certificate());
        Path issuerKey = TestKeys.writePkcs8Pem(dir.resolve("keys/wsc-issuer-key.pem"), wscIssuer.privateKey());
        Path issuerCert = TestKeys.writePem(dir.resolve("keys/wsc-issuer.pem"), wscIssuer.certificate());
        Path config = Files.writeString(dir.resolve("wssgate.yaml"), """
                policies:
                  server:
                    paths: [/roundtrip]
                    trust:
                      certificates: [%1$s]
                    roles:
                      certificate-subjects:
                        - subject: "%8$s"
                          roles: [admin]
                    outbound:
                      timestamp: { ttl: 5m }
                      signature:
                        key: { private-key: %4$s, certificate: %5$s }
                      signature-confirmation: true
                  saml-server:
                    paths: [/roundtrip-saml]
                    saml:
                      issuers:
                        - name: %10$s
                          certificates: [%11$s]
                      audiences: [urn:wssgate:example]
                    roles:
                      saml-attributes: [role]
                    outbound:
                      timestamp: { ttl: 5m }
                      signature:
                        key: { private-key: %4$s, certificate: %5$s }
                      encryption:
                        recipient-certificate: %3$s
                      signature-confirmation: true
                  encrypted-saml-server:
                    paths: [/roundtrip-encsaml]
                    saml:
                      issuers:
                        - name: %10$s
                          certificates: [%11$s]
                      audiences: [urn:wssgate:example]
                      encrypted-assertions: true
                    decryption:
                      key: { private-key: %4$s, certificate: %5$s }
                    roles:
                      saml-attributes: [role]
                    outbound:
                      timestamp: { ttl: 5m }
                      signature:
                        key: { private-key: %4$s, certificate: %5$s }
                      signature-confirmation: true
                  plain-server:
                    paths: [/roundtrip-plain]
                    trust:
                      certificates: [%1$s]
                  propagating-server:
                    paths: [/unsecurable]
                    trust:
                      certificates: [%1$s]
                    outbound:
                      timestamp: { ttl: 5m }
                      token: { source: propagated }
                  addressing-server:
                    paths: [/roundtrip-wsa]
                    trust:
                      certificates: [%1$s]
                    addressing: { required: true }
                    unknown-operations: default
                    operations:
                      status:
                        payload-roots: ["{urn:wssgate:test:jaxws}whoami"]
                        addressing-actions: [%12$s]
                    outbound:
                      timestamp: { ttl: 5m }
                      signature:
                        key: { private-key: %4$s, certificate: %5$s }
                  metro-addressing-server:   # Metro's own WS-Addressing writes the response's headers
                    paths: [/roundtrip-metro-wsa]
                    trust:
                      certificates: [%1$s]
                    addressing: { required: true }
                    outbound:
                      timestamp: { ttl: 5m }
                      signature:
                        key: { private-key: %4$s, certificate: %5$s }
                  # client policies: the model requires distinct "paths", though a client handler never uses them
                  client-policy:
                    paths: [/client]
                    trust:
                      certificates: [%1$s]
                    outbound:
                      timestamp: { ttl: 5m }
                      signature:
                        key: { private-key: %2$s, certificate: %3$s }
                      signature-confirmation: true
                  client-without-replay-cache:   # so only SignatureConfirmation can catch a replayed response
                    paths: [/client-without-replay-cache]
                    timestamp:
                      replay-detection: false
                    trust:
                      certificates: [%1$s]
                    outbound:
                      timestamp: { ttl: 5m }
                      signature:
                        key: { private-key: %2$s, certificate: %3$s }
                      signature-confirmation: true
                  untrusted-client:
                    paths: [/untrusted-client]
                    trust:
                      certificates: [%1$s]
                    outbound:
                      timestamp: { ttl: 5m }
                      signature:
                        key: { private-key: %6$s, certificate: %7$s }
                  saml-client:
                    paths: [/saml-client]
                    trust:
                      certificates: [%1$s]
                    decryption:
                      key: { private-key: %2$s, certificate: %3$s }
                    outbound:
                      timestamp: { ttl: 5m }
                      token:
                        source: self-issued
                        saml:
                          version: "2.0"
                          issuer: %10$s
                          issuer-key: { private-key: %9$s, certificate: %11$s }
                          confirmation-method: holder-of-key
                          subject: alice
                          attributes: { role: [admin, clerk] }
                          audiences: [urn:wssgate:example]
                      signature:
                        key: { private-key: %2$s, certificate: %3$s }
                      signature-confirmation: true
                  encrypted-saml-client:
                    paths: [/encrypted-saml-client]
                    trust:
                      certificates: [%1$s]
                    outbound:
                      timestamp: { ttl: 5m }
                      token:
                        source: self-issued
                        saml:
                          issuer: %10$s
                          issuer-key: { private-key: %9$s, certificate: %11$s }
                          confirmation-method: holder-of-key
                          subject: alice
                          attributes: { role: [admin, clerk] }
                          audiences: [urn:wssgate:example]
                      signature:
                        key: { private-key: %2$s, certificate: %3$s }
                      encryption:
                        recipient-certificate: %5$s
                        parts: []
                        assertion: true
                      signature-confirmation: true
                  addressing-client:   # adds signed wsa:To, wsa:Action (from its operation) and wsa:MessageID
                    paths: [/addressing-client]
                    trust:
                      certificates: [%1$s]
                    operations:
                      status:
                        payload-roots: ["{urn:wssgate:test:jaxws}whoami"]
                        addressing-actions: [%12$s]
                    outbound:
                      timestamp: { ttl: 5m }
                      signature:
                        key: { private-key: %2$s, certificate: %3$s }
                      addressing: { enabled: true }
                  propagating-client:
                    paths: [/propagating-client]
                    trust:
                      certificates: [%1$s]
                    outbound:
                      timestamp: { ttl: 5m }
                      token: { source: propagated }
                """.formatted(ca, clientKey, clientCert, serverKey, serverCert, malloryKey, malloryCert, CLIENT_DN,
                issuerKey, WSC_ISSUER, issuerCert, WHOAMI_ACTION));
        System.setProperty(ConfigLocation.SYSTEM_PROPERTY, config.toString());
        this.app = MetroWebApp.start(dir, List.of(
                new MetroWebApp.Endpoint("/roundtrip", RoundTripEndpoints.Confirming.class),
                new MetroWebApp.Endpoint("/roundtrip12", RoundTripEndpoints.Confirming12.class),
                new MetroWebApp.Endpoint("/unsecurable", RoundTripEndpoints.Unsecurable.class),
                new MetroWebApp.Endpoint("/roundtrip-saml", RoundTripEndpoints.SamlEncrypting.class),
                new MetroWebApp.Endpoint("/roundtrip-plain", RoundTripEndpoints.Plain.class),
                new MetroWebApp.Endpoint("/roundtrip-encsaml", RoundTripEndpoints.EncryptedSaml.class),
                new MetroWebApp.Endpoint("/roundtrip-wsa", RoundTripEndpoints.Addressed.class),
                new MetroWebApp.Endpoint("/roundtrip-metro-wsa", RoundTripEndpoints.MetroAddressed.class)));
    }

    /** A Metro client proxy for the endpoint at {@code path}, from its WSDL; not yet secured. */
    WhoAmI port(String path, String service, String port) throws Exception {
        URL wsdl = app.wsdl(path);
        return Service.create(wsdl, new QName(WhoAmI.NS, service)).getPort(new QName(WhoAmI.NS, port), WhoAmI.class);
    }

    @Override
    public void close() throws Exception {
        try {
            app.close();
        } finally {
            System.clearProperty(ConfigLocation.SYSTEM_PROPERTY);
        }
    }
}
