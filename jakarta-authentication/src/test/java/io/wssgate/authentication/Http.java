package io.wssgate.authentication;

import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.fault.FaultCode;
import io.wssgate.testing.TestMessages;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.w3c.dom.Document;

/** Sending messages over real HTTP, and what a client must see. */
final class Http {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Http() {
    }

    static HttpResponse<byte[]> post(URI uri, byte[] body) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Content-Type", SecuredWebApp.SOAP11).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    static HttpResponse<byte[]> get(URI uri) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    /** A WS-Security SOAP 1.1 fault with this code, the generic text and a correlation id: WSS Gate's, not the container's. */
    static void assertFault(HttpResponse<byte[]> response, FaultCode code) {
        assertThat(response.statusCode()).as(() -> "HTTP status; body " + text(response)).isEqualTo(500);
        Document fault = TestMessages.parse(response.body());
        assertThat(fault.getElementsByTagName("faultcode").item(0).getTextContent()).isEqualTo("wsse:" + code.localName());
        assertThat(fault.getElementsByTagName("faultstring").item(0).getTextContent()).isEqualTo(code.genericText());
        String correlationId = fault.getElementsByTagNameNS("urn:wssgate:fault", "CorrelationId").item(0).getTextContent();
        assertThat(correlationId).isNotBlank()
                .isEqualTo(response.headers().firstValue("X-WSS-Gate-Correlation-Id").orElse(""));
    }

    /** The container's own refusal (authorization), not a fault of WSS Gate's. */
    static void assertForbiddenByContainer(HttpResponse<byte[]> response) {
        assertThat(response.statusCode()).as(() -> "HTTP status; body " + text(response)).isEqualTo(403);
        assertThat(response.headers().firstValue("X-WSS-Gate-Correlation-Id")).isEmpty();
        assertThat(text(response)).doesNotContain("wsse:");
    }
}
