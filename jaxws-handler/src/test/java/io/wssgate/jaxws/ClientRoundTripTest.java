package io.wssgate.jaxws;

import static io.wssgate.jaxws.RoundTripApp.CLIENT_DN;
import static io.wssgate.jaxws.RoundTripApp.SERVER_DN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wssgate.identity.WssPrincipal;
import io.wssgate.soap.SoapVersion;
import io.wssgate.testing.TestCrypto;
import io.wssgate.testing.TestMessages;
import io.wssgate.testing.Wss4jVerifier;
import org.apache.wss4j.dom.WSConstants;
import org.w3c.dom.Document;
import jakarta.xml.soap.SOAPException;
import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.WebServiceException;
import jakarta.xml.ws.handler.Handler;
import jakarta.xml.ws.handler.MessageContext;
import jakarta.xml.ws.handler.soap.SOAPHandler;
import jakarta.xml.ws.handler.soap.SOAPMessageContext;
import jakarta.xml.ws.soap.SOAPFaultException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.namespace.QName;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Metro client proxies secured with {@link WssGateClient} calling Metro endpoints secured with
 * {@link WssGateEndpoint}, over HTTP: requests signed by the client, responses signed by the
 * server and confirming the request's signature, each side validating the other; a client that
 * adds signed WS-Addressing headers, answered with a signed response that relates to its request.
 */
