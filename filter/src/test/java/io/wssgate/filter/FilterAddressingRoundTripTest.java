package io.wssgate.filter;

import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.InboundOutcome;
import io.wssgate.PolicyRuntime;
import io.wssgate.WssGate;
import io.wssgate.config.load.ConfigLoader;
import io.wssgate.config.load.VariableResolver;
import io.wssgate.exchange.ClientCall;
import io.wssgate.fault.FaultCode;
import io.wssgate.soap.Delivery;
import io.wssgate.testing.KeyIdType;
import io.wssgate.testing.MessageBuilder;
import io.wssgate.testing.TestCrypto;
import io.wssgate.testing.TestKeys;
import io.wssgate.testing.TestMessages;
import io.wssgate.testing.Wss4jVerifier;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.xml.namespace.QName;
import org.apache.wss4j.dom.WSConstants;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * WS-Addressing both ways over HTTP through the filter: a request that used WS-Addressing gets a
 * response whose wsa:RelatesTo names its MessageID and whose wsa:Action answers its operation,
 * signed with the response (an independent WSS4J engine verifies it); a request without it gets
 * none. WSS Gate's own client adds signed wsa:MessageID, wsa:To and wsa:Action to its requests
 * (accepted by a service that requires them), and refuses a response that relates to another
 * message.
 */
