package io.wssgate.filter.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.xml.ws.api.WSService;
import io.wssgate.identity.WssPrincipal;
import io.wssgate.jaxws.WssGateClient;
import io.wssgate.jaxws.WssGateHandler;
import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.WebServiceException;
import jakarta.xml.ws.handler.Handler;
import java.nio.file.Path;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import javax.xml.namespace.QName;
import org.apache.wss4j.common.principal.SAMLTokenPrincipal;
import org.apache.wss4j.common.saml.SamlAssertionWrapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Our JAX-WS client (a Metro port secured by {@link WssGateClient} with a client policy of our
 * configuration) calling Apache CXF 4 services secured by WSS4JInInterceptor on Jetty 12: CXF
 * accepts every profile and sees the right caller in its security context; CXF's signed,
 * signature-confirming responses pass our client's checks, and a tampered one does not.
 */
class GateClientToCxfTest {
    static InteropKeys keys;
    static ConfigProperty config;
    static CxfServiceApp cxf;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        keys = new InteropKeys(dir);
        config = ConfigProperty.install(dir, keys);
        cxf = CxfServiceApp.start(dir, keys);
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            cxf.close();
        } finally {
            config.close();
        }
    }

    @ParameterizedTest(name = "WSS Gate client {0} -> CXF: accepted, CXF's signed response verified")
    @EnumSource(Profile.class)
    void cxfAcceptsTheRequestAndWeAcceptItsSignedResponse(Profile profile) throws Exception {
        InteropService port = WssGateClient.secure(metroPort(profile), GateConfig.clientPolicy(profile));

        // roles: CXF maps the assertion's "role" attribute; it has no roles for a bare certificate
        assertThat(port.whoami()).isEqualTo("principal=" + profile.principal() + ";roles=" + (profile.saml() ? "admin,clerk" : ""));
        assertCxfSawTheToken(profile, CxfCallerEndpoint.LAST_PRINCIPAL.get());
        assertThat(((BindingProvider) port).getResponseContext().get(io.wssgate.InboundOutcome.Accepted.KEY))
                .as("who signed CXF's response, as our client verified it")
                .isInstanceOfSatisfying(io.wssgate.InboundOutcome.Accepted.class,
                        a -> assertThat(a.principal().getName()).isEqualTo(InteropKeys.SERVER_DN));
        assertThat(port.echo("a second request, secured anew")).isEqualTo("a second request, secured anew");
    }

    @ParameterizedTest(name = "WSS Gate client {0} -> CXF: tampered response rejected")
    @EnumSource(Profile.class)
    void tamperedCxfResponseIsRejected(Profile profile) throws Exception {
        InteropService port = WssGateClient.secure(metroPort(profile), GateConfig.clientPolicy(profile));
        betweenClientAndWire(port, new ResponseTamperer());

        assertThatThrownBy(port::whoami).isInstanceOf(WebServiceException.class)
                .hasMessageMatching("WS-Security response rejected: wsse:FailedCheck \\(correlation id [0-9a-f-]{36}\\)");
    }

    /**
     * Before RSA-OAEP with SHA-256 (xenc11 rsa-oaep, SHA-256 digest, MGF1-SHA256) could be a default
     * anywhere: CXF 4.0.10's WSS4JInInterceptor (no WS-SecurityPolicy) decrypts it.
     */
    @org.junit.jupiter.api.Test
    void cxfDecryptsRsaOaepWithSha256AndMgf1Sha256() throws Exception {
        Profile profile = Profile.SIGNATURE_AND_AES256_GCM_BODY;
        InteropService port = WssGateClient.secure(metroPort(profile), GateConfig.RSA_OAEP_SHA256_TO_CXF);
        List<String> sent = new ArrayList<>();
        betweenClientAndWire(port, new jakarta.xml.ws.handler.soap.SOAPHandler<jakarta.xml.ws.handler.soap.SOAPMessageContext>() {
            @Override
            public boolean handleMessage(jakarta.xml.ws.handler.soap.SOAPMessageContext context) {
                if (Boolean.TRUE.equals(context.get(jakarta.xml.ws.handler.MessageContext.MESSAGE_OUTBOUND_PROPERTY))) {
                    try {
                        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
                        context.getMessage().writeTo(out);
                        sent.add(out.toString(java.nio.charset.StandardCharsets.UTF_8));
                    } catch (jakarta.xml.soap.SOAPException | java.io.IOException e) {
                        throw new IllegalStateException(e);
                    }
                }
                return true;
            }

            @Override
            public boolean handleFault(jakarta.xml.ws.handler.soap.SOAPMessageContext context) {
                return true;
            }

            @Override
            public void close(jakarta.xml.ws.handler.MessageContext context) {
            }

            @Override
            public java.util.Set<QName> getHeaders() {
                return java.util.Set.of();
            }
        });

        assertThat(port.whoami()).isEqualTo("principal=" + profile.principal() + ";roles=");
        assertThat(sent).singleElement().satisfies(xml -> assertThat(xml)
                .contains("Algorithm=\"http://www.w3.org/2009/xmlenc11#rsa-oaep\"")
                .contains("Algorithm=\"http://www.w3.org/2009/xmlenc11#mgf1sha256\"")
                .contains("Algorithm=\"http://www.w3.org/2001/04/xmlenc#sha256\"")
                .doesNotContain("rsa-oaep-mgf1p"));
    }

    private static void assertCxfSawTheToken(Profile profile, Principal principal) {
        if (!profile.saml()) {
            assertThat(principal.getName()).isEqualTo(InteropKeys.CLIENT_DN);
            return;
        }
        assertThat(principal).isInstanceOf(SAMLTokenPrincipal.class);
        SamlAssertionWrapper assertion = ((SAMLTokenPrincipal) principal).getToken();
        assertThat(assertion.getSamlVersion().toString()).isEqualTo(profile.samlVersion);
        assertThat(assertion.getIssuerString()).isEqualTo(InteropKeys.IDP);
        String method = ":" + switch (profile.confirmation) {
            case HOLDER_OF_KEY -> "holder-of-key";
            case SENDER_VOUCHES -> "sender-vouches";
            case BEARER -> "bearer";
        };
        // one per subject: SAML 1.1 repeats the subject in each statement
        assertThat(assertion.getConfirmationMethods()).isNotEmpty().allSatisfy(m -> assertThat(m).endsWith(method));
    }

    /** A Metro port from CXF's WSDL, made with Metro's own API whatever Provider the classpath prefers. */
    private static InteropService metroPort(Profile profile) throws Exception {
        return WSService.create(cxf.wsdl(profile), new QName(InteropService.NS, InteropService.SERVICE))
                .getPort(new QName(InteropService.NS, InteropService.PORT), InteropService.class);
    }

    @SuppressWarnings("rawtypes")
    private static void betweenClientAndWire(InteropService port, Handler handler) {
        jakarta.xml.ws.Binding binding = ((BindingProvider) port).getBinding();
        List<Handler> chain = new ArrayList<>(binding.getHandlerChain());
        chain.add(handler);
        binding.setHandlerChain(chain);
    }
}
