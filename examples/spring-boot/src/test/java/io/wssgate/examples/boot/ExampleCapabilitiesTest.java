package io.wssgate.examples.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.examples.keys.ExampleKeys;
import io.wssgate.testing.KeyIdType;
import io.wssgate.testing.TestKeys.Identity;
import io.wssgate.testing.TestMessages;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What every example accepts, sent as a partner's client would (built from the example keys, not
 * by the application's own clients): the example client's X.509 signature with its mapped role, a
 * Body encrypted for the server key, decrypted before Spring-WS reads it; and a SOAP 1.2 request,
 * which this SOAP 1.1 Spring-WS service answers with a VersionMismatch fault before Spring-WS runs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ExampleCapabilitiesTest {
    static final String WHOAMI = "<ex:whoami xmlns:ex=\"urn:wssgate:example\"/>";
    static ExampleKeys keys;
    static Identity client;
    static X509Certificate server;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void exampleKeys(DynamicPropertyRegistry registry) throws IOException {
        registry.add(ExampleKeys.KEYS_DIR_VARIABLE, () -> {
            try {
                return keys().directory().toString();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** The module's target/example-keys, generated once (or reused) by whichever needs it first. */
    static synchronized ExampleKeys keys() throws IOException {
        if (keys == null) {
            keys = ExampleKeys.ensure(Path.of(ExampleKeys.DEFAULT_KEYS_DIR));
        }
        return keys;
    }

    @BeforeAll
    static void identities() throws Exception {
        keys();
        client = identity(ExampleKeys.CLIENT_KEYSTORE, ExampleKeys.CLIENT_ALIAS);
        server = identity(ExampleKeys.SERVER_KEYSTORE, ExampleKeys.SERVER_ALIAS).certificate();
    }

    @Test
    void x509CallerGetsTheMappedRole() throws Exception {
        HttpResponse<String> response = post(TestMessages.soap11(WHOAMI).timestamp(Duration.ofMinutes(5))
                .signWith(client, KeyIdType.BST).build(), "text/xml; charset=utf-8");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("<principal>" + ExampleKeys.CLIENT_DN + "</principal><role>partner</role>");
    }

    @Test
    void bodyEncryptedForTheServerIsDecrypted() throws Exception {
        byte[] request = TestMessages.soap11(WHOAMI).timestamp(Duration.ofMinutes(5)).signWith(client, KeyIdType.BST)
                .encryptBodyFor(server).build();
        assertThat(new String(request, StandardCharsets.UTF_8)).contains("EncryptedData").doesNotContain("<ex:whoami");

        HttpResponse<String> response = post(request, "text/xml; charset=utf-8");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("<principal>" + ExampleKeys.CLIENT_DN + "</principal><role>partner</role>");
    }

    @Test
    void soap12RequestGetsVersionMismatchNotAnErrorPage() throws Exception {
        HttpResponse<String> response = post(TestMessages.soap12(WHOAMI).timestamp(Duration.ofMinutes(5))
                .signWith(client, KeyIdType.BST).build(), "application/soap+xml; charset=utf-8");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/xml");
        assertThat(response.body()).contains("<faultcode>soap:VersionMismatch</faultcode>")
                .contains("SupportedEnvelope").contains("http://schemas.xmlsoap.org/soap/envelope/")
                .doesNotContain("principal");
    }

    private HttpResponse<String> post(byte[] body, String contentType) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/services"))
                .timeout(Duration.ofSeconds(20)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static Identity identity(String keystore, String alias) throws Exception {
        KeyStore.PrivateKeyEntry entry = keys.privateKeyEntry(keystore, alias);
        X509Certificate[] chain = Arrays.stream(entry.getCertificateChain()).map(X509Certificate.class::cast)
                .toArray(X509Certificate[]::new);
        return new Identity(alias, entry.getPrivateKey(), chain[0], Arrays.asList(chain));
    }
}
