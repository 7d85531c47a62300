package io.wssgate.jaxws.metro;

import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.testing.KeyIdType;
import io.wssgate.testing.TestKeys;
import io.wssgate.testing.TestMessages;
import jakarta.xml.ws.Endpoint;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An annotated endpoint published on Metro's own HTTP server ({@link Endpoint#publish}), where no
 * servlet request exists: WSS Gate's codec takes the SOAPAction from what Metro read off the HTTP
 * request, so a SOAPAction that disagrees with the signed payload root is refused before the
 * endpoint runs, and an agreeing one is accepted, over real HTTP.
 */
class OwnHttpServerOperationsTest {
    static final TestKeys KEYS = TestKeys.create();
    static final TestKeys.Identity CLIENT = KEYS.issue("client");
    static final String ORDER = "<w:echo xmlns:w=\"urn:wssgate:test:jaxws\"><text>pay 10</text></w:echo>";
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static Endpoint endpoint;
    static URI address;

    @BeforeAll
    static void publish(@TempDir Path dir) throws Exception {
        Path ca = TestKeys.writePem(dir.resolve("ca.pem"), KEYS.ca().certificate());
        Path config = Files.writeString(dir.resolve("wssgate.yaml"), """
                policies:
                  own-server:
                    paths: [/orders]
                    trust: { certificates: [%s] }
                    operations:
                      status:
                        payload-roots: ["{urn:wssgate:test:jaxws}whoami"]
                        soap-actions: [urn:own:status]
                      order:
                        payload-roots: ["{urn:wssgate:test:jaxws}echo"]
                        soap-actions: [urn:own:order]
                """.formatted(ca));
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        address = URI.create("http://127.0.0.1:" + port + "/orders");
        System.setProperty("wssgate.config", config.toString());
        try {
            endpoint = Endpoint.publish(address.toString(), new OwnServerEndpoint());
        } finally {
            System.clearProperty("wssgate.config");
        }
    }

    @AfterAll
    static void stop() {
        if (endpoint != null) {
            endpoint.stop();
        }
    }

    @Test
    void aSoapActionThatDisagreesWithTheSignedPayloadIsRefusedBeforeTheEndpointRuns() throws Exception {
        int before = OwnServerEndpoint.INVOCATIONS.get();

        HttpResponse<String> response = post("\"urn:own:status\"");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("FailedCheck").doesNotContain("principal=");
        assertThat(OwnServerEndpoint.INVOCATIONS.get()).isEqualTo(before);
    }

    @Test
    void theSoapActionOfTheSignedPayloadIsAccepted() throws Exception {
        HttpResponse<String> response = post("\"urn:own:order\"");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("principal=CN=client,O=WSS Gate Test,C=DE;text=pay 10");
    }

    private static HttpResponse<String> post(String soapAction) throws Exception {
        byte[] message = TestMessages.soap11(ORDER).timestamp(Duration.ofMinutes(5)).signWith(CLIENT, KeyIdType.BST)
                .build();
        return HTTP.send(HttpRequest.newBuilder(address).header("Content-Type", "text/xml; charset=UTF-8")
                .header("SOAPAction", soapAction).POST(HttpRequest.BodyPublishers.ofByteArray(message)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
