package io.wssgate.spring.parity;

import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.testing.TestMessages;
import io.wssgate.testing.attacks.AttackFixture;
import io.wssgate.testing.parity.AttackScenario;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A valid message that Spring-WS could not read because of its SOAP version is answered by the
 * starter with a SOAP fault before Spring-WS runs: VersionMismatch with the Upgrade header for
 * an envelope version the servlet's message factory does not speak, HTTP 415 for a Content-Type
 * that does not match the envelope. Without that check (an application's own
 * ApplicationSoapVersions bean knowing nothing) the message fails inside Spring-WS.
 */
class SoapVersionGuardTest {
    static final String SOAP11_NS = TestMessages.SOAP11_NS;
    static final String SOAP12_NS = TestMessages.SOAP12_NS;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    static AttackScenario scenario;
    static SpringWsServer guarded;
    static SpringWsServer unguarded;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        scenario = AttackScenario.create(dir);
        guarded = SpringWsServer.start(scenario, java.nio.file.Files.createDirectories(dir.resolve("guarded")));
        unguarded = SpringWsServer.start(scenario, java.nio.file.Files.createDirectories(dir.resolve("unguarded")),
                "--parity.version-guard=false");
    }

    @AfterAll
    static void stop() throws Exception {
        guarded.close();
        unguarded.close();
        scenario.close();
    }

    @Test
    void soap12MessageToASoap11ServletGetsVersionMismatchNamingSoap11() throws Exception {
        int before = guarded.invocations();
        HttpResponse<byte[]> response = post(guarded, AttackFixture.X509, AttackFixture.SOAP12_CONTENT_TYPE,
                fixture().x509(AttackFixture.X509_12).build());

        assertVersionMismatch(response, SOAP11_NS);
        assertThat(guarded.invocations()).as("Spring-WS endpoint invocations").isEqualTo(before);
    }

    @Test
    void soap11MessageToASoap12ServletGetsVersionMismatchNamingSoap12() throws Exception {
        int before = guarded.invocations();
        HttpResponse<byte[]> response = post(guarded, AttackFixture.X509_12, AttackFixture.SOAP11_CONTENT_TYPE,
                fixture().x509(AttackFixture.X509).build());

        assertVersionMismatch(response, SOAP12_NS);
        assertThat(guarded.invocations()).isEqualTo(before);
    }

    @Test
    void contentTypeOfTheOtherVersionGets415WithAFault() throws Exception {
        int before = guarded.invocations();
        HttpResponse<byte[]> response = post(guarded, AttackFixture.X509, AttackFixture.SOAP12_CONTENT_TYPE,
                fixture().x509(AttackFixture.X509).build());

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/xml");
        Document fault = TestMessages.parse(response.body());
        assertThat(fault.getDocumentElement().getNamespaceURI()).isEqualTo(SOAP11_NS);
        assertThat(text(fault, "faultcode")).isEqualTo("soap:Client");
        assertThat(text(fault, "faultstring")).isEqualTo("The Content-Type does not match the SOAP version of the message");
        assertThat(fault.getElementsByTagNameNS("urn:wssgate:fault", "CorrelationId").item(0).getTextContent())
                .isEqualTo(response.headers().firstValue("X-WSS-Gate-Correlation-Id").orElseThrow());
        assertThat(guarded.invocations()).isEqualTo(before);
    }

    @Test
    void matchingVersionPassesToSpringWs() throws Exception {
        HttpResponse<byte[]> response = post(guarded, AttackFixture.X509_12, AttackFixture.SOAP12_CONTENT_TYPE,
                fixture().x509(AttackFixture.X509_12).build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("principal=" + AttackFixture.CLIENT_DN);
    }

    /** The defect the check closes: WSS Gate accepted the message, and then Spring-WS failed on it. */
    @Test
    void withoutTheCheckSpringWsFailsOnTheAcceptedMessage() throws Exception {
        HttpResponse<byte[]> response = post(unguarded, AttackFixture.X509, AttackFixture.SOAP12_CONTENT_TYPE,
                fixture().x509(AttackFixture.X509_12).build());

        assertThat(response.statusCode()).isGreaterThanOrEqualTo(400);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).doesNotContain("VersionMismatch");
        assertThat(response.headers().firstValue("X-WSS-Gate-Correlation-Id")).isEmpty();
    }

    private static void assertVersionMismatch(HttpResponse<byte[]> response, String supportedEnvelope) {
        String body = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(response.statusCode()).as(body).isEqualTo(500);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/xml");
        assertThat(response.headers().firstValue("X-WSS-Gate-Correlation-Id")).isPresent();
        Document fault = TestMessages.parse(response.body());
        assertThat(fault.getDocumentElement().getNamespaceURI()).as("a SOAP 1.1 fault, readable by any node")
                .isEqualTo(SOAP11_NS);
        assertThat(text(fault, "faultcode")).isEqualTo("soap:VersionMismatch");
        Element supported = (Element) fault.getElementsByTagNameNS(SOAP12_NS, "SupportedEnvelope").item(0);
        assertThat(fault.getElementsByTagNameNS(SOAP12_NS, "SupportedEnvelope").getLength()).isEqualTo(1);
        String qname = supported.getAttribute("qname");
        assertThat(qname).endsWith(":Envelope");
        assertThat(supported.lookupNamespaceURI(qname.substring(0, qname.indexOf(':')))).isEqualTo(supportedEnvelope);
        assertThat(body).doesNotContain("principal=");
    }

    private static String text(Document doc, String localName) {
        return doc.getElementsByTagName(localName).item(0).getTextContent();
    }

    private static AttackFixture fixture() {
        return scenario.fixture();
    }

    private static HttpResponse<byte[]> post(SpringWsServer server, String path, String contentType, byte[] body)
            throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.uri(path).toString()))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }
}
