package io.wssgate.benchmarks.load;

import io.wssgate.fault.FaultCode;
import io.wssgate.testing.KeyIdType;
import io.wssgate.testing.MessageBuilder;
import io.wssgate.testing.SamlSpec;
import io.wssgate.testing.TestKeys;
import io.wssgate.testing.TestMessages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The keys, files, configuration and messages of a load run, all generated before the clock
 * starts so the clients spend no CPU on cryptography: a pool of distinct valid messages (each is
 * accepted once), and a fixed set of malicious ones (each rejected however often it is sent).
 */
final class Workload {
    static final String X509_PATH = "/svc/x509/order";
    static final String SAML_PATH = "/svc/saml/order";
    static final String AUDIENCE = "urn:wssgate:load";
    static final char[] PASSWORD = "load-pw".toCharArray();
    /** Long enough for generation plus the run; the policy's max-age matches. */
    static final Duration LIFETIME = Duration.ofMinutes(20);
    private static final int X509_CLIENTS = 8;

    final TestKeys keys = TestKeys.create();
    /** A CA no configuration ever trusts. */
    final TestKeys rogue = TestKeys.create();
    final List<TestKeys.Identity> clients = new ArrayList<>();
    final TestKeys.Identity idp = keys.issue("idp");
    final TestKeys.Identity hokKey = keys.issue("hok-subject-key");
    final TestKeys.Identity serverBefore = keys.issue("server-key-1");
    final TestKeys.Identity serverAfter = keys.issue("server-key-2");
    /** Signed by the CA that the rotation adds and later removes again. */
    final TestKeys.Identity partner = keys.issueByOtherCa("partner");
    final Path dir;
    final Path truststore;
    final Path serverKeystore;
    final Path config;

    Workload(Path dir, int replayCacheEntries) throws IOException {
        this.dir = Files.createDirectories(dir);
        for (int i = 0; i < X509_CLIENTS; i++) {
            clients.add(keys.issue("client-" + i));
        }
        truststore = TestKeys.writeTrustStorePkcs12(dir.resolve("trust.p12"), PASSWORD, keys.ca().certificate());
        serverKeystore = TestKeys.writePkcs12(dir.resolve("server.p12"), PASSWORD, "server", serverBefore);
        Path idpCert = TestKeys.writePem(dir.resolve("idp.pem"), idp.certificate());
        config = Files.writeString(dir.resolve("wssgate.yaml"), """
                keys: { reload-interval: 1s }
                replay: { memory: { max-entries: %4$d } }
                policies:
                  x509:
                    paths: [/svc/x509/*]
                    limits: { max-message-size: 64KiB }
                    timestamp: { max-age: 20m }
                    trust:
                      keystore: { path: %1$s, password: load-pw }
                    outbound:
                      timestamp: { ttl: 5m }
                      signature:
                        key: { keystore: { path: %2$s, password: load-pw }, alias: server }
                  saml:
                    paths: [/svc/saml/*]
                    limits: { max-message-size: 64KiB }
                    timestamp: { max-age: 20m }
                    saml:
                      issuers:
                        - name: %5$s
                          certificates: [%3$s]
                      audiences: [%6$s]
                      confirmation-methods: [holder-of-key]
                """.formatted(truststore, serverKeystore, idpCert, replayCacheEntries, SamlSpec.DEFAULT_ISSUER,
                AUDIENCE));
    }

    /** {@code count} distinct valid requests, X.509 and SAML holder-of-key alternating, built on all cores. */
    List<Request> validPool(int count) {
        return IntStream.range(0, count).parallel().mapToObj(this::valid).toList();
    }

    private Request valid(int i) {
        if (i % 2 == 0) {
            TestKeys.Identity client = clients.get(i / 2 % clients.size());
            byte[] body = TestMessages.soap11(body(i)).timestamp(LIFETIME).signWith(client, KeyIdType.BST).build();
            return new Request("valid-x509", X509_PATH, body, Expectation.accepted(dn(client.certificate())));
        }
        String user = "user-" + i;
        byte[] body = TestMessages.soap11(body(i)).timestamp(LIFETIME).saml(hok(user)).build();
        return new Request("valid-saml-hok", SAML_PATH, body, Expectation.accepted(user));
    }

    private SamlSpec hok(String user) {
        return SamlSpec.saml2().signedBy(idp).subject(user).holderOfKey(hokKey).audienceRestriction(AUDIENCE)
                .validity(Instant.now().minus(Duration.ofMinutes(1)), Instant.now().plus(LIFETIME));
    }

