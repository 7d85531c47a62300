package io.wssgate.spring;

import io.wssgate.testing.SamlSpec;
import io.wssgate.testing.TestKeys;
import io.wssgate.testing.TestMessages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Key material written once per test JVM (generated, never checked in), the {@code wssgate.*}
 * properties of a SAML holder-of-key policy that trusts it, and signed requests.
 */
public final class Fixtures {
    static final String AUDIENCE = "urn:wssgate:test:spring";
    static final String SOAP11 = "text/xml; charset=UTF-8";
    static final TestKeys KEYS = TestKeys.create();
    static final TestKeys.Identity IDP = KEYS.issue("idp");
    static final TestKeys.Identity ALICE_KEY = KEYS.issue("alice-key");
    static final Path DIR = tempDir();
    static final Path CA = write("ca.pem", KEYS.ca());
    static final Path IDP_PEM = write("idp.pem", IDP);
    static final TestKeys.Identity SERVER = KEYS.issue("server");
    static final Path SERVER_PEM = write("server.pem", SERVER);
    static final Path SERVER_KEY = writeKey("server-key.pem", SERVER);

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Fixtures() {
    }

    /** Policy {@code partner} guarding /services/* and /admin/*, in Spring's canonical property form. */
    public static Map<String, String> partnerPolicy() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("wssgate.policies.partner.paths[0]", "/services/*");
        p.put("wssgate.policies.partner.paths[1]", "/admin/*");
        p.put("wssgate.policies.partner.trust.certificates[0]", CA.toString());
        p.put("wssgate.policies.partner.saml.issuers[0].name", SamlSpec.DEFAULT_ISSUER);
        p.put("wssgate.policies.partner.saml.issuers[0].certificates[0]", IDP_PEM.toString());
        p.put("wssgate.policies.partner.saml.audiences[0]", AUDIENCE);
        p.put("wssgate.policies.partner.roles.saml-attributes[0]", "role");
        return p;
    }

    /** A SOAP 1.1 request carrying a signed SAML 2.0 holder-of-key assertion for alice with these roles. */
    public static byte[] samlRequest(String... roles) {
        return samlRequest(spec -> spec, roles);
    }

    /** The same, with the assertion changed by {@code edit} before its issuer signs it (e.g. {@code SamlSpec::expired}). */
    public static byte[] samlRequest(java.util.function.UnaryOperator<SamlSpec> edit, String... roles) {
        return TestMessages.soap11().timestamp(Duration.ofMinutes(5))
                .saml(edit.apply(SamlSpec.saml2().signedBy(IDP).audienceRestriction(AUDIENCE).attribute("role", roles)
                        .holderOfKey(ALICE_KEY))).build();
    }

    public static HttpResponse<String> post(int port, String path, byte[] body) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", SOAP11).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    static HttpResponse<String> get(int port, String path) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path tempDir() {
        try {
            Path dir = Files.createTempDirectory("wssgate-spring-test");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path writeKey(String name, TestKeys.Identity identity) {
        try {
            Path file = TestKeys.writePkcs8Pem(DIR.resolve(name), identity.privateKey());
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path write(String name, TestKeys.Identity identity) {
        try {
            Path file = TestKeys.writePem(DIR.resolve(name), identity.certificate());
            file.toFile().deleteOnExit(); // registered after the directory, so deleted before it
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
