package io.wssgate.jaxws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.wssgate.InboundOutcome;
import io.wssgate.PolicyRuntime;
import io.wssgate.WssGate;
import io.wssgate.config.load.ConfigLoader;
import io.wssgate.config.load.VariableResolver;
import io.wssgate.identity.CurrentCaller;
import io.wssgate.soap.SoapVersion;
import io.wssgate.testing.KeyIdType;
import io.wssgate.testing.TestKeys;
import io.wssgate.testing.TestMessages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.xml.ws.handler.MessageContext;
import jakarta.xml.ws.soap.SOAPFaultException;
import java.io.StringReader;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The handler on a runtime without WSS Gate's Metro codec (it validates the message as the
 * runtime parsed it): the SOAPAction it compares with the signed payload comes from the
 * runtime's HTTP request headers ({@link MessageContext#HTTP_REQUEST_HEADERS}), or from the
 * servlet request when the runtime exposes one; a disagreement is refused before the endpoint
 * runs, an agreement names the operation in the accepted request.
 */
class HandlerOperationsTest {
    static final TestKeys KEYS = TestKeys.create();
    static final TestKeys.Identity CLIENT = KEYS.issue("client");
    static final String ORDER = "<o:submitOrder xmlns:o=\"urn:example:orders\"/>";
    static PolicyRuntime policy;

    @BeforeAll
    static void gate(@TempDir Path dir) throws Exception {
        Path ca = TestKeys.writePem(dir.resolve("ca.pem"), KEYS.ca().certificate());
        policy = WssGate.create(ConfigLoader.fromYaml(new StringReader("""
                policies:
                  orders:
                    paths: [/orders]
                    trust: { certificates: [%s] }
                    operations:
                      status:
                        payload-roots: ["{urn:example:orders}getStatus"]
                        soap-actions: [urn:example:orders:getStatus]
                      submit:
                        payload-roots: ["{urn:example:orders}submitOrder"]
                        soap-actions: [urn:example:orders:submitOrder]
                """.formatted(ca)), dir, VariableResolver.system())).policy("orders").orElseThrow();
    }

    @AfterEach
    void nothingLeaks() {
        assertThat(CurrentCaller.get()).isEmpty();
    }

    @Test
    void aSoapActionInTheRuntimesHeadersThatDisagreesWithTheSignedPayloadIsRefused() throws Exception {
        MapMessageContext context = inbound();
        context.put(MessageContext.HTTP_REQUEST_HEADERS, Map.of("soapaction", List.of("\"urn:example:orders:getStatus\"")));

        SOAPFaultException fault = catchThrowableOfType(SOAPFaultException.class,
                () -> new WssGateHandler(policy, WssGateHandler.Role.ENDPOINT).handleMessage(context));

        assertThat(fault.getFault().getFaultCodeAsQName().getLocalPart()).isEqualTo("FailedCheck");
        assertThat(WssGateHandler.accepted(context)).isEmpty();
    }

    @Test
    void anAgreeingSoapActionFromTheServletRequestNamesTheOperation() throws Exception {
        MapMessageContext context = inbound();
        context.put(MessageContext.SERVLET_REQUEST, servletRequest("\"urn:example:orders:submitOrder\""));
        WssGateHandler handler = new WssGateHandler(policy, WssGateHandler.Role.ENDPOINT);

        assertThat(handler.handleMessage(context)).isTrue();

        assertThat(WssGateHandler.accepted(context)).map(InboundOutcome.Accepted::operation).contains(
                java.util.Optional.of("submit"));
        handler.close(context);
    }

    @Test
    void aServletRequestNamingAnotherOperationIsRefused() throws Exception {
        MapMessageContext context = inbound();
        context.put(MessageContext.SERVLET_REQUEST, servletRequest("urn:example:orders:getStatus"));

        SOAPFaultException fault = catchThrowableOfType(SOAPFaultException.class,
                () -> new WssGateHandler(policy, WssGateHandler.Role.ENDPOINT).handleMessage(context));

        assertThat(fault.getFault().getFaultCodeAsQName().getLocalPart()).isEqualTo("FailedCheck");
    }

    private static MapMessageContext inbound() throws Exception {
        byte[] message = TestMessages.soap11(ORDER).timestamp(Duration.ofMinutes(5)).signWith(CLIENT, KeyIdType.BST)
                .build();
        return new MapMessageContext(SoapMessages.fromBytes(message, SoapVersion.SOAP_11), false);
    }

    /** The few calls the handler makes on the servlet request a runtime exposes. */
    private static HttpServletRequest servletRequest(String soapAction) {
        return (HttpServletRequest) Proxy.newProxyInstance(HandlerOperationsTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getRequestURL" -> new StringBuffer("http://localhost/orders");
                    case "getRemoteAddr" -> "127.0.0.1";
                    case "getContentType" -> "text/xml; charset=UTF-8";
                    case "getHeader" -> "SOAPAction".equalsIgnoreCase((String) args[0]) ? soapAction : null;
                    default -> null;
                });
    }
}
