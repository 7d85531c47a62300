package io.wssgate.spring.ws;

import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.spring.Fixtures;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link SpringWsServerApp} on a random port, the {@code partner} policy guarding
 * {@value SpringWsServerApp#GUARDED}: what the Spring-WS server tests share.
 */
@SpringBootTest(classes = SpringWsServerApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class SpringWsServerTest {
    @LocalServerPort
    int port;

    @Autowired
    SpringWsServerApp.EchoEndpoint endpoint;

    @DynamicPropertySource
    static void wssgate(DynamicPropertyRegistry registry) {
        Fixtures.partnerPolicy().forEach((k, v) -> registry.add(k, () -> v));
    }

    /** A message the {@code partner} policy accepts, its Security header marked mustUnderstand. */
    static byte[] signedMustUnderstandRequest() {
        byte[] message = Fixtures.samlRequest("clerk");
        assertThat(new String(message, StandardCharsets.UTF_8)).as("the fixture marks its Security header")
                .containsPattern("<wsse:Security[^>]*mustUnderstand=\"1\"");
        return message;
    }

    HttpResponse<String> post(String path, byte[] message) {
        return Fixtures.post(port, path, message);
    }

    /** Spring-WS's own answer to a mustUnderstand header nothing claimed; the caller not named. */
    static void assertMustUnderstandFault(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains(":MustUnderstand</faultcode>")
                .contains("One or more mandatory SOAP header blocks not understood").doesNotContain("alice");
    }
}
