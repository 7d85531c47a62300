package io.wssgate.spring.ws;

import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.testing.TestMessages;
import io.wssgate.testing.layout.LayoutFixture;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * Over HTTP to a Spring-WS server with only the starter's wiring: a signed message whose
 * Security header is {@code mustUnderstand="1"} reaches the endpoint on the path WSS Gate
 * guards, and the same message on a path no policy guards gets Spring-WS's MustUnderstand fault
 * (nothing checked that header there, so nothing may claim it). The policy keeps its
 * {@code security-header} defaults: the header without actor, or one addressed to {@code next}.
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

    /**
     * A header for a role this node does not play is neither ours nor subject to mustUnderstand
     * here (SOAP processes mustUnderstand only for the node's own roles): WSS Gate validates its
     * own header and the message goes through. A header for {@code next} that the policy does not
     * take is a different matter: see {@link WssGateSecurityHeaderNoNextTest}.
     */
    @Test
    void aSecurityHeaderForAnotherActorIsLeftAloneByBoth() {
        int before = endpoint.invocations();
        byte[] withSecondHeader = LayoutFixture.withSecondHeader(signedMustUnderstandRequest(), "urn:someone:else");

        HttpResponse<String> response = post(SpringWsServerApp.GUARDED, withSecondHeader);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("hello alice");
        assertThat(endpoint.invocations()).isEqualTo(before + 1);
    }

    @Test
    void theOnlySecurityHeaderAddressedToNextIsOursAndUnderstood() {
        int before = endpoint.invocations();
        byte[] forNext = LayoutFixture.addressedTo(signedMustUnderstandRequest(), LayoutFixture.next(false));

        HttpResponse<String> response = post(SpringWsServerApp.GUARDED, forNext);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("hello alice").doesNotContain("MustUnderstand");
        assertThat(endpoint.invocations()).isEqualTo(before + 1);
    }

    @Test
    void aSecondHeaderForNextBesideOursIsRefusedByTheFilterAsAmbiguous() {
        int before = endpoint.invocations();
        byte[] twoForUs = LayoutFixture.withSecondHeader(signedMustUnderstandRequest(), LayoutFixture.next(false));

        HttpResponse<String> response = post(SpringWsServerApp.GUARDED, twoForUs);

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("wsse:InvalidSecurity").doesNotContain("MustUnderstand").doesNotContain("alice");
        assertThat(endpoint.invocations()).isEqualTo(before);
    }
}
