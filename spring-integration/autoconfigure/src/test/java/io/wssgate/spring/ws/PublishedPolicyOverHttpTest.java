package io.wssgate.spring.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wssgate.spring.Fixtures;
import io.wssgate.testing.TestKeys;
import jakarta.xml.ws.soap.SOAPFaultException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.xml.namespace.QName;
import org.apache.cxf.jaxws.JaxWsProxyFactoryBean;
import org.apache.wss4j.common.ext.WSPasswordCallback;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Spring-WS publication over HTTP: the application's WSDL, served by Spring-WS through
 * {@link SecurityPolicyWsdlDefinition}, carries the policy; an Apache CXF client built from that
 * WSDL alone (only its key, password callback and RSA-SHA256 properties, no WSS4J interceptor)
 * is accepted by the starter's filter and the endpoint sees its certificate's subject; the same
 * client from the unwrapped WSDL sends nothing secured and is refused before the endpoint runs.
 */
@SpringBootTest(classes = PublishedPolicyApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.main.allow-bean-definition-overriding=true")
class PublishedPolicyOverHttpTest {
    static final TestKeys.Identity CLIENT = Fixtures.KEYS.issue("policy-client");
    static final String PASSWORD = "changeit";

    @LocalServerPort
    int port;

    @Autowired
    PublishedPolicyApp.InteropEndpoint endpoint;

    @DynamicPropertySource
    static void wssgate(DynamicPropertyRegistry registry) {
        // the endpoint's path only: Spring-WS serves WSDLs as <bean>.wsdl, a GET the filter refuses
        // (405) on a guarded path, since it lets only ?wsdl and ?xsd= through
        registry.add("wssgate.policies.x509.paths", () -> "/services/interop");
        registry.add("wssgate.policies.x509.trust.certificates", () -> Fixtures.CA.toString());
    }

    @Test
    void wsdlServedBySpringWsCarriesThePolicy() {
        HttpResponse<String> wsdl = Fixtures.get(port, "/services/interop.wsdl");

        assertThat(wsdl.statusCode()).isEqualTo(200);
        assertThat(wsdl.body()).contains("AsymmetricBinding", "sp:X509Token", "PolicyReference",
                "signatureAlgorithm=\"SHA256withRSA\"", "http://localhost:" + port + "/services/interop");
    }

    @Test
    void cxfClientBuiltFromTheServedWsdlIsAccepted() throws Exception {
        PolicyInteropService client = client(port, "/services/interop.wsdl");

        assertThat(client.whoami()).isEqualTo("principal=CN=policy-client,O=WSS Gate Test,C=DE");
        assertThat(client.echo("signed as the policy says")).isEqualTo("signed as the policy says");
    }

    @Test
    void theSameClientFromTheWsdlWithoutPolicyIsRefusedBeforeTheEndpoint() throws Exception {
        int before = endpoint.invocations.get();
        java.nio.file.Path plain = Fixtures.DIR.resolve("interop-plain.wsdl");
        java.nio.file.Files.writeString(plain, PolicyInteropService.wsdl()
                .replace("http://localhost/services/interop", "http://localhost:" + port + "/services/interop"));
        PolicyInteropService client = client(port, plain.toUri().toString());

        assertThatThrownBy(client::whoami).isInstanceOf(SOAPFaultException.class)
                .satisfies(e -> assertThat(((SOAPFaultException) e).getFault().getFaultCodeAsQName()).isEqualTo(
                        new QName("http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd",
                                "InvalidSecurity")));
        assertThat(endpoint.invocations.get()).as("endpoint invocations").isEqualTo(before);
    }

    /** A CXF proxy from the WSDL alone plus what a CXF user sets: key, password callback, RSA-SHA256. */
    static PolicyInteropService client(int port, String wsdl) throws Exception {
        Path keystore = TestKeys.writeJks(Fixtures.DIR.resolve("policy-client.jks"), PASSWORD.toCharArray(), "client", CLIENT);
        Properties crypto = new Properties();
        crypto.put("org.apache.wss4j.crypto.provider", "org.apache.wss4j.common.crypto.Merlin");
        crypto.put("org.apache.wss4j.crypto.merlin.keystore.type", "jks");
        crypto.put("org.apache.wss4j.crypto.merlin.keystore.password", PASSWORD);
        crypto.put("org.apache.wss4j.crypto.merlin.keystore.file", keystore.toString());
        Map<String, Object> security = new HashMap<>();
        security.put("security.signature.username", "client");
        security.put("security.signature.properties", crypto);
        security.put("security.callback-handler", (CallbackHandler) callbacks -> {
            for (Callback c : callbacks) {
                if (c instanceof WSPasswordCallback password) {
                    password.setPassword(PASSWORD);
                }
            }
        });
        // WS-SecurityPolicy cannot name RSA-SHA256 for an asymmetric signature; CXF takes it from here
        security.put("ws-security.asymmetric.signature.algorithm", "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256");

        JaxWsProxyFactoryBean factory = new JaxWsProxyFactoryBean();
        factory.setServiceClass(PolicyInteropService.class);
        factory.setWsdlURL(wsdl.startsWith("/") ? "http://localhost:" + port + wsdl : wsdl);
        factory.setServiceName(new QName(PolicyInteropService.NS, PolicyInteropService.SERVICE));
        factory.setEndpointName(new QName(PolicyInteropService.NS, PolicyInteropService.PORT));
        factory.setProperties(security);
        return (PolicyInteropService) factory.create();
    }
}
