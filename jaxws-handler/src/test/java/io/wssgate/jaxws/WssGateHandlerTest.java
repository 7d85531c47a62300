package io.wssgate.jaxws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wssgate.PolicyRuntime;
import io.wssgate.WssGate;
import io.wssgate.config.load.ConfigLoader;
import io.wssgate.config.load.VariableResolver;
import io.wssgate.identity.CurrentCaller;
import io.wssgate.identity.WssPrincipal;
import io.wssgate.soap.SoapVersion;
import io.wssgate.testing.KeyIdType;
import io.wssgate.testing.TestKeys;
import io.wssgate.testing.TestMessages;
import jakarta.xml.soap.SOAPMessage;
import jakarta.xml.ws.Binding;
import jakarta.xml.ws.WebServiceException;
import jakarta.xml.ws.handler.Handler;
import jakarta.xml.ws.handler.MessageContext;
import jakarta.xml.ws.handler.soap.SOAPHandler;
import jakarta.xml.ws.handler.soap.SOAPMessageContext;
import jakarta.xml.ws.soap.SOAPFaultException;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.namespace.QName;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The handler on its own, driven the way any JAX-WS runtime drives it: what it leaves in the
 * context, when the caller is current, and where it sits in a handler chain.
 */
class WssGateHandlerTest {
    static final TestKeys KEYS = TestKeys.create();
    static final TestKeys.Identity CLIENT = KEYS.issue("client");
    static PolicyRuntime policy;

    @BeforeAll
    static void gate(@TempDir Path dir) throws Exception {
        Path ca = TestKeys.writePem(dir.resolve("ca.pem"), KEYS.ca().certificate());
        policy = WssGate.create(ConfigLoader.fromYaml(new StringReader("""
                policies:
                  partner:
                    paths: [/orders]
                    trust:
                      certificates: [%s]
                """.formatted(ca)), dir, VariableResolver.system())).policy("partner").orElseThrow();
    }

    @AfterEach
    void nothingLeaks() {
        assertThat(CurrentCaller.get()).as("no caller left current on the test thread").isEmpty();
    }

    @Test
    void acceptedRequestCarriesTheCallerToTheApplicationUntilTheResponse() throws Exception {
        WssGateHandler handler = new WssGateHandler(policy, WssGateHandler.Role.ENDPOINT);
        MapMessageContext context = inbound(signedRequest());

        assertThat(handler.handleMessage(context)).isTrue();

        assertThat(WssGateHandler.accepted(context)).map(a -> a.principal()).hasValueSatisfying(
                p -> assertThat(p.getName()).isEqualTo("CN=client,O=WSS Gate Test,C=DE"));
        assertThat(WssGateHandler.accepted(context)).map(a -> a.caller()).isPresent();
        assertThat(context.getScope(io.wssgate.InboundOutcome.Accepted.KEY)).isEqualTo(MessageContext.Scope.APPLICATION);
        assertThat(CurrentCaller.get()).map(c -> c.principal().getName()).contains("CN=client,O=WSS Gate Test,C=DE");

        context.direction(true);
        context.setMessage(SoapMessages.fromBytes(TestMessages.soap11().build(), SoapVersion.SOAP_11));
        assertThat(handler.handleMessage(context)).isTrue();
        assertThat(CurrentCaller.get()).isEmpty();
        handler.close(context);
    }

    @Test
    void closeEndsTheCallerWhenNoResponsePassesTheHandler() throws Exception {
        // e.g. a one-way request, or an exchange the runtime aborted after the endpoint ran
        WssGateHandler handler = new WssGateHandler(policy, WssGateHandler.Role.ENDPOINT);
        MapMessageContext context = inbound(signedRequest());
        handler.handleMessage(context);
        assertThat(CurrentCaller.get()).isPresent();

        handler.close(context);

        assertThat(CurrentCaller.get()).isEmpty();
    }

    @Test
    void rejectedRequestThrowsWithTheCoresFaultAsTheMessage() throws Exception {
        WssGateHandler handler = new WssGateHandler(policy, WssGateHandler.Role.ENDPOINT);
        MapMessageContext context = inbound(TestMessages.tamperBody(signedRequest()));

        assertThatThrownBy(() -> handler.handleMessage(context)).isInstanceOfSatisfying(SOAPFaultException.class,
                e -> assertThat(e.getFault().getFaultCodeAsQName()).isEqualTo(
                        new QName("http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd",
                                "FailedCheck")));

        assertThat(context.getMessage().getSOAPBody().getFault().getFaultString())
                .isEqualTo("The signature or decryption was invalid");
        assertThat(context.get(MessageContext.HTTP_RESPONSE_HEADERS)).asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsKey("X-WSS-Gate-Correlation-Id");
        assertThat(context).doesNotContainKey(io.wssgate.InboundOutcome.Accepted.KEY);
    }

