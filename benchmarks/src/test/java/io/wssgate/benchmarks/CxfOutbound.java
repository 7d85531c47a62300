package io.wssgate.benchmarks;

import io.wssgate.testing.TestCrypto;
import io.wssgate.testing.TestMessages;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.security.auth.callback.CallbackHandler;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;
import org.apache.cxf.Bus;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.saaj.SAAJOutInterceptor;
import org.apache.cxf.interceptor.StaxOutInterceptor;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.phase.PhaseInterceptorChain;
import org.apache.cxf.phase.PhaseManager;
import org.apache.cxf.staxutils.StaxUtils;
import org.apache.cxf.ws.security.wss4j.WSS4JOutInterceptor;
import org.apache.wss4j.common.ConfigurationConstants;
import org.apache.wss4j.common.ext.WSPasswordCallback;
import org.apache.wss4j.dom.WSConstants;

/**
 * Apache CXF 4.0.10 securing a request as a CXF client does: CXF's out-chain (StAX writer,
 * {@code SAAJOutInterceptor}, {@code WSS4JOutInterceptor} with its ending interceptor, SAAJ
 * written back to the wire stream). Where CXF's SOAP and data-binding interceptors would write
 * the envelope from JAXB objects, {@link EnvelopeWriter} writes the same envelope from the
 * unsecured bytes through the same StAX writer, so the work CXF does afterwards is its own.
 */
final class CxfOutbound implements OutboundSystem {
    private static final String KEYS = "wssgate.bench.keys";

    private final Bus bus = CxfBus.create();
    private final PhaseInterceptorChain template;

    CxfOutbound(Scenario scenario) {
        BenchKeys keys = BenchKeys.get();
        Map<String, Object> properties = new HashMap<>();
        String signer = scenario == Scenario.X509 ? keys.client.name() : keys.alice.name();
        properties.put(ConfigurationConstants.ACTION, ConfigurationConstants.TIMESTAMP + " "
                + (scenario == Scenario.X509 ? ConfigurationConstants.SIGNATURE : ConfigurationConstants.SAML_TOKEN_SIGNED));
        properties.put(ConfigurationConstants.USER, signer);
        properties.put(ConfigurationConstants.SIG_PROP_REF_ID, KEYS);
        properties.put(KEYS, keys.keysOf(scenario == Scenario.X509 ? keys.client : keys.alice));
        properties.put(ConfigurationConstants.PW_CALLBACK_REF, (CallbackHandler) callbacks -> {
            for (var callback : callbacks) {
                ((WSPasswordCallback) callback).setPassword(TestCrypto.KEY_PASSWORD);
            }
        });
        if (scenario == Scenario.X509) {
            properties.put(ConfigurationConstants.SIG_KEY_ID, "DirectReference");
        } else {
            properties.put(ConfigurationConstants.SAML_CALLBACK_REF, new SamlCallbackHandler(keys));
        }
        properties.put(ConfigurationConstants.SIG_ALGO, WSConstants.RSA_SHA256);
        properties.put(ConfigurationConstants.SIG_DIGEST_ALGO, WSConstants.SHA256);
        properties.put(ConfigurationConstants.SIG_C14N_ALGO, WSConstants.C14N_EXCL_OMIT_COMMENTS);
        properties.put(ConfigurationConstants.SIGNATURE_PARTS, "{Element}{" + WSConstants.WSU_NS + "}Timestamp;"
                + "{Element}{" + TestMessages.SOAP11_NS + "}Body");
        template = new PhaseInterceptorChain(bus.getExtension(PhaseManager.class).getOutPhases());
        template.add(List.of(new StaxOutInterceptor(), new SAAJOutInterceptor(), new EnvelopeWriter(),
                new WSS4JOutInterceptor(properties)));
    }

    @Override
    public byte[] secure(byte[] unsecured) throws Exception {
        SoapMessage message = CxfBus.newMessage(bus, false);
        message.put(Message.REQUESTOR_ROLE, Boolean.TRUE);
        message.put(EnvelopeWriter.SOURCE, unsecured);
        ByteArrayOutputStream wire = new ByteArrayOutputStream(unsecured.length + 8192);
        message.setContent(OutputStream.class, wire);
        PhaseInterceptorChain chain = template.cloneChain();
        message.setInterceptorChain(chain);
        if (!chain.doIntercept(message)) {
            throw new IllegalStateException("CXF could not secure the message", message.getContent(Exception.class));
        }
        return wire.toByteArray();
    }

    /** Stands in for CXF's envelope and body writers: the unsecured envelope, written as StAX events. */
    static final class EnvelopeWriter extends AbstractPhaseInterceptor<Message> {
        static final String SOURCE = EnvelopeWriter.class.getName() + ".source";

        EnvelopeWriter() {
            super(Phase.WRITE);
        }

        @Override
        public void handleMessage(Message message) {
            try {
                XMLStreamReader reader = StaxUtils.createXMLStreamReader(
                        new ByteArrayInputStream((byte[]) message.get(SOURCE)));
                StaxUtils.copy(reader, message.getContent(XMLStreamWriter.class));
                reader.close();
            } catch (javax.xml.stream.XMLStreamException e) {
                throw new org.apache.cxf.interceptor.Fault(e);
            }
        }
    }
}
