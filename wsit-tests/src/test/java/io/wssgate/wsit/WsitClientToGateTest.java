package io.wssgate.wsit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wssgate.testing.LocalWebApp;
import io.wssgate.testing.SamlSpec;
import io.wssgate.testing.TestKeys;
import jakarta.xml.ws.Service;
import jakarta.xml.ws.soap.SOAPFaultException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import javax.xml.namespace.QName;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Metro side of the WS-SecurityPolicy publication proof: a Metro WSIT client (webservices-rt)
 * built from the WSDL that WSS Gate's filter publishes ({@code wsdl.publish-policy: true}), given
 * only a {@code META-INF/wsit-client.xml} that names its keystore and truststore (no security
 * header written by hand, no WSS4J), secures its requests the way the policy asks and is accepted
 * over HTTP; the same client from the same WSDL without the policy sends nothing secured and is
 * refused before the application runs.
 */
class WsitClientToGateTest {
    static final String CLIENT_DN = "CN=client,O=WSS Gate Test,C=DE";
    static final String PASSWORD = "changeit";
    static final String AUDIENCE = "urn:wssgate:test:wsit";
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static LocalWebApp server;
    static ClassLoader wsitConfig;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        TestKeys keys = TestKeys.create();
        TestKeys.Identity client = keys.issue("client");
        TestKeys.Identity gate = keys.issue("server");
        TestKeys.Identity idp = keys.issue("idp");
        // what the identity provider issued the client: SAML 2.0, holder-of-key for the client's certificate
        WsitSamlHandler.assertion = javax.xml.parsers.DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder()
                .parse(new org.xml.sax.InputSource(new java.io.StringReader(SamlSpec.saml2().signedBy(idp)
                        .audienceRestriction(AUDIENCE).holderOfKey(client).toXml()))).getDocumentElement();
        Path ca = TestKeys.writePem(dir.resolve("ca.pem"), keys.ca().certificate());
        Path serverKey = TestKeys.writePkcs8Pem(dir.resolve("server-key.pem"), gate.privateKey());
        Path serverCert = TestKeys.writePem(dir.resolve("server.pem"), gate.certificate());
        Path clientStore = TestKeys.writeJks(dir.resolve("client.jks"), PASSWORD.toCharArray(), "client", client);
        Path trustStore = trustStore(dir.resolve("trust.jks"), gate);

