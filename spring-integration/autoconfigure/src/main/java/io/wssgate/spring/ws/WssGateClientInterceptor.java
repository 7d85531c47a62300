package io.wssgate.spring.ws;

import io.wssgate.GatePolicy;
import io.wssgate.InboundOutcome;
import io.wssgate.outbound.OutboundContext;
import io.wssgate.outbound.OutboundSecurityException;
import io.wssgate.outbound.SecuredMessage;
import jakarta.xml.soap.SOAPException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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
    /** MessageContext property: the signature values of the request, for SignatureConfirmation. */
    public static final String SENT_SIGNATURES_PROPERTY = "io.wssgate.spring.ws.sentSignatureValues";
    /** MessageContext property: the signature values of tokens the request carried (a SAML assertion's). */
    public static final String SENT_TOKEN_SIGNATURES_PROPERTY = "io.wssgate.spring.ws.sentTokenSignatureValues";
    /** MessageContext property: the {@code WssPrincipal} that signed the validated response. */
    public static final String PRINCIPAL_PROPERTY = "io.wssgate.principal";

    private final GatePolicy policy;

    public WssGateClientInterceptor(GatePolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    @Override
    public boolean handleRequest(MessageContext context) {
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
            SecuredMessage secured = policy.secureOutbound(SoapBytes.parse(SoapBytes.of(request)),
                    OutboundContext.forRequest());
            SoapBytes.replaceEnvelope(request.getSaajMessage(), SoapBytes.serialize(secured.document()));
            context.setProperty(SENT_SIGNATURES_PROPERTY, secured.signatureValues());
            context.setProperty(SENT_TOKEN_SIGNATURES_PROPERTY, secured.tokenSignatureValues());
        } catch (OutboundSecurityException | IOException | SOAPException e) {
            throw WssGateClientException.notSecured(policy.name(), e);
        }
        return true;
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
        InboundOutcome outcome = policy.validateResponse(bytes, contentType,
                byteArrays(context, SENT_SIGNATURES_PROPERTY), byteArrays(context, SENT_TOKEN_SIGNATURES_PROPERTY));
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
        context.setProperty(PRINCIPAL_PROPERTY, accepted.principal());
    }

    private static List<byte[]> byteArrays(MessageContext context, String property) {
        List<byte[]> values = new ArrayList<>();
        if (context.getProperty(property) instanceof List<?> sent) {
            for (Object value : sent) {
                if (value instanceof byte[] b) {
                    values.add(b);
                }
            }
        }
        return values;
    }

    @Override
    public String toString() {
        return "WssGateClientInterceptor[policy=" + policy.name() + "]";
    }
}
