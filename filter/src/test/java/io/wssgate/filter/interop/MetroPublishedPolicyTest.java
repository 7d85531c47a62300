package io.wssgate.filter.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javax.xml.namespace.QName;
import org.apache.cxf.jaxws.JaxWsProxyFactoryBean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Publication through Metro's own WSDL: a {@code @WssGateEndpoint} whose policy has
 * {@code wsdl.publish-policy} serves {@code ?wsdl} with the policy's WS-SecurityPolicy, and a CXF
 * client built from that WSDL alone (key properties, no interceptor) is accepted by the endpoint.
 */
class MetroPublishedPolicyTest {
    static InteropKeys keys;
    static GateApp gate;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        keys = new InteropKeys(dir);
        gate = GateApp.start(dir, keys);
    }

    @AfterAll
    static void stop() throws Exception {
        gate.close();
        SantuarioDefaults.restore();
    }

    @Test
    void metrosWsdlCarriesTheEndpointPolicy() throws Exception {
        URI wsdl = URI.create(gate.metro(Profile.X509_TIMESTAMP_SIGNATURE) + "?wsdl");
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(wsdl).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("AsymmetricBinding", "PolicyReference", "wssgate-cxf-x509-policy-input",
                // Metro's own address patching still applies
                gate.metro(Profile.X509_TIMESTAMP_SIGNATURE).toString());
    }

    @Test
    void cxfClientFromMetrosWsdlIsAccepted() {
        Map<String, Object> security = new HashMap<>();
        security.put("security.signature.username", "client");
        security.put("security.signature.properties", keys.cxfClientCrypto);
        security.put("security.callback-handler", InteropKeys.keyPasswords());
        security.put("ws-security.asymmetric.signature.algorithm", CxfPolicyClientToGateTest.RSA_SHA256);
        JaxWsProxyFactoryBean factory = new JaxWsProxyFactoryBean();
        factory.setServiceClass(InteropService.class);
        factory.setWsdlURL(gate.metro(Profile.X509_TIMESTAMP_SIGNATURE) + "?wsdl");
        factory.setServiceName(new QName(InteropService.NS, InteropService.SERVICE));
        factory.setEndpointName(new QName(InteropService.NS, InteropService.PORT));
        factory.setProperties(security);
        InteropService port = (InteropService) factory.create();

        assertThat(port.whoami()).isEqualTo("principal=" + InteropKeys.CLIENT_DN + ";roles=admin,user");
    }
}
