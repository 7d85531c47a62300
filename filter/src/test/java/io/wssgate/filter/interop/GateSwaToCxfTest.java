package io.wssgate.filter.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.WssGate;
import io.wssgate.config.load.ConfigLoader;
import io.wssgate.config.load.VariableResolver;
import io.wssgate.exchange.ClientCall;
import io.wssgate.spi.OutboundAttachment;
import io.wssgate.testing.mime.Multipart;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * WSS Gate's client exchange signing an SwA attachment ({@code outbound.signature.parts} with
 * Attachments) for an Apache CXF 4 service that verifies it with WSS4JInInterceptor: accepted with
 * the client's principal and the very attachment; the same package with the attachment changed
 * on the way is refused by CXF before the service runs. The same for MTOM, to a CXF service with
 * MTOM enabled: the Body holds an {@code xop:Include}, signed as XOP says (over the attachment's
 * base64), and CXF hands its service the very document.
 */
class GateSwaToCxfTest {
    static final byte[] DOCUMENT = new byte[150_000];
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static InteropKeys keys;
    static CxfServiceApp cxf;
    static WssGate gate;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        new Random(5).nextBytes(DOCUMENT);
        keys = new InteropKeys(dir);
        cxf = CxfServiceApp.start(dir, keys);
        Path config = Files.writeString(dir.resolve("swa-client.yaml"), """
                policies:
                  to-cxf-swa:
                    paths: [/to-cxf]
                    outbound:
                      timestamp: { ttl: 5m }
                      signature:
                        key: { private-key: %1$s, certificate: %2$s }
                        parts: [Body, Timestamp, Attachments]
                  to-cxf-mtom:
                    paths: [/to-cxf-mtom]
                    outbound:
                      timestamp: { ttl: 5m }
                      signature:
                        key: { private-key: %1$s, certificate: %2$s }
                        parts: [Body, Timestamp]
                  to-cxf-sealed:
                    paths: [/to-cxf-sealed]
                    outbound:
                      timestamp: { ttl: 5m }
                      signature:
                        key: { private-key: %1$s, certificate: %2$s }
                        parts: [Body, Timestamp, Attachments]
                      encryption:
                        recipient-certificate: %3$s
                        parts: [Attachments]
                """.formatted(keys.clientKey, keys.clientCert, keys.serverCert));
        gate = WssGate.create(ConfigLoader.fromYaml(config, VariableResolver.system()));
    }

    @AfterAll
    static void stop() throws Exception {
        cxf.close();
        gate.close();
    }

    static byte[] signedEnvelope() throws Exception {
        byte[] envelope = ("<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
                + "<ns:store xmlns:ns=\"" + InteropService.NS + "\"/></soap:Body></soap:Envelope>")
                .getBytes(StandardCharsets.UTF_8);
        return new ClientCall(gate.policy("to-cxf-swa").orElseThrow()).secureRequest(envelope,
                List.of(OutboundAttachment.of("scan@gate.test", "application/octet-stream", DOCUMENT)));
    }

    static HttpResponse<String> post(URI uri, byte[] envelope, byte[] attachment) throws Exception {
        Multipart mime = new Multipart().root(envelope).attachment("scan@gate.test", "application/octet-stream",
                attachment).close();
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20))
                .header("Content-Type", mime.contentType()).header("SOAPAction", "\"\"")
                .POST(HttpRequest.BodyPublishers.ofByteArray(mime.bytes())).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void cxfVerifiesTheSignedAttachment() throws Exception {
        HttpResponse<String> response = post(cxf.documents(), signedEnvelope(), DOCUMENT);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("principal=" + InteropKeys.CLIENT_DN)
                .contains("scan@gate.test=" + DocumentServlet.sha256(DOCUMENT));
    }

    @Test
    void cxfDecryptsAndVerifiesTheEncryptedAttachment() throws Exception {
        byte[] envelope = ("<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
                + "<ns:store xmlns:ns=\"" + InteropService.NS + "\"/></soap:Body></soap:Envelope>")
                .getBytes(StandardCharsets.UTF_8);
        ClientCall call = new ClientCall(gate.policy("to-cxf-sealed").orElseThrow());
        byte[] secured = call.secureRequest(envelope,
                List.of(OutboundAttachment.of("scan@gate.test", "application/octet-stream", DOCUMENT)));
        byte[] ciphertext;
        try (java.io.InputStream in = call.sentAttachments().get(0).content().open()) {
            ciphertext = in.readAllBytes();
        }

        HttpResponse<String> response = post(cxf.sealedDocuments(), secured, ciphertext);

        // CXF's WSS4J decrypted the attachment (the endpoint hashes the plaintext) and verified its signature
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("principal=" + InteropKeys.CLIENT_DN)
                .contains("scan@gate.test=" + DocumentServlet.sha256(DOCUMENT));
    }

    @Test
    void cxfRefusesTheAttachmentChangedOnTheWay() throws Exception {
        byte[] changed = DOCUMENT.clone();
        changed[7] ^= 1;
        int before = CxfDocumentEndpoint.INVOCATIONS.get();

        HttpResponse<String> response = post(cxf.documents(), signedEnvelope(), changed);

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("Fault");
        assertThat(CxfDocumentEndpoint.INVOCATIONS.get()).isEqualTo(before);
    }

    static byte[] signedMtomEnvelope() throws Exception {
        byte[] envelope = ("<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
                + "<ns:store xmlns:ns=\"" + InteropService.NS + "\"><document><xop:Include "
                + "xmlns:xop=\"http://www.w3.org/2004/08/xop/include\" href=\"cid:scan@gate.test\"/></document>"
                + "</ns:store></soap:Body></soap:Envelope>").getBytes(StandardCharsets.UTF_8);
        return new ClientCall(gate.policy("to-cxf-mtom").orElseThrow()).secureRequest(envelope,
                List.of(OutboundAttachment.of("scan@gate.test", "application/octet-stream", DOCUMENT)));
    }

    static HttpResponse<String> postMtom(byte[] envelope, byte[] attachment) throws Exception {
        Multipart mime = new Multipart().xopRoot(envelope, "text/xml")
                .attachment("scan@gate.test", "application/octet-stream", attachment).close();
        return HTTP.send(HttpRequest.newBuilder(cxf.mtomDocuments()).timeout(Duration.ofSeconds(20))
                .header("Content-Type", mime.contentType() + "; start-info=\"text/xml\"").header("SOAPAction", "\"\"")
                .POST(HttpRequest.BodyPublishers.ofByteArray(mime.bytes())).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void cxfVerifiesTheSignatureOverTheXopContent() throws Exception {
        byte[] envelope = signedMtomEnvelope();
        assertThat(new String(envelope, StandardCharsets.UTF_8)).contains("xop:Include").doesNotContain("URI=\"cid:");

        HttpResponse<String> response = postMtom(envelope, DOCUMENT);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("principal=" + InteropKeys.CLIENT_DN)
                .contains("document=" + DocumentServlet.sha256(DOCUMENT));
    }

    @Test
    void cxfRefusesTheMtomDocumentChangedOnTheWay() throws Exception {
        byte[] changed = DOCUMENT.clone();
        changed[70_000] ^= 1;
        int before = CxfDocumentEndpoint.INVOCATIONS.get();

        HttpResponse<String> response = postMtom(signedMtomEnvelope(), changed);

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("Fault");
        assertThat(CxfDocumentEndpoint.INVOCATIONS.get()).isEqualTo(before);
    }
}