class FilterAddressingRoundTripTest {
    static final String WSA = "http://www.w3.org/2005/08/addressing";
    static final String ECHO_ACTION = "urn:wssgate:test/Orders/echoRequest";
    static final TestKeys KEYS = TestKeys.create();
    static final TestKeys.Identity CLIENT = KEYS.issue("client");
    static final TestKeys.Identity SERVER = KEYS.issue("server");
    /** What an application hands its client before WSS Gate secures it. */
    static final byte[] PLAIN_REQUEST = ("<soap:Envelope xmlns:soap=\"" + TestMessages.SOAP11_NS + "\"><soap:Body>"
            + TestMessages.DEFAULT_BODY + "</soap:Body></soap:Envelope>").getBytes(StandardCharsets.UTF_8);
    static JettyWebApp app;
    static WssGate clientGate;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        Path ca = TestKeys.writePem(dir.resolve("ca.pem"), KEYS.ca().certificate());
        Path serverKey = TestKeys.writePkcs8Pem(dir.resolve("server-key.pem"), SERVER.privateKey());
        Path serverCert = TestKeys.writePem(dir.resolve("server.pem"), SERVER.certificate());
        Path clientKey = TestKeys.writePkcs8Pem(dir.resolve("client-key.pem"), CLIENT.privateKey());
        Path clientCert = TestKeys.writePem(dir.resolve("client.pem"), CLIENT.certificate());
        String operations = """
                    operations:
                      echo:
                        payload-roots: ["{urn:wssgate:test}echo"]
                        addressing-actions: [%s]
                      submit:
                        payload-roots: ["{urn:wssgate:test}submit"]
                        addressing-actions: [urn:wssgate:test/Orders/submitRequest]
                        response-action: urn:wssgate:test/Orders/submitAccepted
                """.formatted(ECHO_ACTION);
        Path config = Files.writeString(dir.resolve("wssgate.yaml"), """
                policies:
                  orders:
                    paths: [/orders/*]
                    trust: { certificates: [%1$s] }
                    addressing: { required: true }
                %4$s    outbound:
                      timestamp: { ttl: 5m }
                      signature: { key: { private-key: %2$s, certificate: %3$s } }
                  plain:
                    paths: [/plain/*]
                    trust: { certificates: [%1$s] }
                    outbound:
                      timestamp: { ttl: 5m }
                      signature: { key: { private-key: %2$s, certificate: %3$s } }
                  orders-client:
                    paths: [/not-served]
                    trust: { certificates: [%1$s] }
                %4$s    outbound:
                      timestamp: { ttl: 5m }
                      signature: { key: { private-key: %5$s, certificate: %6$s } }
                      addressing: { enabled: true }
                """.formatted(ca, serverKey, serverCert, operations, clientKey, clientCert));
        app = JettyWebApp.start(dir, Map.of("config-file", config.toString()), SoapResponderServlet.class);
        clientGate = WssGate.create(ConfigLoader.fromYaml(config, VariableResolver.system()));
    }

    @AfterAll
    static void stop() throws Exception {
        app.close();
        clientGate.close();
    }

    @Test
    void theResponseRelatesToTheRequestAndAnswersItsActionSigned() throws Exception {
        String messageId = "urn:uuid:" + UUID.randomUUID();
        byte[] request = addressed(TestMessages.soap11(), app.uri("/orders/echo").toString(), ECHO_ACTION, messageId);

        HttpResponse<byte[]> response = app.post("/orders/echo", request, SecuredApp.SOAP11);

        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        Wss4jVerifier.Outcome verified = verify(response.body());
        assertThat(header(verified.document(), "RelatesTo")).isEqualTo(messageId);
        assertThat(header(verified.document(), "Action")).isEqualTo("urn:wssgate:test/Orders/echoResponse");
        assertThat(header(verified.document(), "MessageID")).startsWith("urn:uuid:").isNotEqualTo(messageId);
        assertThat(verified.signedElements(WSConstants.SIGN))
                .contains(new QName(WSA, "RelatesTo"), new QName(WSA, "Action"), new QName(WSA, "MessageID"));
    }

    @Test
    void anOperationsConfiguredResponseActionIsTheResponsesAction() throws Exception {
        byte[] request = addressed(TestMessages.soap11("<ns:submit xmlns:ns=\"urn:wssgate:test\"/>"),
                app.uri("/orders/submit").toString(), "urn:wssgate:test/Orders/submitRequest", "urn:uuid:" + UUID.randomUUID());

        HttpResponse<byte[]> response = app.post("/orders/submit", request, SecuredApp.SOAP11);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(header(verify(response.body()).document(), "Action")).isEqualTo("urn:wssgate:test/Orders/submitAccepted");
    }

    @Test
    void aRequestWithoutAddressingGetsAResponseWithout() throws Exception {
        byte[] request = TestMessages.soap11().timestamp(Duration.ofMinutes(5)).signWith(CLIENT, KeyIdType.BST).build();

        HttpResponse<byte[]> response = app.post("/plain/echo", request, SecuredApp.SOAP11);

        assertThat(response.statusCode()).isEqualTo(200);
        Document document = verify(response.body()).document();
        assertThat(document.getElementsByTagNameNS(WSA, "*").getLength()).isZero();
    }

    @Test
    void ourClientAddsSignedAddressingHeadersAServiceRequiringThemAccepts() throws Exception {
        ClientCall call = new ClientCall(clientPolicy());
        String endpoint = app.uri("/orders/echo").toString();
        byte[] request = call.secureRequest(PLAIN_REQUEST,
                new Delivery(Optional.of(endpoint), Optional.empty(), List.of()));

        Document sent = TestMessages.parse(request);
        assertThat(header(sent, "To")).isEqualTo(endpoint);
        assertThat(header(sent, "Action")).as("the operation's addressing action").isEqualTo(ECHO_ACTION);
        assertThat(verify(request).signedElements(WSConstants.SIGN))
                .contains(new QName(WSA, "To"), new QName(WSA, "Action"), new QName(WSA, "MessageID"));

        HttpResponse<byte[]> response = app.post("/orders/echo", request, SecuredApp.SOAP11);

        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        InboundOutcome outcome = call.acceptResponse(response.body(), SecuredApp.SOAP11);
        assertThat(outcome).isInstanceOf(InboundOutcome.Accepted.class);
        assertThat(header(TestMessages.parse(response.body()), "RelatesTo")).isEqualTo(header(sent, "MessageID"));
    }

    @Test
    void ourClientRefusesAResponseThatRelatesToAnotherMessage() throws Exception {
        ClientCall call = new ClientCall(clientPolicy());
        byte[] request = call.secureRequest(PLAIN_REQUEST,
                new Delivery(Optional.of(app.uri("/orders/echo").toString()), Optional.empty(), List.of()));
        String sentId = header(TestMessages.parse(request), "MessageID");

        InboundOutcome other = call.acceptResponse(signedResponse("urn:uuid:" + UUID.randomUUID()), SecuredApp.SOAP11);
        InboundOutcome ours = new ClientCall(clientPolicy()).acceptResponse(signedResponse(sentId), SecuredApp.SOAP11);

        assertThat(other).isInstanceOfSatisfying(InboundOutcome.Rejected.class,
                r -> assertThat(r.code()).isEqualTo(FaultCode.FAILED_CHECK));
        assertThat(ours).as("a call that sent no MessageID checks no RelatesTo").isInstanceOf(InboundOutcome.Accepted.class);
        assertThat(call.acceptResponse(signedResponse(sentId), SecuredApp.SOAP11))
                .isInstanceOf(InboundOutcome.Accepted.class);
    }

    private static PolicyRuntime clientPolicy() {
        return clientGate.policy("orders-client").orElseThrow();
    }

    /** A response signed by the server that relates itself to {@code relatesTo}. */
    private static byte[] signedResponse(String relatesTo) {
        return TestMessages.soap11("<r:echoResponse xmlns:r=\"urn:wssgate:test\"/>").timestamp(Duration.ofMinutes(5))
                .header("<wsa:RelatesTo xmlns:wsa=\"" + WSA + "\">" + relatesTo + "</wsa:RelatesTo>")
                .signHeader(new QName(WSA, "RelatesTo")).signWith(SERVER, KeyIdType.BST).build();
    }

    private static byte[] addressed(MessageBuilder builder, String to, String action, String messageId) {
        for (String[] h : new String[][] {{"To", to}, {"Action", action}, {"MessageID", messageId}}) {
            builder.header("<wsa:" + h[0] + " xmlns:wsa=\"" + WSA + "\">" + h[1] + "</wsa:" + h[0] + ">")
                    .signHeader(new QName(WSA, h[0]));
        }
        return builder.timestamp(Duration.ofMinutes(5)).signWith(CLIENT, KeyIdType.BST).build();
    }

    private static Wss4jVerifier.Outcome verify(byte[] message) throws Exception {
        return new Wss4jVerifier(TestCrypto.trusting(KEYS.ca().certificate()), Map.of()).process(message);
    }

    private static String header(Document document, String localName) {
        return document.getElementsByTagNameNS(WSA, localName).item(0).getTextContent();
    }
}
