package io.wssgate.examples.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wssgate.examples.keys.ExampleKeys;
import io.wssgate.spring.ws.WssGateSpringWs;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.ws.soap.client.SoapFaultClientException;

/**
 * The application as it runs, on a random port, configured by its own application.yml with the
 * demo keys: signed SAML 2.0 holder-of-key requests over real HTTP through Spring-WS clients
 * secured by WSS Gate, and an unsigned request.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WhoAmIApplicationTest {
    @LocalServerPort
    int port;

    @Autowired
    WssGateSpringWs wssGate;

    @DynamicPropertySource
    static void exampleKeys(DynamicPropertyRegistry registry) throws IOException {
        ExampleKeys keys = ExampleKeys.ensure(Path.of(ExampleKeys.DEFAULT_KEYS_DIR));
        registry.add(ExampleKeys.KEYS_DIR_VARIABLE, () -> keys.directory().toString());
    }

    @Test
    void whoamiAnswersAliceAndHerRoles() {
        WhoAmIClient.Answer answer = client("alice").whoami();

        assertThat(answer.principal()).isEqualTo("alice");
        // admin, user from the assertion; partner for the example client's key that signs as her (as in every example)
        assertThat(answer.roles()).containsExactly("admin", "partner", "user");
    }

    @Test
    void anAdminMayReadTheAdminReport() {
        assertThat(client("alice").adminReport()).isEqualTo("Admin report for alice: all systems nominal.");
    }

    @Test
    void aCallerWithoutRoleAdminIsRefusedTheAdminReportWithAClientFault() {
        WhoAmIClient bob = client("bob");
        assertThat(bob.whoami()).isEqualTo(new WhoAmIClient.Answer("bob", java.util.List.of("partner", "user")));

        // the fault is signed by the server like every answer, so the client accepts it as the server's
        assertThatThrownBy(bob::adminReport).isInstanceOfSatisfying(SoapFaultClientException.class, e -> {
            assertThat(e.getFaultCode().getLocalPart()).isEqualTo("Client");
            assertThat(e.getFaultStringOrReason()).isEqualTo("Access denied: this operation requires role admin");
        });
    }

    @Test
    void anUnsignedRequestGetsTheWsSecurityFault() throws Exception {
        String unsigned = """
                <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">
                  <soap:Body><adminReport xmlns="urn:wssgate:example"/></soap:Body>
                </soap:Envelope>""";
        HttpRequest request = HttpRequest.newBuilder(service()).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "text/xml; charset=utf-8").header("SOAPAction", "\"\"")
                .POST(HttpRequest.BodyPublishers.ofString(unsigned)).build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("wsse:InvalidSecurity")
                .contains("<faultstring>An error was discovered processing the &lt;wsse:Security&gt; header</faultstring>")
                .contains("CorrelationId")
                .doesNotContain("Admin report");
        assertThat(response.headers().firstValue("X-WSS-Gate-Correlation-Id")).isPresent();
    }

    /** The shared contract, as every example serves it: GET ?wsdl, open to anyone, with this server's address. */
    @Test
    void theServiceServesItsWsdl() throws Exception {
        HttpResponse<String> response = get(URI.create(service() + "?wsdl"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("urn:wssgate:example").contains("whoami")
                .contains("location=\"http://localhost:" + port + "/services\"");
    }

    /** Actuator's health (with WSS Gate's certificates) and metrics are open, as the README shows for the starter. */
    @Test
    void actuatorShowsWssGatesHealthAndMetrics() throws Exception {
        client("alice").whoami();

        HttpResponse<String> health = get(URI.create("http://localhost:" + port + "/actuator/health"));
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").containsIgnoringCase("\"wssgate\"");

        HttpResponse<String> messages = get(URI.create("http://localhost:" + port + "/actuator/metrics/wssgate.messages"));
        assertThat(messages.statusCode()).isEqualTo(200);
        assertThat(messages.body()).contains("\"name\":\"wssgate.messages\"").contains("\"policy\"");
        assertThat(get(URI.create("http://localhost:" + port + "/actuator/env")).statusCode())
                .as("only health and metrics are exposed").isIn(401, 403, 404);
    }

    private static HttpResponse<String> get(URI uri) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private WhoAmIClient client(String policy) {
        return new WhoAmIClient(wssGate, policy, service());
    }

    private URI service() {
        return URI.create("http://localhost:" + port + "/services");
    }
}