    /** The attacks mixed into the traffic, each with the fault it must get. */
    List<Request> malicious() {
        List<Request> out = new ArrayList<>();
        TestKeys.Identity client = clients.get(0);
        byte[] x509 = x509(client).build();
        byte[] saml = TestMessages.soap11(body(-1)).timestamp(LIFETIME).saml(hok("mallory")).build();
        out.add(x509Attack("tampered-body", TestMessages.tamperBody(x509), FaultCode.FAILED_CHECK));
        out.add(x509Attack("wrapped-body", TestMessages.wrapBody(x509), FaultCode.FAILED_CHECK));
        out.add(x509Attack("duplicate-id", TestMessages.duplicateId(x509), FaultCode.INVALID_SECURITY));
        out.add(x509Attack("signature-removed", TestMessages.removeSignature(x509), FaultCode.INVALID_SECURITY));
        out.add(x509Attack("unsigned", TestMessages.soap11(body(-2)).timestamp(LIFETIME).build(),
                FaultCode.INVALID_SECURITY));
        out.add(x509Attack("untrusted-ca", x509(rogue.issue("mallory")).build(), FaultCode.FAILED_AUTHENTICATION));
        out.add(x509Attack("self-signed", x509(keys.selfSigned("mallory")).build(), FaultCode.FAILED_AUTHENTICATION));
        out.add(x509Attack("rsa-sha1", TestMessages.soap11(body(-3)).timestamp(LIFETIME)
                .signWith(client, KeyIdType.BST, "http://www.w3.org/2000/09/xmldsig#rsa-sha1",
                        "http://www.w3.org/2000/09/xmldsig#sha1", null).build(), FaultCode.UNSUPPORTED_ALGORITHM));
        out.add(x509Attack("expired-timestamp", TestMessages.soap11(body(-4))
                .timestamp(Instant.now().minus(Duration.ofHours(1)), Duration.ofMinutes(5))
                .signWith(client, KeyIdType.BST).build(), FaultCode.MESSAGE_EXPIRED));
        out.add(x509Attack("xxe", TestMessages.withExternalEntity(x509, "file:///etc/passwd"),
                FaultCode.INVALID_SECURITY));
        out.add(x509Attack("entity-expansion", TestMessages.withDoctype(x509), FaultCode.INVALID_SECURITY));
        out.add(x509Attack("oversized", TestMessages.oversized(200 * 1024), FaultCode.INVALID_SECURITY));
        out.add(x509Attack("deeply-nested", TestMessages.deeplyNested(5_000), FaultCode.INVALID_SECURITY));
        out.add(samlAttack("saml-tampered-body", TestMessages.tamperBody(saml), FaultCode.FAILED_CHECK));
        out.add(samlAttack("saml-wrong-audience", TestMessages.soap11(body(-5)).timestamp(LIFETIME)
                .saml(SamlSpec.saml2().signedBy(idp).holderOfKey(hokKey).audienceRestriction("urn:someone:else")
                        .validity(Instant.now().minus(Duration.ofMinutes(1)), Instant.now().plus(LIFETIME)))
                .build(), FaultCode.FAILED_AUTHENTICATION));
        out.add(samlAttack("saml-untrusted-issuer-key", TestMessages.soap11(body(-6)).timestamp(LIFETIME)
                .saml(SamlSpec.saml2().signedBy(rogue.issue("rogue-idp")).holderOfKey(hokKey)
                        .audienceRestriction(AUDIENCE)
                        .validity(Instant.now().minus(Duration.ofMinutes(1)), Instant.now().plus(LIFETIME)))
                .build(), FaultCode.FAILED_AUTHENTICATION));
        out.add(samlAttack("saml-hok-signed-by-other-key", TestMessages.soap11(body(-7)).timestamp(LIFETIME)
                .saml(hok("mallory")).signWith(client, KeyIdType.BST).build(), FaultCode.FAILED_CHECK));
        return out;
    }

    /** One more valid X.509 request, made now (used by the key rotation, not by the clients). */
    Request freshValid() {
        TestKeys.Identity client = clients.get(0);
        return new Request("rotation-probe", X509_PATH, x509(client).build(),
                Expectation.accepted(dn(client.certificate())));
    }

    /** A valid request signed by the CA the rotation adds: accepted only while that CA is trusted. */
    Request partnerProbe(boolean trusted) {
        byte[] body = x509(partner).build();
        return new Request("rotation-probe", X509_PATH, body, trusted ? Expectation.accepted(dn(partner.certificate()))
                : Expectation.fault(FaultCode.FAILED_AUTHENTICATION));
    }

    void trust(X509Certificate... anchors) throws IOException {
        Path temp = Files.createTempFile(dir, "trust", ".p12");
        TestKeys.writeTrustStorePkcs12(temp, PASSWORD, anchors);
        // moved into place, as a careful deployment does
        Files.move(temp, truststore, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Rewritten in place (not moved): the watcher may read it half-written, and must then keep the old key. */
    void rotateServerKey() throws IOException {
        Path temp = Files.createTempFile(dir, "server", ".p12");
        TestKeys.writePkcs12(temp, PASSWORD, "server", serverAfter);
        Files.write(serverKeystore, Files.readAllBytes(temp));
        Files.delete(temp);
    }

    private MessageBuilder x509(TestKeys.Identity signer) {
        return TestMessages.soap11(body(-8)).timestamp(LIFETIME).signWith(signer, KeyIdType.BST);
    }

    private Request x509Attack(String kind, byte[] body, FaultCode code) {
        return new Request(kind, X509_PATH, body, Expectation.fault(code));
    }

    private Request samlAttack(String kind, byte[] body, FaultCode code) {
        return new Request(kind, SAML_PATH, body, Expectation.fault(code));
    }

    private static String body(int i) {
        return "<o:order xmlns:o=\"urn:wssgate:load\"><o:id>" + i + "</o:id><o:item sku=\"A-1\" qty=\"2\"/>"
                + "<o:item sku=\"B-7\" qty=\"1\"/></o:order>";
    }

    static String dn(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().getName();
    }
}
