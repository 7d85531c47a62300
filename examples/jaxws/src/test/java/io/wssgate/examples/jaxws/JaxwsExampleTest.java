package io.wssgate.examples.jaxws;

import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.examples.keys.ExampleKeys;
import io.wssgate.jaxws.GateRegistry;
import io.wssgate.jaxws.WssGateClient;
import jakarta.xml.soap.SOAPException;
import jakarta.xml.ws.Binding;
import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.Service;
import jakarta.xml.ws.handler.Handler;
import jakarta.xml.ws.handler.MessageContext;
import jakarta.xml.ws.handler.soap.SOAPHandler;
import jakarta.xml.ws.handler.soap.SOAPMessageContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.namespace.QName;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The example as a user runs it: the annotated endpoint on Jetty, called over HTTP by the
 * annotated client (SAML 2.0 holder-of-key for alice, signed), and an unsecured request refused.
 */
class JaxwsExampleTest {
    /**
     * The module's target/example-keys, as the run profile uses, shared by every test of this JVM:
     * the configurations they load are cached per file, with the key material found at first use.
     */
    static final Path keysDir = Path.of(ExampleKeys.DEFAULT_KEYS_DIR).toAbsolutePath();
    static WhoAmIServer server;

    @BeforeAll
    static void start() throws Exception {
        ExampleKeys.ensure(keysDir);
        System.setProperty(ExampleKeys.KEYS_DIR_VARIABLE, keysDir.toString());
        server = WhoAmIServer.start("localhost", 0);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        System.clearProperty(ExampleKeys.KEYS_DIR_VARIABLE);
    }

    @Test
    void endpointSeesAliceAndHerRolesFromTheAssertion() {
        WhoAmIResponse answer = new WhoAmIClient(server.endpoint()).whoami();

        assertThat(answer.getPrincipal()).isEqualTo("alice");
        // admin, user from the assertion; partner for the example client's key that signs as her (as in every example)
        assertThat(answer.getRoles()).containsExactly("admin", "partner", "user");
    }

    @Test
    @SuppressWarnings("rawtypes") // JAX-WS handler chains are raw lists
    void theAnswerOnTheWireHasTheSharedShapeAndIsSigned() throws Exception {
        List<String> wire = new ArrayList<>();
        WhoAmI port = Service.create(URI.create(server.endpoint() + "?wsdl").toURL(),
                new QName(WhoAmI.NS, "WhoAmIService")).getPort(new QName(WhoAmI.NS, "WhoAmIPort"), WhoAmI.class);
        WssGateClient.secure(port, GateRegistry.policy(WhoAmIClient.CONFIG, "whoami-client",
                getClass().getClassLoader()));
        // appended after WSS Gate's handler: it sees the answer as it came off the wire
        Binding binding = ((BindingProvider) port).getBinding();
        List<Handler> chain = new ArrayList<>(binding.getHandlerChain());
        chain.add(new InboundRecorder(wire));
        binding.setHandlerChain(chain);

        port.whoami(new WhoAmIRequest());

        assertThat(wire).singleElement().asString()
                .containsPattern("<(\\w+:)?whoamiResponse xmlns(:\\w+)?=\"urn:wssgate:example\">"
                        + "<principal>alice</principal><role>admin</role><role>partner</role><role>user</role></(\\w+:)?whoamiResponse>")
                .contains("SignatureConfirmation").contains("SignatureValue");
    }

    /** The same capabilities as the other examples: the example client's certificate, and a Body encrypted for the server. */
    @Test
    void x509CallerGetsTheMappedRoleAndAnEncryptedBodyIsDecrypted() throws Exception {
        ExampleRequests requests = new ExampleRequests(ExampleKeys.ensure(keysDir));
        byte[] encrypted = requests.x509EncryptedForTheServer();
        assertThat(new String(encrypted, StandardCharsets.UTF_8)).contains("EncryptedData").doesNotContain("<ex:whoami");

        for (byte[] request : List.of(requests.x509(), encrypted)) {
            HttpResponse<String> response = ExampleRequests.post(server.endpoint(), request);

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(response.body()).contains("<principal>" + ExampleKeys.CLIENT_DN + "</principal><role>partner</role>");
        }
    }

    @Test
    void unsecuredRequestIsRefusedWithTheWsSecurityFault() throws Exception {
        String unsecured = """
                <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">
                  <soap:Body><whoami xmlns="urn:wssgate:example"/></soap:Body>
                </soap:Envelope>""";
        HttpRequest request = HttpRequest.newBuilder(server.endpoint()).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "text/xml; charset=utf-8").header("SOAPAction", "\"\"")
                .POST(HttpRequest.BodyPublishers.ofString(unsecured)).build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("wsse:InvalidSecurity")
                .contains("<faultstring>An error was discovered processing the &lt;wsse:Security> header</faultstring>")
                .contains("CorrelationId")
                .doesNotContain("principal").doesNotContain("alice");
        assertThat(response.headers().firstValue("X-WSS-Gate-Correlation-Id")).isPresent();
    }

    @Test
    void theRunCommandPrintsPrincipalAndRoles() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        int status = JaxwsExample.run(keysDir, 0, false, new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertThat(status).isZero();
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("principal=alice roles=admin,partner,user");
    }

    /** Records each inbound SOAP message as text. */
    private record InboundRecorder(List<String> wire) implements SOAPHandler<SOAPMessageContext> {
        @Override
        public boolean handleMessage(SOAPMessageContext context) {
            if (!Boolean.TRUE.equals(context.get(MessageContext.MESSAGE_OUTBOUND_PROPERTY))) {
                try {
                    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                    context.getMessage().writeTo(bytes);
                    wire.add(bytes.toString(StandardCharsets.UTF_8));
                } catch (SOAPException | IOException e) {
                    throw new IllegalStateException(e);
                }
            }
            return true;
        }

        @Override
        public boolean handleFault(SOAPMessageContext context) {
            return handleMessage(context);
        }

        @Override
        public void close(MessageContext context) {
        }

        @Override
        public Set<QName> getHeaders() {
            return Set.of();
        }
    }
}
