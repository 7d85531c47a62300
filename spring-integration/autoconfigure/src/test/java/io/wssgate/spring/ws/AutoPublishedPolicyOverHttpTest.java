package io.wssgate.spring.ws;

import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.spring.Fixtures;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The starter publishes without code: the application declares its plain Spring-WS WSDL
 * definition, the policy sets {@code wsdl.publish-policy=true}, and the WSDL Spring-WS serves
 * carries the policy (the starter wrapped the bean); a CXF client built from it is accepted.
 */
@SpringBootTest(classes = PublishedPolicyApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "test.wrap-by-hand=false")
class AutoPublishedPolicyOverHttpTest {
    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void wssgate(DynamicPropertyRegistry registry) {
        registry.add("wssgate.policies.x509.paths", () -> "/services/interop");
        registry.add("wssgate.policies.x509.trust.certificates", () -> Fixtures.CA.toString());
        registry.add("wssgate.policies.x509.wsdl.publish-policy", () -> "true");
    }

    @Test
    void thePlainDefinitionIsServedWithThePolicy() {
        HttpResponse<String> wsdl = Fixtures.get(port, "/services/interop.wsdl");

        assertThat(wsdl.statusCode()).isEqualTo(200);
        assertThat(wsdl.body()).contains("AsymmetricBinding", "sp:X509Token", "PolicyReference");
    }

    @Test
    void cxfClientBuiltFromTheServedWsdlIsAccepted() throws Exception {
        PolicyInteropService client = PublishedPolicyOverHttpTest.client(port, "/services/interop.wsdl");

        assertThat(client.whoami()).isEqualTo("principal=CN=policy-client,O=WSS Gate Test,C=DE");
    }
}
