package io.wssgate.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Real HTTP against a Boot app on a random port: the WS-Security caller is the Spring Security
 * Authentication, method and URL rules apply to it, and bad messages never reach the app.
 */
@SpringBootTest(classes = SecuredSoapApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SpringSecurityIntegrationTest {
    @LocalServerPort
    int port;

    @Autowired
    SecuredSoapApp.Endpoints endpoints;

    @DynamicPropertySource
    static void wssgate(DynamicPropertyRegistry registry) {
        Fixtures.partnerPolicy().forEach((k, v) -> registry.add(k, () -> v));
    }

    @Test
    void rightRoleReachesPreAuthorizedEndpoint() {
        HttpResponse<String> response = Fixtures.post(port, "/services/clerk", Fixtures.samlRequest("clerk"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).startsWith("alice|WssGateAuthentication|")
                .contains("ROLE_clerk").endsWith("|true");
    }

    @Test
    void plainRoleNameIsAnAuthorityToo() {
        HttpResponse<String> response = Fixtures.post(port, "/services/clerk-authority", Fixtures.samlRequest("clerk"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @Test
    void wrongRoleIsForbidden() {
        int before = endpoints.invocations();
        HttpResponse<String> response = Fixtures.post(port, "/services/manager", Fixtures.samlRequest("clerk"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(endpoints.invocations()).isEqualTo(before);
    }

    @Test
    void securityFilterChainUrlRulesSeeTheWsSecurityIdentity() {
        assertThat(Fixtures.post(port, "/admin/report", Fixtures.samlRequest("admin")).statusCode()).isEqualTo(200);
        assertThat(Fixtures.post(port, "/admin/report", Fixtures.samlRequest("clerk")).statusCode()).isEqualTo(403);
    }

    @Test
    void tamperedMessageGetsTheSoapFaultAndNeverReachesTheApplication() {
        int before = endpoints.invocations();
        byte[] tampered = io.wssgate.testing.TestMessages.tamperBody(Fixtures.samlRequest("clerk"));
        HttpResponse<String> response = Fixtures.post(port, "/services/clerk", tampered);

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("wsse:FailedCheck").contains("CorrelationId");
        assertThat(endpoints.invocations()).isEqualTo(before);
    }

    @Test
    void unsecuredRequestToProtectedPathGetsTheSoapFault() {
        byte[] plain = io.wssgate.testing.TestMessages.soap11().build();
        HttpResponse<String> response = Fixtures.post(port, "/services/clerk", plain);
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("wsse:InvalidSecurity");
    }

    @Test
    void nothingOfTheWsSecurityIdentityRemainsForLaterRequests() {
        for (int i = 0; i < 5; i++) { // several, so some reuse a server thread that served a SOAP caller
            assertThat(Fixtures.post(port, "/services/clerk", Fixtures.samlRequest("clerk")).statusCode()).isEqualTo(200);
            HttpResponse<String> later = Fixtures.get(port, "/public/whoami");
            assertThat(later.statusCode()).isEqualTo(200);
            assertThat(later.body()).doesNotContain("WssGate").doesNotContain("alice");
        }
    }

    @Test
    void otherMethodsAreRefusedOnProtectedPaths() {
        assertThat(Fixtures.get(port, "/services/clerk").statusCode()).isEqualTo(405);
    }
}
