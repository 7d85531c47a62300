package io.wssgate.spring.ws;

import io.wssgate.InboundOutcome;
import io.wssgate.fault.FaultCode;
import java.util.Optional;
import org.springframework.ws.client.WebServiceClientException;

/**
 * WS-Security failed on the client side: the request could not be secured (and so was not
 * sent), or the response was rejected. Thrown from {@code WebServiceTemplate}'s methods.
 * A rejection carries only the fault code and the correlation id under which the reason is
 * logged, as on the server.
 */
public class WssGateClientException extends WebServiceClientException {
    private static final long serialVersionUID = 1L;

    private final transient FaultCode faultCode;
    private final String correlationId;

    private WssGateClientException(String message, Throwable cause, FaultCode faultCode, String correlationId) {
        super(message, cause);
        this.faultCode = faultCode;
        this.correlationId = correlationId;
    }

    static WssGateClientException notSecured(String policy, Exception cause) {
        return new WssGateClientException("WS-Security policy '" + policy
                + "' could not secure the request, so it was not sent: " + cause.getMessage(), cause, null, null);
    }

    static WssGateClientException unreadable(String policy, Exception cause) {
        return new WssGateClientException("WS-Security policy '" + policy + "' cannot read the response: "
                + cause.getMessage(), cause, null, null);
    }

    static WssGateClientException rejected(String policy, InboundOutcome.Rejected rejected) {
        return new WssGateClientException("WS-Security response rejected by policy '" + policy + "': wsse:"
                + rejected.code().localName() + " (correlation id " + rejected.correlationId() + ")", null,
                rejected.code(), rejected.correlationId());
    }

    /** The wsse fault code of a rejected response; empty when the request could not be secured. */
    public Optional<FaultCode> faultCode() {
        return Optional.ofNullable(faultCode);
    }

    /** The id the client's log records the rejection's reason under. */
    public Optional<String> correlationId() {
        return Optional.ofNullable(correlationId);
    }
}
