package io.wssgate.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.cxf.Bus;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.ReadHeadersInterceptor;
import org.apache.cxf.interceptor.StaxInInterceptor;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.PhaseInterceptorChain;
import org.apache.cxf.phase.PhaseManager;
import org.apache.cxf.ws.security.wss4j.DefaultCryptoCoverageChecker;
import org.apache.cxf.ws.security.wss4j.WSS4JInInterceptor;
import org.apache.wss4j.common.ConfigurationConstants;
import org.apache.wss4j.common.crypto.Crypto;
import org.apache.wss4j.dom.handler.WSHandlerConstants;

/**
 * Apache CXF 4.0.10 validating a request as a CXF service does: the bytes go through CXF's own
 * in-chain (StAX reader, SOAP header reading, SAAJ, {@code WSS4JInInterceptor}), cloned per
 * message from a template like CXF's endpoint chain cache. {@code DefaultCryptoCoverageChecker}
 * is in the chain because without it CXF accepts a message whose Body nobody signed; with it,
 * CXF enforces what our policy enforces (Body and Timestamp signed).
 */
public final class CxfInbound implements InboundSystem {
    private static final String TRUST = "wssgate.bench.trust";

    private final Bus bus = CxfBus.create();
    private final PhaseInterceptorChain template;

    CxfInbound(Scenario scenario) {
        template = new PhaseInterceptorChain(bus.getExtension(PhaseManager.class).getInPhases());
        template.add(List.of(new StaxInInterceptor(), new ReadHeadersInterceptor(bus),
                new WSS4JInInterceptor(properties(scenario, BenchKeys.get().trust())), new DefaultCryptoCoverageChecker()));
    }

    /**
     * WSS4JInInterceptor's properties for the scenario as CXF's documentation shows them
     * (Timestamp + Signature; Timestamp + signed SAML token + Signature), trusting {@code trust},
     * Timestamps accepted for the messages' hour: also the end-to-end benchmark's CXF endpoint.
     */
    public static Map<String, Object> properties(Scenario scenario, Crypto trust) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(ConfigurationConstants.ACTION, scenario == Scenario.X509
                ? ConfigurationConstants.TIMESTAMP + " " + ConfigurationConstants.SIGNATURE
                : ConfigurationConstants.TIMESTAMP + " " + ConfigurationConstants.SAML_TOKEN_SIGNED + " "
                        + ConfigurationConstants.SIGNATURE);
        properties.put(ConfigurationConstants.SIG_VER_PROP_REF_ID, TRUST);
        properties.put(TRUST, trust);
        properties.put(ConfigurationConstants.TTL_TIMESTAMP, String.valueOf(Messages.LIFETIME.toSeconds()));
        return properties;
    }

    @Override
    public Object validate(byte[] bytes) throws MessageRejected {
        SoapMessage message = CxfBus.newMessage(bus, true);
        message.setContent(InputStream.class, new ByteArrayInputStream(bytes));
        message.put(Message.CONTENT_TYPE, Messages.CONTENT_TYPE);
        PhaseInterceptorChain chain = template.cloneChain();
        message.setInterceptorChain(chain);
        if (!chain.doIntercept(message)) {
            Exception fault = message.getContent(Exception.class);
            throw new MessageRejected("CXF: " + fault, fault);
        }
        Object results = message.get(WSHandlerConstants.RECV_RESULTS);
        if (results == null) {
            throw new IllegalStateException("CXF completed the chain without WS-Security results");
        }
        return results;
    }
}
