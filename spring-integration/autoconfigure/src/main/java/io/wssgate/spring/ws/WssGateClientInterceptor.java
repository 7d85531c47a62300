package io.wssgate.spring.ws;

import io.wssgate.PolicyRuntime;
import io.wssgate.InboundOutcome;
import io.wssgate.exchange.ClientCall;
import io.wssgate.soap.Delivery;
import io.wssgate.soap.SoapActions;
import java.net.URISyntaxException;
import org.springframework.ws.transport.context.TransportContext;
import org.springframework.ws.transport.context.TransportContextHolder;
import io.wssgate.spi.OutboundSecurityException;
import jakarta.xml.soap.SOAPException;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import org.springframework.ws.WebServiceMessage;
import org.springframework.ws.client.support.interceptor.ClientInterceptor;
import org.springframework.ws.context.MessageContext;
import org.springframework.ws.soap.SoapMessage;
import org.springframework.ws.soap.saaj.SaajSoapMessage;

/**
 * Secures each {@code WebServiceTemplate} request with a policy's {@code outbound} section and
 * validates each response, faults included, with its inbound rules; on the client, a response
 * must also confirm the request's signatures when the policy asks for SignatureConfirmation.
 * An STS token source works as with the JAX-WS client: the token is fetched (or taken from the
 * cache) while securing. A failure throws {@link WssGateClientException}; a request that cannot
 * be secured is never sent, and an unvalidated response never reaches the application.
 *
 * <p>An unsigned SOAP fault (such as the WS-Security fault a server answers a refused request
 * with) is itself rejected: nothing proves who wrote it.
 */
public final class WssGateClientInterceptor implements ClientInterceptor {
    private final PolicyRuntime policy;

    public WssGateClientInterceptor(PolicyRuntime policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /**
     * The response WSS Gate validated (who answered), from the message context of a call this
     * interceptor handled: the one typed property {@link InboundOutcome.Accepted#KEY}.
     */
    public static Optional<InboundOutcome.Accepted> accepted(MessageContext context) {
        return context.getProperty(InboundOutcome.Accepted.KEY) instanceof InboundOutcome.Accepted accepted
                ? Optional.of(accepted) : Optional.empty();
    }

    @Override
    public boolean handleRequest(MessageContext context) {
        ClientCall call = new ClientCall(policy);
        context.setProperty(ClientCall.KEY, call);
        if (!policy.securesOutbound()) {
            return true;
        }
        // SAAJ is the only SOAP message implementation Spring-WS 4+ has; its content can be
        // replaced in place. Anything else cannot carry the secured envelope, so it must not go.
        if (!(context.getRequest() instanceof SaajSoapMessage request)) {
            throw WssGateClientException.notSecured(policy.name(), new IllegalArgumentException(
                    "not a SAAJ SOAP message: " + context.getRequest().getClass().getName()));
        }
        try {
            SoapBytes.replaceEnvelope(request.getSaajMessage(),
                    call.secureRequest(SoapBytes.of(request), delivery(request)));
        } catch (OutboundSecurityException | IOException | SOAPException e) {
            throw WssGateClientException.notSecured(policy.name(), e);
        }
        return true;
    }

    /**
     * Where the request goes (the template's connection) and its SOAPAction, for a wsa:To and
     * wsa:Action the policy leaves to the call ({@code outbound.addressing}).
     */
    private static Delivery delivery(SoapMessage request) {
        Optional<String> endpoint = Optional.empty();
        TransportContext transport = TransportContextHolder.getTransportContext();
        if (transport != null && transport.getConnection() != null) {
            try {
                endpoint = Optional.of(transport.getConnection().getUri().toString());
            } catch (URISyntaxException e) {
                // no endpoint URL to offer: wsa:To then comes from the policy, or is left out
            }
        }
        return new Delivery(endpoint, Optional.empty(), SoapActions.of(request.getSoapAction(), null));
    }

    @Override
    public boolean handleResponse(MessageContext context) {
        validate(context);
        return true;
    }

    @Override
    public boolean handleFault(MessageContext context) {
        validate(context);
        return true;
    }

    @Override
    public void afterCompletion(MessageContext context, Exception ex) {
        // nothing held beyond the message context
    }

    private void validate(MessageContext context) {
        WebServiceMessage response = context.getResponse();
        byte[] bytes;
        try {
            bytes = SoapBytes.of(response);
        } catch (IOException e) {
            throw WssGateClientException.unreadable(policy.name(), e);
        }
        String contentType = response instanceof SoapMessage soap ? soap.getVersion().getContentType() : "text/xml";
        // a response without a request of ours (none recorded) must confirm nothing we sent
        ClientCall call = context.getProperty(ClientCall.KEY) instanceof ClientCall c ? c : new ClientCall(policy);
        InboundOutcome outcome = call.acceptResponse(bytes, contentType);
        if (outcome instanceof InboundOutcome.Rejected rejected) {
            throw WssGateClientException.rejected(policy.name(), rejected);
        }
        InboundOutcome.Accepted accepted = (InboundOutcome.Accepted) outcome;
        if (accepted.body() != bytes) { // parts were encrypted: the application reads the plaintext
            if (!(response instanceof SaajSoapMessage saaj)) {
                throw WssGateClientException.unreadable(policy.name(), new IllegalArgumentException(
                        "cannot pass on a decrypted " + response.getClass().getName()));
            }
            try {
                SoapBytes.replaceEnvelope(saaj.getSaajMessage(), accepted.body());
            } catch (SOAPException e) {
                throw WssGateClientException.unreadable(policy.name(), e);
            }
        }
        context.setProperty(InboundOutcome.Accepted.KEY, accepted);
    }

    @Override
    public String toString() {
        return "WssGateClientInterceptor[policy=" + policy.name() + "]";
    }
}