    @Test
    void requestTheRuntimeCannotPresentIsRejectedWithTheCoresFaultInTheRequestsSoapVersion() throws Exception {
        // Metro builds its SAAJ view lazily and throws on some malformed envelopes (a Body nested in a header)
        WssGateHandler handler = new WssGateHandler(policy, WssGateHandler.Role.ENDPOINT);
        MapMessageContext context = new MapMessageContext(null, false) {
            private static final long serialVersionUID = 1L;
            private boolean unreadable = true;

            @Override
            public SOAPMessage getMessage() {
                if (unreadable) {
                    throw new NullPointerException("runtime internals");
                }
                return super.getMessage();
            }

            @Override
            public void setMessage(SOAPMessage message) {
                unreadable = false;
                super.setMessage(message);
            }
        };
        context.put(MessageContext.HTTP_REQUEST_HEADERS, Map.of("content-type", List.of("application/soap+xml")));

        assertThatThrownBy(() -> handler.handleMessage(context)).isInstanceOf(SOAPFaultException.class);

        assertThat(context.getMessage().getSOAPPart().getEnvelope().getNamespaceURI()).isEqualTo(TestMessages.SOAP12_NS);
        assertThat(context.getMessage().getSOAPBody().getFault().getFaultString())
                .isEqualTo("An error was discovered processing the <wsse:Security> header");
        assertThat(context).doesNotContainKey(io.wssgate.InboundOutcome.Accepted.KEY);
    }

    @Test
    void clientRejectsAnUnsignedResponseNamingTheCodeAndCorrelationId() throws Exception {
        WssGateHandler handler = new WssGateHandler(policy, WssGateHandler.Role.CLIENT);
        MapMessageContext context = inbound(TestMessages.soap11().build());

        assertThatThrownBy(() -> handler.handleMessage(context)).isInstanceOf(WebServiceException.class)
                .hasMessageMatching("WS-Security response rejected: wsse:InvalidSecurity \\(correlation id [0-9a-f-]{36}\\)");
    }

    @Test
    void clientPolicyWithoutOutboundSectionSendsRequestsAsTheyAre() throws Exception {
        WssGateHandler handler = new WssGateHandler(policy, WssGateHandler.Role.CLIENT);
        SOAPMessage request = SoapMessages.fromBytes(TestMessages.soap11().build(), SoapVersion.SOAP_11);
        MapMessageContext context = new MapMessageContext(request, true);

        assertThat(handler.handleMessage(context)).isTrue();

        assertThat(context.getMessage()).isSameAs(request);
    }

    @Test
    void understandsTheSecurityHeaderAndEncryptedHeaders() {
        assertThat(new WssGateHandler(policy, WssGateHandler.Role.ENDPOINT).getHeaders())
                .containsExactlyInAnyOrder(
                        new QName("http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd",
                                "Security"),
                        new QName("http://docs.oasis-open.org/wss/oasis-wss-wssecurity-secext-1.1.xsd", "EncryptedHeader"));
    }

    @Test
    @SuppressWarnings("rawtypes")
    void installsItselfNextToTheWireReplacingAnEarlierInstance() {
        Handler application = new PassThroughHandler();
        WssGateHandler earlier = new WssGateHandler(policy, WssGateHandler.Role.CLIENT);
        ListBinding binding = new ListBinding(List.of(earlier, application));
        WssGateHandler handler = new WssGateHandler(policy, WssGateHandler.Role.CLIENT);

        handler.installOn(binding);

        // last: inbound messages meet it first, outbound ones after every other handler
        assertThat(binding.getHandlerChain()).containsExactly(application, handler);
    }

    private static byte[] signedRequest() {
        return TestMessages.soap11().timestamp(Duration.ofMinutes(5)).signWith(CLIENT, KeyIdType.BST).build();
    }

    private static MapMessageContext inbound(byte[] message) throws Exception {
        return new MapMessageContext(SoapMessages.fromBytes(message, SoapVersion.SOAP_11), false);
    }

    private static final class PassThroughHandler implements SOAPHandler<SOAPMessageContext> {
        @Override
        public boolean handleMessage(SOAPMessageContext context) {
            return true;
        }

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

    @SuppressWarnings("rawtypes")
    private static final class ListBinding implements Binding {
        private List<Handler> chain;

        ListBinding(List<Handler> chain) {
            this.chain = new ArrayList<>(chain);
        }

        @Override
        public List<Handler> getHandlerChain() {
            return new ArrayList<>(chain);
        }

        @Override
        public void setHandlerChain(List<Handler> chain) {
            this.chain = new ArrayList<>(chain);
        }

        @Override
        public String getBindingID() {
            return "test";
        }
    }
}
