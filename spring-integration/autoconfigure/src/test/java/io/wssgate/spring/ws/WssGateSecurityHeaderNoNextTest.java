package io.wssgate.spring.ws;

import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.testing.layout.LayoutFixture;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The same server with {@code wssgate.policies.partner.security-header.accept-next=false}: the
 * interceptor follows the policy's rule, so a header for {@code next} is nobody's here. Beside
 * our header it is not claimed (Spring-WS's MustUnderstand fault); alone, the filter finds no
 * header of ours and refuses the message.
 */
class WssGateSecurityHeaderNoNextTest extends SpringWsServerTest {

    @DynamicPropertySource
    static void noNext(DynamicPropertyRegistry registry) {
        registry.add("wssgate.policies.partner.security-header.accept-next", () -> "false");
    }

    @Test
    void aHeaderForNextBesideOursIsNotUnderstood() {
        int before = endpoint.invocations();
        byte[] withNext = LayoutFixture.withSecondHeader(signedMustUnderstandRequest(), LayoutFixture.next(false));

        assertMustUnderstandFault(post(SpringWsServerApp.GUARDED, withNext));
        assertThat(endpoint.invocations()).isEqualTo(before);
    }

    @Test
    void aMessageWhoseOnlyHeaderIsForNextIsRefusedByTheFilter() {
        int before = endpoint.invocations();
        byte[] forNext = LayoutFixture.addressedTo(signedMustUnderstandRequest(), LayoutFixture.next(false));

        HttpResponse<String> response = post(SpringWsServerApp.GUARDED, forNext);

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("wsse:InvalidSecurity").doesNotContain("alice");
        assertThat(endpoint.invocations()).isEqualTo(before);
    }

    @Test
    void theHeaderWithoutActorIsStillOursAndUnderstood() {
        HttpResponse<String> response = post(SpringWsServerApp.GUARDED, signedMustUnderstandRequest());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("hello alice");
    }
}