        Path config = Files.writeString(dir.resolve("wssgate.yaml"), """
                policies:
                  x509:
                    paths: [/wsit/x509/*]
                    trust: { certificates: [%1$s] }
                    wsdl: { publish-policy: true }
                  encrypted-body:
                    paths: [/wsit/encrypted/*]
                    trust: { certificates: [%1$s] }
                    decryption:
                      key: { private-key: %2$s, certificate: %3$s }
                      required-parts: [Body]
                      # WS-SecurityPolicy's suites encrypt with AES-CBC (docs/ws-securitypolicy.md)
                      data-algorithms: [http://www.w3.org/2009/xmlenc11#aes256-gcm, http://www.w3.org/2001/04/xmlenc#aes256-cbc]
                    wsdl: { publish-policy: true }
                  saml-hok:
                    paths: [/wsit/saml-hok/*]
                    saml:
                      issuers: [{ name: %4$s, certificates: [%5$s] }]
                      audiences: [%6$s]
                      confirmation-methods: [holder-of-key]
                    wsdl: { publish-policy: true }
                  unpublished:
                    paths: [/wsit/unpublished/*]
                    trust: { certificates: [%1$s] }
                """.formatted(ca, serverKey, serverCert, SamlSpec.DEFAULT_ISSUER,
                TestKeys.writePem(dir.resolve("idp.pem"), idp.certificate()), AUDIENCE));
        Path webInf = Files.createDirectories(dir.resolve("app/WEB-INF"));
        Files.writeString(webInf.resolve("web.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                  <filter>
                    <filter-name>wssgate</filter-name>
                    <filter-class>io.wssgate.filter.WssGateFilter</filter-class>
                    <init-param><param-name>config-file</param-name><param-value>%s</param-value></init-param>
                  </filter>
                  <filter-mapping><filter-name>wssgate</filter-name><url-pattern>/wsit/*</url-pattern></filter-mapping>
                  <servlet><servlet-name>app</servlet-name><servlet-class>%s</servlet-class></servlet>
                  <servlet-mapping><servlet-name>app</servlet-name><url-pattern>/wsit/*</url-pattern></servlet-mapping>
                </web-app>
                """.formatted(config, GateServlet.class.getName()));
        server = LocalWebApp.start(dir.resolve("app"), "/gate");

        // what a WSIT user writes: META-INF/wsit-client.xml on the class path, keys only
        Path classes = Files.createDirectories(dir.resolve("wsit-config/META-INF"));
        Files.writeString(classes.resolve("wsit-client.xml"), wsitClientXml(clientStore, trustStore));
        wsitConfig = new URLClassLoader(new URL[] {dir.resolve("wsit-config").toUri().toURL()},
                WsitClientToGateTest.class.getClassLoader());
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    /**
     * The client configuration WSIT reads: the service's binding (same QName as in the served
     * WSDL) with a policy naming only where the keys are, which Metro merges with the policy the
     * WSDL carries.
     */
    static String wsitClientXml(Path keyStore, Path trustStore) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://schemas.xmlsoap.org/wsdl/" xmlns:tns="%1$s" targetNamespace="%1$s"
                    name="%2$s" xmlns:wsp="http://www.w3.org/ns/ws-policy"
                    xmlns:wsu="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd"
                    xmlns:sc="http://schemas.sun.com/2006/03/wss/client" xmlns:wspp="http://java.sun.com/xml/ns/wsit/policy">
                  <portType name="Interop"/>
                  <binding name="%3$s" type="tns:Interop">
                    <wsp:PolicyReference URI="#ClientKeys"/>
                  </binding>
                  <service name="%2$s">
                    <port name="%4$s" binding="tns:%3$s"/>
                  </service>
                  <wsp:Policy wsu:Id="ClientKeys">
                    <wsp:ExactlyOne>
                      <wsp:All>
                        <sc:KeyStore wspp:visibility="private" location="%5$s" type="JKS" storepass="%7$s"
                            alias="client" keypass="%7$s"/>
                        <sc:TrustStore wspp:visibility="private" location="%6$s" type="JKS" storepass="%7$s"
                            peeralias="server"/>
                        <sc:CallbackHandlerConfiguration wspp:visibility="private">
                          <sc:CallbackHandler name="samlHandler" classname="%8$s"/>
                        </sc:CallbackHandlerConfiguration>
                      </wsp:All>
                    </wsp:ExactlyOne>
                  </wsp:Policy>
                </definitions>
                """.formatted(InteropService.NS, InteropService.SERVICE, InteropService.BINDING, InteropService.PORT,
                keyStore, trustStore, PASSWORD, WsitSamlHandler.class.getName());
    }

    private static Path trustStore(Path file, TestKeys.Identity peer) throws Exception {
        java.security.KeyStore store = java.security.KeyStore.getInstance("JKS");
        store.load(null, null);
        store.setCertificateEntry("server", peer.certificate());
        try (var out = Files.newOutputStream(file)) {
            store.store(out, PASSWORD.toCharArray());
        }
        return file;
    }

    @Test
    void publishedWsdlCarriesTheSecurityPolicyMetroReads() throws Exception {
        String wsdl = get(server.uri("/wsit/x509/service?wsdl"));

        assertThat(wsdl).contains("AsymmetricBinding", "sp:X509Token", "signatureAlgorithm=\"SHA256withRSA\"");
        assertThat(get(server.uri("/wsit/unpublished/service?wsdl"))).doesNotContain("ws-securitypolicy");
    }

    @Test
    void x509WsitClientFromThePublishedWsdlIsAccepted() throws Exception {
        int before = GateServlet.INVOCATIONS.get();
        String[] answers = withWsitConfig(() -> {
            InteropService port = port("/wsit/x509/service");
            return new String[] {port.whoami(), port.echo("signed as the policy says")};
        });

        assertThat(answers[0]).isEqualTo("principal=" + CLIENT_DN);
        assertThat(answers[1]).isEqualTo("signed as the policy says");
        assertThat(GateServlet.INVOCATIONS.get()).isEqualTo(before + 2);
    }

    /** The published InitiatorToken is a SamlToken: WSIT asks its samlHandler and signs with the confirmed key. */
    @Test
    void samlHolderOfKeyWsitClientFromThePublishedWsdlIsAccepted() throws Exception {
        String answer = withWsitConfig(() -> port("/wsit/saml-hok/service").whoami());

        assertThat(answer).isEqualTo("principal=" + SamlSpec.DEFAULT_SUBJECT);
    }

    @Test
    void encryptedBodyWsitClientFromThePublishedWsdlIsAccepted() throws Exception {
        String answer = withWsitConfig(() -> port("/wsit/encrypted/service").echo("for the server's eyes only"));

        assertThat(answer).isEqualTo("for the server's eyes only");
    }

    @Test
    void theSameClientFromAWsdlWithoutPolicySecuresNothingAndIsRefused() throws Exception {
        int before = GateServlet.INVOCATIONS.get();

        assertThatThrownBy(() -> withWsitConfig(() -> port("/wsit/unpublished/service").whoami()))
                .isInstanceOf(SOAPFaultException.class)
                .satisfies(e -> assertThat(((SOAPFaultException) e).getFault().getFaultCodeAsQName()).isEqualTo(new QName(
                        "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd",
                        "InvalidSecurity")));
        assertThat(GateServlet.INVOCATIONS.get()).as("application invocations").isEqualTo(before);
    }

    /** A Metro (JAX-WS RI + WSIT) proxy built from the served WSDL: nothing but the WSDL and wsit-client.xml. */
    private static InteropService port(String path) throws Exception {
        Service service = Service.create(URI.create(server.uri(path) + "?wsdl").toURL(),
                new QName(InteropService.NS, InteropService.SERVICE));
        return service.getPort(new QName(InteropService.NS, InteropService.PORT), InteropService.class);
    }

    /** WSIT finds META-INF/wsit-client.xml through the thread's context class loader. */
    private static <T> T withWsitConfig(Callable<T> call) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(wsitConfig);
        try {
            return call.call();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static String get(URI uri) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
