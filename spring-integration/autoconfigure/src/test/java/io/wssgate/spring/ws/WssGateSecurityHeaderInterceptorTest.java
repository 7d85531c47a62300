package io.wssgate.spring.ws;

import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.testing.TestMessages;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Over HTTP to a Spring-WS server with only the starter's wiring: a signed message whose
 * Security header is {@code mustUnderstand="1"} reaches the endpoint on the path WSS Gate
 * guards, and the same message on a path no policy guards gets Spring-WS's MustUnderstand fault
 * (nothing checked that header there, so nothing may claim it).
 */
class WssGateSecurityHeaderInterceptorTest extends SpringWsServerTest {

    @Test
    void aValidatedSecurityHeaderIsUnderstoodAndTheEndpointAnswersTheCaller() {
        int before = endpoint.invocations();

        HttpResponse<String> response = post(SpringWsServerApp.GUARDED, signedMustUnderstandRequest());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("hello alice").doesNotContain("MustUnderstand");
        assertThat(endpoint.invocations()).isEqualTo(before + 1);
    }

    @Test
    void onAPathNoPolicyGuardsTheSecurityHeaderIsNotUnderstood() {
        int before = endpoint.invocations();

        assertMustUnderstandFault(post(SpringWsServerApp.UNGUARDED, signedMustUnderstandRequest()));
        assertThat(endpoint.invocations()).isEqualTo(before);
    }

    @Test
    void aHeaderTheFilterRefusesNeverReachesSpringWs() {
        int before = endpoint.invocations();

        HttpResponse<String> response = post(SpringWsServerApp.GUARDED,
                TestMessages.tamperBody(signedMustUnderstandRequest()));

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("wsse:FailedCheck").doesNotContain("MustUnderstand").doesNotContain("alice");
        assertThat(endpoint.invocations()).isEqualTo(before);
    }

    @Test
    void aSecurityHeaderForAnotherActorIsNotUnderstoodEvenInAValidatedMessage() {
        int before = endpoint.invocations();
        String message = new String(signedMustUnderstandRequest(), StandardCharsets.UTF_8);
        // WSS Gate checks only the header for the ultimate receiver and leaves this one alone,
        // so nothing here checked it: its mustUnderstand must still stop the message
        String forNext = "<wsse:Security xmlns:wsse=\"" + WssGateSecurityHeaderInterceptor.SECURITY.getNamespaceURI()
                + "\" xmlns:s11=\"http://schemas.xmlsoap.org/soap/envelope/\""
                + " s11:actor=\"http://schemas.xmlsoap.org/soap/actor/next\" s11:mustUnderstand=\"1\"/>";
        int header = message.indexOf("<wsse:Security");
        byte[] withSecondHeader = (message.substring(0, header) + forNext + message.substring(header))
                .getBytes(StandardCharsets.UTF_8);

        assertMustUnderstandFault(post(SpringWsServerApp.GUARDED, withSecondHeader));
        assertThat(endpoint.invocations()).isEqualTo(before);
    }
}