class ClientRoundTripTest {
    static final String WSA = "http://www.w3.org/2005/08/addressing";
    static RoundTripApp roundTrip;
    private int invocationsBefore;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        roundTrip = new RoundTripApp(dir);
    }

    @AfterAll
    static void stop() throws Exception {
        roundTrip.close();
    }

    @BeforeEach
    void countInvocations() {
        invocationsBefore = CallerReport.INVOCATIONS.get();
    }

    @Test
    void signedRequestAndSignedConfirmingResponse() throws Exception {
        WhoAmI port = WssGateClient.secure(roundTrip.port("/roundtrip", "RoundTripService", "RoundTripPort"),
                "client-policy");

        assertThat(port.whoami()).startsWith("principal=" + CLIENT_DN + ";admin=true;");
        // the response was validated too: who signed it is in the response context
        assertThat(((BindingProvider) port).getResponseContext().get(io.wssgate.InboundOutcome.Accepted.KEY))
                .isInstanceOfSatisfying(io.wssgate.InboundOutcome.Accepted.class, a -> assertThat(a.principal())
                        .isInstanceOfSatisfying(WssPrincipal.class, p -> assertThat(p.getName()).isEqualTo(SERVER_DN)));
        assertThat(port.echo("second call, new signature")).isEqualTo("second call, new signature");
    }

    @Test
    void saml2HolderOfKeyRequestAndASignedEncryptedConfirmingResponse() throws Exception {
        List<String> wire = new ArrayList<>();
        WhoAmI port = WssGateClient.secure(roundTrip.port("/roundtrip-saml", "SamlService", "SamlPort"), "saml-client");
        betweenClientAndWire(port, new WireRecorder(wire));

        // the endpoint sees the assertion's subject and the roles from its attribute
        assertThat(port.whoami()).startsWith("principal=alice;admin=true;clerk=true;nobody=false;");
        // the response was encrypted on the wire, and decrypted, verified and confirmed by the client
        assertThat(wire.get(1)).contains("EncryptedData").doesNotContain("principal=alice")
                .contains("SignatureConfirmation");
        assertThat(((BindingProvider) port).getResponseContext().get(io.wssgate.InboundOutcome.Accepted.KEY))
                .isInstanceOfSatisfying(io.wssgate.InboundOutcome.Accepted.class, a -> assertThat(a.principal())
                        .isInstanceOfSatisfying(WssPrincipal.class, p -> assertThat(p.getName()).isEqualTo(SERVER_DN)));
    }

    @Test
    void encryptedSaml2HolderOfKeyAssertionAndASignedConfirmingResponse() throws Exception {
        List<String> wire = new ArrayList<>();
        WhoAmI port = WssGateClient.secure(roundTrip.port("/roundtrip-encsaml", "EncryptedSamlService",
                "EncryptedSamlPort"), "encrypted-saml-client");
        betweenClientAndWire(port, new WireRecorder(wire));

        // the endpoint sees the decrypted assertion's subject and roles
        assertThat(port.whoami()).startsWith("principal=alice;admin=true;clerk=true;nobody=false;");
        // on the wire the assertion was only encrypted, the proof signature keyed to its ID
        assertThat(wire.get(0)).contains("EncryptedAssertion")
                .contains("http://docs.oasis-open.org/wss/oasis-wss-saml-token-profile-1.1#SAMLID")
                .doesNotContain("AttributeValue").doesNotContain(">alice<");
        assertThat(CallerReport.INVOCATIONS.get()).isEqualTo(invocationsBefore + 1);
        assertThat(((BindingProvider) port).getResponseContext().get(io.wssgate.InboundOutcome.Accepted.KEY))
                .isInstanceOfSatisfying(io.wssgate.InboundOutcome.Accepted.class, a -> assertThat(a.principal())
                        .isInstanceOfSatisfying(WssPrincipal.class, p -> assertThat(p.getName()).isEqualTo(SERVER_DN)));
    }

    @Test
    void requestTamperedInTransitIsRejectedAndTheEndpointNeverRuns() throws Exception {
        WhoAmI port = WssGateClient.secure(roundTrip.port("/roundtrip", "RoundTripService", "RoundTripPort"),
                "client-policy");
        betweenClientAndWire(port, new RequestTamperer());

        // the server's refusal is an unsigned WS-Security fault, which the client cannot trust either
        assertThatThrownBy(() -> port.echo("pay 10")).isInstanceOf(WebServiceException.class)
                .hasMessageStartingWith("WS-Security response rejected: wsse:");
        assertThat(CallerReport.INVOCATIONS.get()).isEqualTo(invocationsBefore);
    }

    @Test
    void unsignedResponseIsRejected() throws Exception {
        WhoAmI port = WssGateClient.secure(roundTrip.port("/roundtrip-plain", "PlainService", "PlainPort"),
                "client-policy");

        assertThatThrownBy(port::whoami).isInstanceOf(WebServiceException.class)
                .hasMessageMatching("WS-Security response rejected: wsse:[A-Za-z]+ \\(correlation id [0-9a-f-]{36}\\)");
        // the endpoint did run: it is the unsecured answer that the client refuses
        assertThat(CallerReport.INVOCATIONS.get()).isEqualTo(invocationsBefore + 1);
    }

    @Test
    void endpointsFaultIsSignedAndReachesTheApplication() throws Exception {
        WhoAmI port = WssGateClient.secure(roundTrip.port("/roundtrip", "RoundTripService", "RoundTripPort"),
                "client-policy");

        // a signed fault passes validation and reaches the caller as the endpoint's own fault
        assertThatThrownBy(() -> port.echo("refuse me")).isInstanceOfSatisfying(SOAPFaultException.class,
                e -> assertThat(e.getFault().getFaultString()).isEqualTo("refused: refuse me"));
    }

    @Test
    void soap12RoundTrip() throws Exception {
        WhoAmI port = WssGateClient.secure(roundTrip.port("/roundtrip12", "RoundTrip12Service", "RoundTrip12Port"),
                "client-policy");

        assertThat(port.whoami()).startsWith("principal=" + CLIENT_DN + ";");
    }

    @Test
    void annotatedPortField() throws Exception {
        Caller caller = WssGateClient.secureAnnotated(
                new Caller(roundTrip.port("/roundtrip", "RoundTripService", "RoundTripPort")));

        assertThat(caller.orders.whoami()).startsWith("principal=" + CLIENT_DN + ";");
    }

    @Test
    void responseTamperedInTransitIsRejected() throws Exception {
        WhoAmI port = WssGateClient.secure(roundTrip.port("/roundtrip", "RoundTripService", "RoundTripPort"),
                "client-policy");
        betweenClientAndWire(port, new ResponseTamperer());

        assertThatThrownBy(port::whoami).isInstanceOf(WebServiceException.class)
                .hasMessageMatching("WS-Security response rejected: wsse:FailedCheck \\(correlation id [0-9a-f-]{36}\\)");
    }

    @Test
    void responseReplayedAgainstAnotherRequestIsRejected() throws Exception {
        // validly signed and fresh, but it confirms the first request's signature, not the second's
        WhoAmI port = WssGateClient.secure(roundTrip.port("/roundtrip", "RoundTripService", "RoundTripPort"),
                "client-without-replay-cache");
        betweenClientAndWire(port, new ResponseReplayer());
        assertThat(port.echo("first")).isEqualTo("first");

        assertThatThrownBy(() -> port.echo("second")).isInstanceOf(WebServiceException.class)
                .hasMessageStartingWith("WS-Security response rejected: wsse:FailedCheck");
    }

    @Test
    void serversUnsignedFaultIsRejectedToo() throws Exception {
        // the server refuses mallory's request with its (unsigned) WS-Security fault; nothing
        // proves who wrote that fault, so the client refuses it like any unsigned response
        WhoAmI port = WssGateClient.secure(roundTrip.port("/roundtrip", "RoundTripService", "RoundTripPort"),
                "untrusted-client");

        assertThatThrownBy(port::whoami).isInstanceOf(WebServiceException.class)
                .hasMessageStartingWith("WS-Security response rejected: wsse:");
        assertThat(CallerReport.INVOCATIONS.get()).isEqualTo(invocationsBefore);
    }

    @Test
    void requestThatCannotBeSecuredIsNeverSent() throws Exception {
        // "propagated" needs the assertion of a caller being served; this thread serves nobody
        WhoAmI port = WssGateClient.secure(roundTrip.port("/roundtrip", "RoundTripService", "RoundTripPort"),
                "propagating-client");

        assertThatThrownBy(port::whoami).isInstanceOf(WebServiceException.class)
                .hasMessageContaining("WS-Security policy 'propagating-client' could not secure the request, so it was not sent");
        assertThat(CallerReport.INVOCATIONS.get()).isEqualTo(invocationsBefore);
    }

    @Test
    void addressedRequestAndASignedResponseThatRelatesToIt() throws Exception {
        AddressedExchange exchange = addressedExchange("/roundtrip-wsa", "AddressedService", "AddressedPort");

        // the endpoint requires signed wsa:To, wsa:Action and wsa:MessageID: it ran, so they were there
        assertThat(addressing(exchange.request(), "To")).isEqualTo(
                ((BindingProvider) exchange.port()).getRequestContext().get(BindingProvider.ENDPOINT_ADDRESS_PROPERTY));
        assertThat(addressing(exchange.request(), "Action")).as("the client operation's addressing action")
                .isEqualTo(RoundTripApp.WHOAMI_ACTION);
        assertThat(addressing(exchange.response().document(), "RelatesTo"))
                .isEqualTo(addressing(exchange.request(), "MessageID"));
        assertThat(addressing(exchange.response().document(), "Action"))
                .isEqualTo("urn:wssgate:test:jaxws/WhoAmI/whoamiResponse");
        assertThat(exchange.response().signedElements(WSConstants.SIGN)).contains(new QName(WSA, "RelatesTo"),
                new QName(WSA, "Action"), new QName(WSA, "MessageID"));
    }

    @Test
    void anEndpointWithMetrosAddressingSignsTheAddressingHeadersMetroWrites() throws Exception {
        AddressedExchange exchange = addressedExchange("/roundtrip-metro-wsa", "MetroAddressedService",
                "MetroAddressedPort");

        Document response = exchange.response().document();
        // one of each: WSS Gate keeps the headers Metro wrote instead of adding its own, and signs them
        assertThat(response.getElementsByTagNameNS(WSA, "RelatesTo").getLength()).isEqualTo(1);
        assertThat(response.getElementsByTagNameNS(WSA, "Action").getLength()).isEqualTo(1);
        assertThat(addressing(response, "RelatesTo")).isEqualTo(addressing(exchange.request(), "MessageID"));
        assertThat(exchange.response().signedElements(WSConstants.SIGN)).contains(new QName(WSA, "RelatesTo"),
                new QName(WSA, "Action"), new QName(WSA, "MessageID"));
    }

    /** A port secured with the addressing client policy, its whoami answered, and both messages as they went. */
    private record AddressedExchange(WhoAmI port, Document request, Wss4jVerifier.Outcome response) {
    }

    private AddressedExchange addressedExchange(String path, String service, String portName) throws Exception {
        List<String> wire = new ArrayList<>();
        WhoAmI port = WssGateClient.secure(roundTrip.port(path, service, portName), "addressing-client");
        betweenClientAndWire(port, new WireRecorder(wire));

        assertThat(port.whoami()).startsWith("principal=" + CLIENT_DN + ";");

        Document request = TestMessages.parse(wire.get(0).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Wss4jVerifier.Outcome response = new Wss4jVerifier(TestCrypto.trusting(roundTrip.keys.ca().certificate()),
                java.util.Map.of()).process(wire.get(1).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return new AddressedExchange(port, request, response);
    }

    @Test
    void aClientWithoutAddressingIsRefusedWhereTheEndpointRequiresIt() throws Exception {
        WhoAmI port = WssGateClient.secure(roundTrip.port("/roundtrip-wsa", "AddressedService", "AddressedPort"),
                "client-policy");

        assertThatThrownBy(port::whoami).isInstanceOf(WebServiceException.class)
                .hasMessageStartingWith("WS-Security response rejected: wsse:");
        assertThat(CallerReport.INVOCATIONS.get()).isEqualTo(invocationsBefore);
    }

    private static String addressing(Document document, String localName) {
        return document.getElementsByTagNameNS(WSA, localName).item(0).getTextContent();
    }

    /** Puts {@code handler} after WSS Gate's, i.e. between it and the wire. */
    @SuppressWarnings("rawtypes")
    private static void betweenClientAndWire(WhoAmI port, Handler handler) {
        jakarta.xml.ws.Binding binding = ((BindingProvider) port).getBinding();
        List<Handler> chain = new ArrayList<>(binding.getHandlerChain());
        chain.add(handler);
        binding.setHandlerChain(chain);
    }

    /** An application class holding a port, secured by annotation. */
    static final class Caller {
        @WssGateClient.Secured(policy = "client-policy")
        final WhoAmI orders;

        Caller(WhoAmI orders) {
            this.orders = orders;
        }
    }

    /** A man in the middle: records the first response and hands it back for every later request. */
    private static final class ResponseReplayer extends PassThrough {
        private byte[] first;

        @Override
        public boolean handleMessage(SOAPMessageContext context) {
            if (!Boolean.TRUE.equals(context.get(MessageContext.MESSAGE_OUTBOUND_PROPERTY))) {
                try {
                    if (first == null) {
                        first = SoapMessages.toBytes(context.getMessage());
                    } else {
                        context.setMessage(SoapMessages.fromBytes(first, SoapVersion.SOAP_11));
                    }
                } catch (SOAPException | IOException e) {
                    throw new IllegalStateException(e);
                }
            }
            return true;
        }
    }

    /** Records each message as it crosses the wire (after WSS Gate's handler on the way out, before it on the way in). */
    private static final class WireRecorder extends PassThrough {
        private final List<String> wire;

        WireRecorder(List<String> wire) {
            this.wire = wire;
        }

        @Override
        public boolean handleMessage(SOAPMessageContext context) {
            try {
                wire.add(new String(SoapMessages.toBytes(context.getMessage()), java.nio.charset.StandardCharsets.UTF_8));
            } catch (SOAPException | IOException e) {
                throw new IllegalStateException(e);
            }
            return true;
        }
    }

    /** A man in the middle: changes the signed request text on its way to the server. */
    private static final class RequestTamperer extends PassThrough {
        @Override
        public boolean handleMessage(SOAPMessageContext context) {
            if (Boolean.TRUE.equals(context.get(MessageContext.MESSAGE_OUTBOUND_PROPERTY))) {
                try {
                    var text = context.getMessage().getSOAPBody().getElementsByTagName("text").item(0);
                    text.setTextContent("pay 10000");
                    context.getMessage().saveChanges();
                } catch (SOAPException e) {
                    throw new IllegalStateException(e);
                }
            }
            return true;
        }
    }

    /** A man in the middle: changes the text the endpoint returned before the client sees it. */
    private static final class ResponseTamperer extends PassThrough {
        @Override
        public boolean handleMessage(SOAPMessageContext context) {
            if (!Boolean.TRUE.equals(context.get(MessageContext.MESSAGE_OUTBOUND_PROPERTY))) {
                try {
                    var returned = context.getMessage().getSOAPBody().getElementsByTagName("return").item(0);
                    returned.setTextContent("principal=someone-else");
                    context.getMessage().saveChanges();
                } catch (SOAPException e) {
                    throw new IllegalStateException(e);
                }
            }
            return true;
        }
    }

    /** Handler boilerplate for the men in the middle. */
    private abstract static class PassThrough implements SOAPHandler<SOAPMessageContext> {
        @Override
        public boolean handleFault(SOAPMessageContext context) {
            return true;
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
