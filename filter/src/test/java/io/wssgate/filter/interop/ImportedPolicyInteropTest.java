package io.wssgate.filter.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.testing.LocalWebApp;
import io.wssgate.wsdl.OperationPolicy;
import io.wssgate.wsdl.PolicyImport;
import io.wssgate.wsdl.SecurityPolicyReader;
import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.Dispatch;
import jakarta.xml.ws.Service;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.QName;
import javax.xml.transform.Source;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.stream.StreamResult;
import javax.xml.transform.stream.StreamSource;
import org.apache.cxf.BusFactory;
import org.apache.cxf.jaxws.ServiceImpl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Import, proven against the stack that wrote the WSDL: WSS Gate's filter runs the YAML that
 * {@link PolicyImport} writes for binding DoubleItAsymmetricSHA256Binding of Apache CXF's own
 * DoubleItX509.wsdl (AsymmetricBinding, Basic128Sha256, Body signed and encrypted both ways), and a
 * CXF client driven by that same WSDL's policy (no interceptor, only key properties) doubles a
 * number through it: its request is accepted, and the response the gate signs and encrypts as
 * the output policy says passes CXF's own policy validation.
 */
class ImportedPolicyInteropTest {
    static final String CONTRACT = "http://www.example.org/contract/DoubleIt";
    static final String BINDING = "DoubleItAsymmetricSHA256Binding";
    static InteropKeys keys;
    static LocalWebApp server;
    static Path wsdl;
    static final Map<String, String> VARIABLES = new java.util.HashMap<>();

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        keys = new InteropKeys(dir);
        // the systest WSDL imports its messages from src/test/resources/DoubleItLogical.wsdl, relative to itself
        wsdl = dir.resolve("DoubleItX509.wsdl");
        Files.write(wsdl, resource("DoubleItX509.wsdl"));
        Files.createDirectories(dir.resolve("src/test/resources"));
        Files.write(dir.resolve("src/test/resources/DoubleItLogical.wsdl"), resource("DoubleItLogical.wsdl"));

        List<OperationPolicy> operations = SecurityPolicyReader.read(Files.readAllBytes(wsdl)).stream()
                .filter(o -> o.binding().getLocalPart().equals(BINDING)).toList();
        PolicyImport imported = PolicyImport.write(wsdl.toString(), operations, PolicyImport.Side.SERVER);
        assertThat(imported.errors()).isEmpty();
        Path config = Files.writeString(dir.resolve("imported.yaml"), imported.text());

        VARIABLES.put("WSSGATE_PATH", "/doubleit/*");
        VARIABLES.put("WSSGATE_TRUST_CERTIFICATES", keys.ca.toString());
        VARIABLES.put("WSSGATE_DECRYPTION_KEY", keys.serverKey.toString());
        VARIABLES.put("WSSGATE_DECRYPTION_CERTIFICATE", keys.serverCert.toString());
        VARIABLES.put("WSSGATE_SIGNING_KEY", keys.serverKey.toString());
        VARIABLES.put("WSSGATE_SIGNING_CERTIFICATE", keys.serverCert.toString());
        VARIABLES.put("WSSGATE_RESPONSE_RECIPIENT_CERTIFICATE", keys.clientCert.toString());
        VARIABLES.forEach(System::setProperty);
        Path webInf = Files.createDirectories(dir.resolve("app/WEB-INF"));
        Files.writeString(webInf.resolve("web.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                  <filter>
                    <filter-name>wssgate</filter-name>
                    <filter-class>io.wssgate.filter.WssGateFilter</filter-class>
                    <init-param><param-name>config-file</param-name><param-value>%s</param-value></init-param>
                  </filter>
                  <filter-mapping><filter-name>wssgate</filter-name><url-pattern>/doubleit/*</url-pattern></filter-mapping>
                  <servlet><servlet-name>app</servlet-name><servlet-class>%s</servlet-class></servlet>
                  <servlet-mapping><servlet-name>app</servlet-name><url-pattern>/doubleit/*</url-pattern></servlet-mapping>
                </web-app>
                """.formatted(config, DoubleItServlet.class.getName()));
        server = LocalWebApp.start(dir.resolve("app"), "/gate");
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            server.close();
        } finally {
            VARIABLES.keySet().forEach(System::clearProperty);
            SantuarioDefaults.restore();
        }
    }

    private static byte[] resource(String name) throws Exception {
        return ImportedPolicyInteropTest.class.getResourceAsStream("/wsdl/cxf/" + name).readAllBytes();
    }

    @Test
    void cxfClientOfTheOriginalWsdlIsAcceptedAndAcceptsTheSecuredResponse() throws Exception {
        int before = DoubleItServlet.INVOCATIONS.get();
        ServiceImpl service = new ServiceImpl(BusFactory.getDefaultBus(), wsdl.toUri().toURL(),
                new QName(CONTRACT, "DoubleItService"), null);
        Dispatch<Source> dispatch = service.createDispatch(new QName(CONTRACT, "DoubleItAsymmetricSHA256Port"),
                Source.class, Service.Mode.PAYLOAD);
        Map<String, Object> context = dispatch.getRequestContext();
        // which WSDL operation this is: its input policy (SignedParts, EncryptedParts) applies then
        context.put(jakarta.xml.ws.handler.MessageContext.WSDL_OPERATION, new QName(CONTRACT, "DoubleIt"));
        context.put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY, server.uri("/doubleit/service").toString());
        context.put("security.signature.username", "client");
        context.put("security.signature.properties", keys.cxfClientCrypto);
        context.put("security.encryption.username", "server");
        context.put("security.encryption.properties", keys.cxfClientCrypto);
        context.put("security.callback-handler", InteropKeys.keyPasswords());
        context.put("ws-security.asymmetric.signature.algorithm", CxfPolicyClientToGateTest.RSA_SHA256);

        Source answer = dispatch.invoke(new StreamSource(new StringReader("<ns2:DoubleIt xmlns:ns2=\""
                + DoubleItServlet.SCHEMA + "\"><numberToDouble>21</numberToDouble></ns2:DoubleIt>")));

        StringWriter text = new StringWriter();
        TransformerFactory.newInstance().newTransformer().transform(answer, new StreamResult(text));
        assertThat(text.toString()).contains("<doubledNumber>42</doubledNumber>");
        assertThat(DoubleItServlet.INVOCATIONS.get()).isEqualTo(before + 1);
    }
}
