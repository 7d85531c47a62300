package io.wssgate.filter.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wssgate.testing.LocalWebApp;
import jakarta.xml.ws.soap.SOAPFaultException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javax.xml.namespace.QName;
import org.apache.cxf.jaxws.JaxWsProxyFactoryBean;
import org.apache.wss4j.common.crypto.CryptoFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proof of WS-SecurityPolicy publication: Apache CXF clients built from the WSDL that WSS
 * Gate's filter publishes ({@code wsdl.publish-policy: true}), given only CXF's {@code security.*}
 * key and callback properties and no WSS4J interceptor, secure their requests the way the
 * policy asks and are accepted over HTTP; the same client from the same WSDL without the policy
 * sends nothing secured and is refused before the application runs.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CxfPolicyClientToGateTest {
    static final String RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
    static InteropKeys keys;
    static LocalWebApp server;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        keys = new InteropKeys(dir);
        Path config = Files.writeString(dir.resolve("wssgate.yaml"), yaml(keys));
        Path webInf = Files.createDirectories(dir.resolve("app/WEB-INF"));
        Files.writeString(webInf.resolve("web.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                  <filter>
                    <filter-name>wssgate</filter-name>
                    <filter-class>io.wssgate.filter.WssGateFilter</filter-class>
                    <init-param><param-name>config-file</param-name><param-value>%s</param-value></init-param>
                  </filter>
                  <filter-mapping><filter-name>wssgate</filter-name><url-pattern>/wsp/*</url-pattern></filter-mapping>
                  <servlet><servlet-name>app</servlet-name><servlet-class>%s</servlet-class></servlet>
                  <servlet-mapping><servlet-name>app</servlet-name><url-pattern>/wsp/*</url-pattern></servlet-mapping>
                </web-app>
                """.formatted(config, WsdlServlet.class.getName()));
        server = LocalWebApp.start(dir.resolve("app"), "/gate");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        SantuarioDefaults.restore();
    }

    static String yaml(InteropKeys k) {
        String roles = "\n      certificate-subjects:\n        - subject: \"" + InteropKeys.CLIENT_DN
                + "\"\n          roles: [admin, user]";
        return """
                policies:
                  x509:
                    paths: [/wsp/x509/*]
                    trust: { certificates: [%1$s] }
                    roles: %2$s
                    wsdl: { publish-policy: true }
                  unpublished:
                    paths: [/wsp/unpublished/*]
                    trust: { certificates: [%1$s] }
                    roles: %2$s
                  saml-hok:
                    paths: [/wsp/saml-hok/*]
                    saml:
                      issuers: [{ name: %3$s, certificates: [%4$s] }]
                      audiences: [%5$s]
                      confirmation-methods: [holder-of-key]
                    roles: { saml-attributes: [role] }
                    wsdl: { publish-policy: true }
                  encrypted-body:
                    paths: [/wsp/encrypted/*]
                    trust: { certificates: [%1$s] }
                    roles: %2$s
                    decryption:
                      key: { private-key: %6$s, certificate: %7$s }
                      required-parts: [Body]
                      # WS-SecurityPolicy's suites encrypt with AES-CBC: a client following the policy
                      # alone needs it (docs/ws-securitypolicy.md)
                      data-algorithms: [http://www.w3.org/2009/xmlenc11#aes256-gcm, http://www.w3.org/2001/04/xmlenc#aes256-cbc]
                    wsdl: { publish-policy: true }
                """.formatted(k.ca, roles, InteropKeys.IDP, k.idpCert, InteropKeys.AUDIENCE, k.serverKey, k.serverCert);
    }

    @Test
    void publishedWsdlCarriesTheSecurityPolicy() throws Exception {
        String wsdl = get(server.uri("/wsp/x509/service?wsdl"));

        assertThat(wsdl).contains("AsymmetricBinding", "sp:X509Token", "Basic256Sha256", "signatureAlgorithm=\"SHA256withRSA\"",
                "IncludeTimestamp", "<sp:Body/>", "PolicyReference");
        assertThat(get(server.uri("/wsp/unpublished/service?wsdl"))).doesNotContain("ws-securitypolicy");
    }

    @Test
    void x509ClientFromThePublishedWsdlIsAccepted() throws Exception {
        InteropService port = port("/wsp/x509/service", signing("client"));

        assertThat(port.whoami()).isEqualTo("principal=" + InteropKeys.CLIENT_DN + ";roles=admin,user");
        assertThat(port.echo("signed as the policy says")).isEqualTo("signed as the policy says");
    }

    @Test
    void samlHolderOfKeyClientFromThePublishedWsdlIsAccepted() throws Exception {
        Map<String, Object> security = signing("client");
        security.put("security.saml-callback-handler", new CxfSamlCallback(Profile.SAML20_HOLDER_OF_KEY,
                CryptoFactory.getInstance(keys.cxfClientCrypto), keys.client.certificate()));
        InteropService port = port("/wsp/saml-hok/service", security);

        assertThat(port.whoami()).isEqualTo("principal=" + Profile.SAML_SUBJECT + ";roles=admin,clerk");
    }

    @Test
    void encryptedBodyClientFromThePublishedWsdlIsAccepted() throws Exception {
        Map<String, Object> security = signing("client");
        security.put("security.encryption.username", "server");
        security.put("security.encryption.properties", keys.cxfClientCrypto);
        InteropService port = port("/wsp/encrypted/service", security);

        assertThat(port.echo("for the server's eyes only")).isEqualTo("for the server's eyes only");
    }

    @Test
    void theSameClientFromAWsdlWithoutPolicySecuresNothingAndIsRefused() throws Exception {
        int before = CallerServlet.INVOCATIONS.get();
        InteropService port = port("/wsp/unpublished/service", signing("client"));

        assertThatThrownBy(port::whoami).isInstanceOf(SOAPFaultException.class)
                .satisfies(e -> assertThat(((SOAPFaultException) e).getFault().getFaultCodeAsQName())
                        .isEqualTo(new QName(io.wssgate.fault.FaultCode.WSSE_NS, "InvalidSecurity")));
        assertThat(CallerServlet.INVOCATIONS.get()).as("application invocations").isEqualTo(before);
    }

    /**
     * The algorithm-suite trap: every WS-SecurityPolicy suite, Basic256Sha256 included, names
     * RSA-SHA1. First in order because CXF 4.0.10 applies ws-security.asymmetric.signature.algorithm
     * by changing WSS4J's shared Basic256Sha256 suite object: after one client has set it, every
     * client of that suite in the JVM signs with RSA-SHA256.
     */
    @Test
    @Order(1)
    void aClientFollowingTheSuiteAloneSignsWithRsaSha1AndIsRefused() {
        Map<String, Object> security = signing("client");
        security.remove("ws-security.asymmetric.signature.algorithm");
        int before = CallerServlet.INVOCATIONS.get();
        InteropService port = port("/wsp/x509/service", security);

        assertThatThrownBy(port::whoami).isInstanceOf(SOAPFaultException.class)
                .satisfies(e -> assertThat(((SOAPFaultException) e).getFault().getFaultCodeAsQName())
                        .isEqualTo(new QName(io.wssgate.fault.FaultCode.WSSE_NS, "UnsupportedAlgorithm")));
        assertThat(CallerServlet.INVOCATIONS.get()).as("application invocations").isEqualTo(before);
    }

    /** What a CXF user sets: the signing key, its crypto and password callback, and RSA-SHA256. */
    private static Map<String, Object> signing(String alias) {
        Map<String, Object> security = new HashMap<>();
        security.put("security.signature.username", alias);
        security.put("security.signature.properties", keys.cxfClientCrypto);
        security.put("security.callback-handler", InteropKeys.keyPasswords());
        // WS-SecurityPolicy cannot name RSA-SHA256 for an asymmetric signature; CXF takes it from here
        security.put("ws-security.asymmetric.signature.algorithm", RSA_SHA256);
        return security;
    }

    /** A CXF proxy built from the served WSDL alone: no interceptor, only the properties. */
    private static InteropService port(String path, Map<String, Object> security) {
        JaxWsProxyFactoryBean factory = new JaxWsProxyFactoryBean();
        factory.setServiceClass(InteropService.class);
        factory.setWsdlURL(server.uri(path) + "?wsdl");
        factory.setServiceName(new QName(InteropService.NS, InteropService.SERVICE));
        factory.setEndpointName(new QName(InteropService.NS, InteropService.PORT));
        factory.setProperties(security);
        return (InteropService) factory.create();
    }

    private static String get(URI uri) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
