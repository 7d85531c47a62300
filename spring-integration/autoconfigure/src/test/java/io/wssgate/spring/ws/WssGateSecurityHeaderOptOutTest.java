package io.wssgate.spring.ws;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * With {@code wssgate.spring-ws.understand-security-header=false} the starter claims nothing:
 * even a message the filter validated gets Spring-WS's MustUnderstand fault, as before the
 * starter provided the interceptor (the application then brings its own).
 */
@TestPropertySource(properties = "wssgate.spring-ws.understand-security-header=false")
class WssGateSecurityHeaderOptOutTest extends SpringWsServerTest {

    @Test
    void aValidatedSecurityHeaderGetsTheMustUnderstandFault() {
        int before = endpoint.invocations();

        assertMustUnderstandFault(post(SpringWsServerApp.GUARDED, signedMustUnderstandRequest()));
        assertThat(endpoint.invocations()).isEqualTo(before);
    }
}
