package io.wssgate.spring.ws;

import io.wssgate.WssGate;
import io.wssgate.wsdl.WsdlPolicyPublisher;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import javax.xml.transform.Source;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.stream.StreamResult;
import javax.xml.transform.stream.StreamSource;
import org.springframework.ws.wsdl.WsdlDefinition;

/**
 * A Spring-WS {@link WsdlDefinition} whose WSDL carries the WS-SecurityPolicy a WSS Gate policy
 * enforces, attached to each SOAP binding operation's input (docs/ws-securitypolicy.md). Wraps
 * the application's own definition:
 * {@code new SecurityPolicyWsdlDefinition(definition, gate, "orders")}. The WSDL is rendered on
 * each request, as Spring-WS renders the wrapped definition.
 */
public final class SecurityPolicyWsdlDefinition implements WsdlDefinition {
    private final WsdlDefinition delegate;
    private final WsdlPolicyPublisher publisher;

    /** @throws IllegalArgumentException if the engine has no policy of that name (a wiring mistake, so fail early) */
    public SecurityPolicyWsdlDefinition(WsdlDefinition delegate, WssGate gate, String policy) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.publisher = new WsdlPolicyPublisher(gate.policy(policy).orElseThrow(() -> new IllegalArgumentException(
                "no WSS Gate policy '" + policy + "'")).config());
    }

    @Override
    public Source getSource() {
        try {
            ByteArrayOutputStream wsdl = new ByteArrayOutputStream();
            TransformerFactory.newInstance().newTransformer().transform(delegate.getSource(), new StreamResult(wsdl));
            return new StreamSource(new ByteArrayInputStream(publisher.publish(wsdl.toByteArray())));
        } catch (TransformerException e) {
            throw new IllegalStateException("cannot render the WSDL", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the WSDL", e);
        }
    }
}
