package io.wssgate.fips;

import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.WssGate;
import io.wssgate.config.load.ConfigLoader;
import io.wssgate.soap.Documents;
import io.wssgate.spi.OutboundContext;
import io.wssgate.testing.KeyIdType;
import io.wssgate.testing.LocalWebApp;
import io.wssgate.testing.OcspResponder;
import io.wssgate.testing.SamlSpec;
import io.wssgate.testing.TestKeys;
import io.wssgate.testing.TestMessages;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.apache.wss4j.dom.WSConstants;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * The FIPS-mode round trips over HTTP: Jetty runs the WSS Gate filter (configured with
 * {@code fips: true} in its YAML file) in front of an application, in the JVM whose only
 * cryptography is Bouncy Castle FIPS (see {@link FipsRoundTripTest}). An X.509-signed request, a
 * SAML 2.0 holder-of-key request and a request a FIPS-mode WSS Gate client signed and encrypted
 * (RSA-OAEP xenc11 with SHA-256 and MGF1-SHA256, AES-256-GCM) reach the application as their
 * sender; a request whose key is wrapped with rsa-oaep-mgf1p (MGF1 with SHA-1) gets
 * wsse:UnsupportedAlgorithm and never reaches it. OCSP revocation checking works there too, naming
 * certificates by SHA-256 hashes. (The JDK's HTTP client needs the TLS provider
 * this JVM does not have even for plain HTTP, so the requests go through HttpURLConnection.)
 */
