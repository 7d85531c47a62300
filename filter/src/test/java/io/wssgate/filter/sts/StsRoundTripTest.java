package io.wssgate.filter.sts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wssgate.filter.JettyWebApp;
import io.wssgate.jaxws.WssGateClient;
import io.wssgate.testing.SamlSpec;
import io.wssgate.testing.TestKeys;
import io.wssgate.testing.TestMessages;
import jakarta.xml.soap.MessageFactory;
import jakarta.xml.soap.SOAPMessage;
import jakarta.xml.ws.Dispatch;
import jakarta.xml.ws.Service;
import jakarta.xml.ws.WebServiceException;
import jakarta.xml.ws.soap.SOAPBinding;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import javax.xml.namespace.QName;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The federation flow end to end: a JAX-WS client secured by the WSS Gate client handler gets
 * its token from Apache CXF's STS and calls a provider behind the WSS Gate filter that trusts
 * only the STS's signing certificate; caching, refresh, failures, delegation and validation.
 */
class StsRoundTripTest {
    static final TestKeys KEYS = TestKeys.create();
    static final TestKeys.Identity CLIENT = KEYS.issue("wsc");
    static final TestKeys.Identity IDP = KEYS.issue("idp");
    static CxfSts sts;
    static JettyWebApp app;
    private int providerCallsBefore;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        sts = CxfSts.builder(KEYS.issue("sts")).tokenLifetime(Duration.ofSeconds(8))
                .user("wsc", "wsc-pw").user("wsp", "wsp-pw")
                .trustRequestersIssuedBy(KEYS.ca().certificate()).trustDelegationIssuer(IDP.certificate()).start();
        Path config = StsScenarios.configure(dir, KEYS, CLIENT, IDP, sts, "http://127.0.0.1:9/sts");
        System.setProperty("wssgate.config", config.toString());
        app = JettyWebApp.start(dir, Map.of("config-file", config.toString()), StsScenarioServlet.class);
        StsScenarioServlet.downstream = app.uri("/provider/whoami").toString();
    }

    @AfterAll
    static void stop() throws Exception {
        System.clearProperty("wssgate.config");
        app.close();
        sts.close();
    }

    @BeforeEach
    void count() {
        providerCallsBefore = StsScenarioServlet.PROVIDER_CALLS.get();
    }

    @Test
    void bearerTokenFromTheStsAuthenticatesTheClientAtTheProvider() throws Exception {
        assertThat(call("/provider/whoami", "client-bearer")).isEqualTo("wsc");
    }

    @Test
    void saml11TokensOverWsTrust14WithPasswordText() throws Exception {
        assertThat(call("/provider/whoami", "client-saml11")).isEqualTo("wsc");
    }

    @Test
    void holderOfKeyTokenIsProvenWithTheClientsKey() throws Exception {
        assertThat(call("/provider-hok/whoami", "client-hok")).isEqualTo("CN=wsc,O=WSS Gate Test,C=DE");
    }

    @Test
    void requestsShareOneStsCallUntilNearExpiryThenExactlyOneRefresh() throws Exception {
        Dispatch<SOAPMessage> client = client("/provider/whoami", "client-caching");
        int before = sts.issueCount();
        for (int i = 0; i < 10; i++) {
            assertThat(invoke(client)).isEqualTo("wsc");
        }
        assertThat(sts.issueCount() - before).as("one STS call for ten requests").isEqualTo(1);

        Thread.sleep(4_100);   // 8 s tokens, refreshed 4 s before expiry: now inside the refresh window
        for (int i = 0; i < 10; i++) {
            assertThat(invoke(client)).isEqualTo("wsc");
        }
        assertThat(sts.issueCount() - before).as("then exactly one refresh").isEqualTo(2);
        assertThat(StsScenarioServlet.PROVIDER_CALLS.get() - providerCallsBefore).isEqualTo(20);
    }

    @Test
    void aFaultFromTheStsFailsTheCallClearlyAndNothingIsSent() throws Exception {
        Dispatch<SOAPMessage> client = client("/provider/whoami", "client-fault");
        sts.failNextRequests(1);
        assertThatThrownBy(() -> invoke(client)).isInstanceOf(WebServiceException.class)
                .hasMessageContaining("could not secure the request, so it was not sent")
                .hasMessageContaining("STS " + sts.endpoint()).hasMessageContaining("SOAP fault");
        assertThat(StsScenarioServlet.PROVIDER_CALLS.get()).isEqualTo(providerCallsBefore);
    }

    @Test
    void anUnreachableStsFailsTheCallClearlyAndNothingIsSent() throws Exception {
        assertThatThrownBy(() -> call("/provider/whoami", "client-sts-down")).isInstanceOf(WebServiceException.class)
                .hasMessageContaining("STS http://127.0.0.1:9/sts: unreachable");
        assertThat(StsScenarioServlet.PROVIDER_CALLS.get()).isEqualTo(providerCallsBefore);
    }

    @Test
    void delegationOnBehalfOfTheInboundUserReachesTheProviderAsThatUser() throws Exception {
        byte[] userRequest = TestMessages.soap11().timestamp(Duration.ofMinutes(5))
                .saml(SamlSpec.saml2().signedBy(IDP).bearer().subject("alice").audienceRestriction("urn:wssgate:middle"))
                .build();
        HttpResponse<byte[]> response = app.post("/middle/call", userRequest, "text/xml; charset=UTF-8");

        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains(">alice<");
    }

    @Test
    void theProviderAlsoAsksTheStsAndRefusesWhatItDoesNotVouchFor() throws Exception {
        int validations = sts.validateCount();
        Dispatch<SOAPMessage> client = client("/provider-validating/whoami", "client-bearer");
        assertThat(invoke(client)).isEqualTo("wsc");
        assertThat(invoke(client)).isEqualTo("wsc");
        // the second request carried the same cached token: the verdict was cached as well
        assertThat(sts.validateCount()).isEqualTo(validations + 1);

        // locally valid (the provider trusts this IdP), but the STS did not issue it
        byte[] idpToken = TestMessages.soap11().timestamp(Duration.ofMinutes(5))
                .saml(SamlSpec.saml2().signedBy(IDP).bearer().subject("mallory").audienceRestriction(StsScenarios.AUDIENCE))
                .build();
        HttpResponse<byte[]> refused = app.post("/provider-validating/whoami", idpToken, "text/xml; charset=UTF-8");
        assertThat(refused.statusCode()).isEqualTo(500);
        assertThat(new String(refused.body(), StandardCharsets.UTF_8)).contains("wsse:FailedAuthentication");
    }

    private static String call(String path, String policy) throws Exception {
        return invoke(client(path, policy));
    }

    private static Dispatch<SOAPMessage> client(String path, String policy) {
        QName service = new QName("urn:wssgate:example", "Provider");
        QName port = new QName("urn:wssgate:example", "ProviderPort");
        Service client = Service.create(service);
        client.addPort(port, SOAPBinding.SOAP11HTTP_BINDING, app.uri(path).toString());
        return WssGateClient.secure(client.createDispatch(port, SOAPMessage.class, Service.Mode.MESSAGE), policy);
    }

    private static String invoke(Dispatch<SOAPMessage> client) throws Exception {
        SOAPMessage answer = client.invoke(MessageFactory.newInstance().createMessage(null,
                new ByteArrayInputStream(StsScenarios.request().getBytes(StandardCharsets.UTF_8))));
        return answer.getSOAPBody().getTextContent().trim();
    }
}
