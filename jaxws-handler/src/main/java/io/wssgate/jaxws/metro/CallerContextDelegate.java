package io.wssgate.jaxws.metro;

import com.sun.xml.ws.api.message.Packet;
import com.sun.xml.ws.api.server.WSEndpoint;
import com.sun.xml.ws.api.server.WebServiceContextDelegate;
import io.wssgate.identity.WssPrincipal;
import io.wssgate.jaxws.WssGateHandler;
import java.security.Principal;
import java.util.Optional;

/**
 * Answers {@code WebServiceContext.getUserPrincipal()} and {@code isUserInRole()} from the
 * caller WSS Gate validated, and everything else (and requests without such a caller) from
 * the transport's own delegate.
 *
 * <p>Where the caller is: {@link WssGateHandler} puts it into its MessageContext with
 * application scope; Metro's MessageContext stores properties it has no field for in
 * {@link Packet#invocationProperties}, a map the request packet shares with every packet of
 * the exchange. Metro calls this delegate with the request packet the endpoint is serving,
 * so the caller is read at that moment, after the handler ran.
 */
final class CallerContextDelegate implements WebServiceContextDelegate {
    private final WebServiceContextDelegate transport;

    CallerContextDelegate(WebServiceContextDelegate transport) {
        this.transport = transport;
    }

    @Override
    public Principal getUserPrincipal(Packet request) {
        Optional<WssPrincipal> caller = caller(request);
        if (caller.isPresent()) {
            return caller.get();
        }
        return transport == null ? null : transport.getUserPrincipal(request);
    }

    /** With a validated caller, only its roles count: the transport's user is not who signed the message. */
    @Override
    public boolean isUserInRole(Packet request, String role) {
        Optional<WssPrincipal> caller = caller(request);
        if (caller.isPresent()) {
            return caller.get().hasRole(role);
        }
        return transport != null && transport.isUserInRole(request, role);
    }

    @Override
    @SuppressWarnings("rawtypes") // Metro's own signature
    public String getEPRAddress(Packet request, WSEndpoint endpoint) {
        return transport().getEPRAddress(request, endpoint);
    }

    @Override
    @SuppressWarnings("rawtypes") // Metro's own signature
    public String getWSDLAddress(Packet request, WSEndpoint endpoint) {
        return transport().getWSDLAddress(request, endpoint);
    }

    private WebServiceContextDelegate transport() {
        if (transport == null) {
            throw new IllegalStateException("the transport provides no WebServiceContext delegate");
        }
        return transport;
    }

    private static Optional<WssPrincipal> caller(Packet request) {
        return request.invocationProperties.get(io.wssgate.InboundOutcome.Accepted.KEY)
                instanceof io.wssgate.InboundOutcome.Accepted accepted ? Optional.of(accepted.principal()) : Optional.empty();
    }
}