class FipsOverHttpTest {
    static final String AUDIENCE = "urn:wssgate:test:fips-http";
    static TestKeys keys;
    static TestKeys.Identity client;
    static TestKeys.Identity server;
    static TestKeys.Identity idp;
    static TestKeys.Identity alice;
    static LocalWebApp app;
    static OcspResponder responder;
    static WssGate sender;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        keys = TestKeys.create();
        client = keys.issue("client");
        server = keys.issue("server");
        idp = keys.issue("idp");
        alice = keys.issue("alice-key");
        Path ca = TestKeys.writePem(dir.resolve("ca.pem"), keys.ca().certificate());
        Path serverKey = TestKeys.writePkcs8Pem(dir.resolve("server-key.pem"), server.privateKey());
        Path serverCert = TestKeys.writePem(dir.resolve("server.pem"), server.certificate());
        Path idpCert = TestKeys.writePem(dir.resolve("idp.pem"), idp.certificate());
        responder = OcspResponder.start();
        Path ocspCa = TestKeys.writePem(dir.resolve("ocsp-ca.pem"), responder.ca().certificate());
        Path config = Files.writeString(dir.resolve("wssgate.yaml"), """
                fips: true
                policies:
                  service:
                    paths: [/service/*]
                    trust: { certificates: [%s] }
                    decryption:
                      key: { private-key: %s, certificate: %s }
                    saml:
                      issuers: [{ name: %s, certificates: [%s] }]
                      audiences: [%s]
                  ocsp:
                    paths: [/ocsp/*]
                    trust:
                      certificates: [%s]
                      revocation:
                        ocsp: { enabled: true, timeout: 5s }
                """.formatted(ca, serverKey, serverCert, SamlSpec.DEFAULT_ISSUER, idpCert, AUDIENCE, ocspCa));
        Path webInf = Files.createDirectories(dir.resolve("webapp/WEB-INF"));
        Files.writeString(webInf.resolve("web.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                  <filter>
                    <filter-name>wssgate</filter-name>
                    <filter-class>io.wssgate.filter.WssGateFilter</filter-class>
                    <init-param><param-name>config-file</param-name><param-value>%s</param-value></init-param>
                  </filter>
                  <filter-mapping><filter-name>wssgate</filter-name><url-pattern>/*</url-pattern></filter-mapping>
                  <servlet><servlet-name>echo</servlet-name><servlet-class>%s</servlet-class></servlet>
                  <servlet-mapping><servlet-name>echo</servlet-name><url-pattern>/*</url-pattern></servlet-mapping>
                </web-app>
                """.formatted(config, FipsEchoServlet.class.getName()));
        app = LocalWebApp.start(dir.resolve("webapp"), "/app");
        sender = WssGate.create(ConfigLoader.fromYaml(new StringReader("""
                fips: true
                policies:
                  to-service:
                    paths: [/to-service/*]
                    outbound:
                      timestamp: { ttl: 5m }
                      signature:
                        key: { private-key: %s, certificate: %s }
                      encryption:
                        recipient-certificate: %s
                """.formatted(TestKeys.writePkcs8Pem(dir.resolve("client-key.pem"), client.privateKey()),
                TestKeys.writePem(dir.resolve("client.pem"), client.certificate()), serverCert)), dir,
                name -> Optional.empty()));
    }

    @AfterAll
    static void stop() throws Exception {
        sender.close();
        app.close();
        responder.close();
    }

    @Test
    void anX509SignedRequestReachesTheApplicationAsItsSigner() throws Exception {
        Response response = post(TestMessages.soap11().timestamp(Duration.ofMinutes(5))
                .signWith(client, KeyIdType.BST).build());

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.principal()).isEqualTo("CN=client,O=WSS Gate Test,C=DE");
    }

    @Test
    void aSamlHolderOfKeyRequestReachesTheApplicationAsTheSubject() throws Exception {
        Response response = post(TestMessages.soap11().timestamp(Duration.ofMinutes(5))
                .saml(SamlSpec.saml2().signedBy(idp).audienceRestriction(AUDIENCE).holderOfKey(alice)).build());

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.principal()).isEqualTo(SamlSpec.DEFAULT_SUBJECT);
        assertThat(response.confirmation()).isEqualTo("holder-of-key");
    }

    @Test
    void aRequestSignedAndEncryptedByAFipsModeClientIsDecryptedForTheApplication() throws Exception {
        byte[] request = Documents.serialize(sender.policy("to-service").orElseThrow()
                .secureOutbound(TestMessages.parse(TestMessages.soap11().build()), OutboundContext.none()).document());
        assertThat(new String(request, StandardCharsets.UTF_8))
                .contains("Algorithm=\"" + WSConstants.KEYTRANSPORT_RSAOAEP_XENC11 + "\"")
                .contains(WSConstants.MGF_SHA256).contains(WSConstants.AES_256_GCM).doesNotContain(">hello<");

        Response response = post(request);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.principal()).isEqualTo("CN=client,O=WSS Gate Test,C=DE");
        assertThat(response.body()).contains(">hello<");
    }

    @Test
    void aKeyWrappedWithSha1MgfIsRefusedBeforeTheApplication() throws Exception {
        int before = FipsEchoServlet.INVOCATIONS.get();

        Response response = post(TestMessages.soap11().timestamp(Duration.ofMinutes(5)).signWith(client, KeyIdType.BST)
                .encryptBodyFor(server.certificate(), KeyIdType.ISSUER_SERIAL, null, WSConstants.KEYTRANSPORT_RSAOAEP)
                .build());

        assertThat(response.status()).isEqualTo(500);
        Document fault = TestMessages.parse(response.body().getBytes(StandardCharsets.UTF_8));
        assertThat(fault.getElementsByTagName("faultcode").item(0).getTextContent()).isEqualTo("wsse:UnsupportedAlgorithm");
        assertThat(FipsEchoServlet.INVOCATIONS.get()).as("the application was not invoked").isEqualTo(before);
    }

    @Test
    void ocspNamesCertificatesBySha256AndRefusesARevokedSigner() throws Exception {
        TestKeys.Identity good = responder.issue("fips-ocsp-good");
        TestKeys.Identity revoked = responder.issue("fips-ocsp-revoked");
        responder.set(revoked.certificate(), OcspResponder.Answer.REVOKED);
        int before = FipsEchoServlet.INVOCATIONS.get();

        Response refused = post("/ocsp/echo", signedBy(revoked));
        String hashOfRefused = responder.lastCertIdHash();
        Response accepted = post("/ocsp/echo", signedBy(good));

        assertThat(refused.status()).isEqualTo(500);
        assertThat(TestMessages.parse(refused.body().getBytes(StandardCharsets.UTF_8))
                .getElementsByTagName("faultcode").item(0).getTextContent()).isEqualTo("wsse:FailedAuthentication");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.principal()).isEqualTo("CN=fips-ocsp-good,O=WSS Gate Test,C=DE");
        assertThat(FipsEchoServlet.INVOCATIONS.get()).as("only the good signer reached the application")
                .isEqualTo(before + 1);
        assertThat(hashOfRefused).as("SHA-256, not SHA-1").isEqualTo("2.16.840.1.101.3.4.2.1");
        assertThat(responder.lastCertIdHash()).isEqualTo("2.16.840.1.101.3.4.2.1");
    }

    private static byte[] signedBy(TestKeys.Identity signer) {
        return TestMessages.soap11().timestamp(Duration.ofMinutes(5)).signWith(signer, KeyIdType.BST).build();
    }

    record Response(int status, String principal, String confirmation, String body) {
    }

    private static Response post(byte[] message) throws IOException {
        return post("/service/echo", message);
    }

    private static Response post(String path, byte[] message) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) app.uri(path).toURL().openConnection();
        try {
            connection.setConnectTimeout(10_000);
            connection.setReadTimeout(30_000);
            connection.setDoOutput(true);
            connection.setRequestMethod("POST");
            connection.setRequestProperty("Content-Type", "text/xml; charset=utf-8");
            try (OutputStream out = connection.getOutputStream()) {
                out.write(message);
            }
            int status = connection.getResponseCode();
            InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream();
            String body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new Response(status, String.valueOf(connection.getHeaderField("X-Principal")),
                    String.valueOf(connection.getHeaderField("X-Confirmation")), body);
        } finally {
            connection.disconnect();
        }
    }
}
