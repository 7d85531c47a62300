package io.wssgate.filter.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.xml.ws.api.WSService;
import io.wssgate.jaxws.WssGateClient;
import jakarta.xml.soap.SOAPException;
import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.handler.Handler;
import jakarta.xml.ws.handler.MessageContext;
import jakarta.xml.ws.handler.soap.SOAPHandler;
import jakarta.xml.ws.handler.soap.SOAPMessageContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.namespace.QName;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An encrypted SAML 2.0 holder-of-key assertion over HTTP into WSS Gate's filter and its Metro
 * endpoint, from our own JAX-WS client ({@code outbound.encryption.assertion}) and from Apache CXF
 * (see {@link CxfAssertionEncryption}): on the wire only the EncryptedAssertion, the message
 * signature keyed to the assertion's ID; at the service the assertion's subject and roles.
 * CXF's acceptance, its tampered copy and our client towards CXF run in
 * {@link CxfClientToGateTest} and {@link GateClientToCxfTest} as profile
 * {@link Profile#SAML20_HOLDER_OF_KEY_ENCRYPTED_ASSERTION}; the refusals (wrong key, tampered
 * ciphertext, unsigned or foreign assertion, wrapping, the 2022 advisory's shapes) in the
 * attack suites of both integrations.
 */
class EncryptedAssertionInteropTest {
    static final Profile PROFILE = Profile.SAML20_HOLDER_OF_KEY_ENCRYPTED_ASSERTION;
    static final String SAML_ID_REFERENCE = "http://docs.oasis-open.org/wss/oasis-wss-saml-token-profile-1.1#SAMLID";
    static InteropKeys keys;
    static GateApp gate;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        keys = new InteropKeys(dir);
        gate = GateApp.start(dir, keys);
    }

    @AfterAll
    static void stop() throws Exception {
        gate.close();
    }

    @ParameterizedTest(name = "WSS Gate client -> {0}: encrypted assertion accepted with its subject and roles")
    @EnumSource(CxfClientToGateTest.Target.class)
    void ourClientsEncryptedAssertionIsAccepted(CxfClientToGateTest.Target target) throws Exception {
        InteropService port = WssGateClient.secure(metroPort(), GateConfig.TO_GATE_ENCRYPTED_SAML);
        ((BindingProvider) port).getRequestContext().put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY,
                target.address.apply(gate, PROFILE).toString());
        List<String> wire = new ArrayList<>();
        betweenClientAndWire(port, new WireRecorder(wire));
        int before = target.invocations.get();

        assertThat(port.whoami()).isEqualTo("principal=" + Profile.SAML_SUBJECT + ";roles=admin,clerk");

        assertThat(target.invocations.get()).isEqualTo(before + 1);
        assertOnlyEncrypted(wire.get(0));
    }

    @Test
    void cxfSendsTheAssertionOnlyEncryptedWithItsSignatureKeyedToTheAssertionId() throws Exception {
        InteropService capturing = CxfClients.port(gate.capture(), PROFILE, keys);

        assertThat(capturing.echo(CxfTampering.GENUINE_TEXT)).isEqualTo("captured");

        assertOnlyEncrypted(new String(CaptureServlet.LAST.get(), StandardCharsets.UTF_8));
    }

    private static void assertOnlyEncrypted(String request) {
        assertThat(request).contains("EncryptedAssertion").contains(SAML_ID_REFERENCE)
                .doesNotContain(":Assertion ").doesNotContain(">" + Profile.SAML_SUBJECT + "<")
                .doesNotContain("AttributeValue");
    }

    /** A Metro port made from our own endpoint's WSDL with Metro's API, whatever Provider the classpath prefers. */
    private static InteropService metroPort() throws Exception {
        URI wsdl = URI.create(gate.metro(PROFILE) + "?wsdl");
        return WSService.create(wsdl.toURL(), new QName(InteropService.NS, InteropService.SERVICE))
                .getPort(new QName(InteropService.NS, InteropService.PORT), InteropService.class);
    }

    @SuppressWarnings("rawtypes")
    private static void betweenClientAndWire(InteropService port, Handler handler) {
        jakarta.xml.ws.Binding binding = ((BindingProvider) port).getBinding();
        List<Handler> chain = new ArrayList<>(binding.getHandlerChain());
        chain.add(handler);
        binding.setHandlerChain(chain);
    }

    /** Records each outbound message as it leaves for the wire (after our client's security handler). */
    private record WireRecorder(List<String> wire) implements SOAPHandler<SOAPMessageContext> {
        @Override
        public boolean handleMessage(SOAPMessageContext context) {
            if (Boolean.TRUE.equals(context.get(MessageContext.MESSAGE_OUTBOUND_PROPERTY))) {
                try {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    context.getMessage().writeTo(out);
                    wire.add(out.toString(StandardCharsets.UTF_8));
                } catch (SOAPException | IOException e) {
                    throw new IllegalStateException(e);
                }
            }
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
}
