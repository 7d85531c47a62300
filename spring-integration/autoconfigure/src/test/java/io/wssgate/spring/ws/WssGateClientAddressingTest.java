package io.wssgate.spring.ws;

import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.spring.GateFixture;
import io.wssgate.testing.TestCrypto;
import io.wssgate.testing.TestMessages;
import io.wssgate.testing.Wss4jVerifier;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import javax.xml.namespace.QName;
import org.apache.wss4j.dom.WSConstants;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.ws.client.core.WebServiceTemplate;
import org.springframework.ws.client.support.interceptor.ClientInterceptor;
import org.springframework.ws.context.MessageContext;
import org.springframework.ws.soap.client.core.SoapActionCallback;
import org.springframework.xml.transform.StringResult;
import org.springframework.xml.transform.StringSource;
import org.w3c.dom.Document;

/**
 * A {@code WebServiceTemplate} whose client policy adds WS-Addressing headers
 * ({@code outbound.addressing}), over HTTP to a secured service: the request leaves with
 * wsa:To the template's URI, wsa:Action its SOAPAction and a fresh wsa:MessageID, all signed
 * with the request, and the service accepts it.
 */
class WssGateClientAddressingTest {
    static final String WSA = "http://www.w3.org/2005/08/addressing";
    static final String ACTION = "urn:wssgate:test:echo";
    static GateFixture fx;
    static SecuredSoapServer service;
    static WssGateSpringWs springWs;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        fx = new GateFixture(dir, """
                  addressing-client:
                    paths: [/addressing-client/*]
                    trust: { certificates: [%1$s] }
                    outbound:
                      timestamp: { ttl: 5m }
                      signature: { key: { private-key: %2$s, certificate: %3$s } }
                      signature-confirmation: true
                      addressing: { enabled: true }
                """.formatted(dir.resolve("ca.pem"), dir.resolve("client-key.pem"), dir.resolve("client.pem")));
        service = new SecuredSoapServer(fx.gate.policy("server").orElseThrow());
        springWs = new WssGateSpringWs(fx.gate);
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void theRequestCarriesSignedAddressingHeadersFromTheTemplatesUriAndSoapAction() throws Exception {
        AtomicReference<byte[]> sent = new AtomicReference<>();
        WebServiceTemplate template = new WebServiceTemplate();
        template.setDefaultUri(service.uri().toString());
        // requests pass the interceptors in order: the recorder sees what WSS Gate secured
        template.setInterceptors(new ClientInterceptor[] {springWs.interceptor("addressing-client"), recorder(sent)});

        StringResult result = new StringResult();
        template.sendSourceAndReceiveToResult(new StringSource(WssGateClientInterceptorTest.REQUEST),
                new SoapActionCallback(ACTION), result);

        assertThat(result.toString()).contains("hello CN=client,O=WSS Gate Test,C=DE");
        Document request = TestMessages.parse(sent.get());
        assertThat(header(request, "To")).isEqualTo(service.uri().toString());
        assertThat(header(request, "Action")).isEqualTo(ACTION);
        assertThat(header(request, "MessageID")).startsWith("urn:uuid:");
        Wss4jVerifier.Outcome verified = new Wss4jVerifier(TestCrypto.trusting(fx.keys.ca().certificate()), Map.of())
                .process(sent.get());
        assertThat(verified.signedElements(WSConstants.SIGN))
                .contains(new QName(WSA, "To"), new QName(WSA, "Action"), new QName(WSA, "MessageID"));
    }

    private static String header(Document document, String localName) {
        return document.getElementsByTagNameNS(WSA, localName).item(0).getTextContent();
    }

    private static ClientInterceptor recorder(AtomicReference<byte[]> sent) {
        return new ClientInterceptor() {
            @Override
            public boolean handleRequest(MessageContext context) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                try {
                    context.getRequest().writeTo(out);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                sent.set(out.toByteArray());
                return true;
            }

            @Override
            public boolean handleResponse(MessageContext context) {
                return true;
            }

            @Override
            public boolean handleFault(MessageContext context) {
                return true;
            }

            @Override
            public void afterCompletion(MessageContext context, Exception ex) {
            }
        };
    }
}
