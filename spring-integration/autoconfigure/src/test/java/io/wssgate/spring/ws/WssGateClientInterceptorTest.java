package io.wssgate.spring.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wssgate.fault.FaultCode;
import io.wssgate.identity.WssPrincipal;
import io.wssgate.spring.GateFixture;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.ws.client.core.WebServiceTemplate;
import org.springframework.ws.client.support.interceptor.ClientInterceptor;
import org.springframework.ws.context.MessageContext;
import org.springframework.xml.transform.StringResult;
import org.springframework.xml.transform.StringSource;

/**
 * A real {@code WebServiceTemplate} over HTTP to a service that checks the request's signature
 * and signs (and confirms) its answer: the interceptor secures, the service accepts, the
 * interceptor validates, and the application sees the answer and who signed it.
 */
class WssGateClientInterceptorTest {
    static final String REQUEST = "<ns:echo xmlns:ns=\"urn:wssgate:test\">hello</ns:echo>";
    static GateFixture fx;
    static SecuredSoapServer service;
    static WssGateSpringWs springWs;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        fx = new GateFixture(dir);
        service = new SecuredSoapServer(fx.gate.policy("server").orElseThrow());
        springWs = new WssGateSpringWs(fx.gate);
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @BeforeEach
    void genuineResponses() {
        service.tamperResponses = false;
    }

    @Test
    void securedRequestIsAcceptedAndTheSignedConfirmingResponseValidated() {
        AtomicReference<Object> signer = new AtomicReference<>();
        WebServiceTemplate template = template(capture(signer), springWs.interceptor("client"));

        StringResult result = new StringResult();
        template.sendSourceAndReceiveToResult(new StringSource(REQUEST), result);

        assertThat(result.toString()).contains("hello CN=client,O=WSS Gate Test,C=DE");
        assertThat(signer.get()).isInstanceOfSatisfying(WssPrincipal.class,
                p -> assertThat(p.name()).isEqualTo("CN=server,O=WSS Gate Test,C=DE"));
    }

    @Test
    void aTamperedResponseIsRejectedNamingTheFault() {
        service.tamperResponses = true;
        WebServiceTemplate template = template(springWs.interceptor("client"));

        assertThatThrownBy(() -> template.sendSourceAndReceiveToResult(new StringSource(REQUEST), new StringResult()))
                .isInstanceOfSatisfying(WssGateClientException.class, e -> {
                    assertThat(e.faultCode()).contains(FaultCode.FAILED_CHECK);
                    assertThat(e.correlationId()).isPresent();
                    assertThat(e).hasMessageContaining("wsse:FailedCheck").hasMessageContaining(e.correlationId().get());
                });
    }

    @Test
    void aRequestThatCannotBeSecuredIsNeverSent() {
        int before = service.requests();
        WebServiceTemplate template = template(springWs.interceptor("propagating"));  // no caller to propagate

        assertThatThrownBy(() -> template.sendSourceAndReceiveToResult(new StringSource(REQUEST), new StringResult()))
                .isInstanceOfSatisfying(WssGateClientException.class, e -> assertThat(e.faultCode()).isEmpty())
                .hasMessageContaining("policy 'propagating' could not secure the request, so it was not sent");
        assertThat(service.requests()).isEqualTo(before);
    }

    @Test
    void theServersUnsignedWsSecurityFaultIsItselfRejected() {
        // policy p adds nothing outbound: the service refuses the bare request with a fault nobody signed
        WebServiceTemplate template = template(springWs.interceptor("p"));

        assertThatThrownBy(() -> template.sendSourceAndReceiveToResult(new StringSource(REQUEST), new StringResult()))
                .isInstanceOfSatisfying(WssGateClientException.class, e -> assertThat(e.faultCode()).isPresent())
                .hasMessageContaining("WS-Security response rejected by policy 'p'");
    }

    @Test
    void anUnknownPolicyFailsWhenWiredNotWhenCalled() {
        assertThatThrownBy(() -> springWs.interceptor("nope"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'nope'").hasMessageContaining("client");
    }

    private static WebServiceTemplate template(ClientInterceptor... interceptors) {
        WebServiceTemplate template = new WebServiceTemplate();
        template.setDefaultUri(service.uri().toString());
        template.setInterceptors(interceptors);
        return template;
    }

    /** Put first: interceptors see responses in reverse order, so this one runs after WSS Gate validated it. */
    private static ClientInterceptor capture(AtomicReference<Object> signer) {
        return new ClientInterceptor() {
            @Override
            public boolean handleRequest(MessageContext context) {
                return true;
            }

            @Override
            public boolean handleResponse(MessageContext context) {
                signer.set(WssGateClientInterceptor.accepted(context).map(a -> a.principal()).orElse(null));
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
