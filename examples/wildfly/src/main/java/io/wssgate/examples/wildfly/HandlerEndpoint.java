package io.wssgate.examples.wildfly;

import io.wssgate.jaxws.WssGateHandler;
import jakarta.annotation.Resource;
import jakarta.jws.HandlerChain;
import jakarta.jws.WebService;
import jakarta.xml.ws.WebServiceContext;

/**
 * A JBossWS endpoint secured by WSS Gate's JAX-WS handler ({@code gate-handlers.xml} declares
 * {@link HandlerSecurity}) on WildFly's own JAX-WS runtime: the caller is in the MessageContext.
 */
@WebService(serviceName = "HandlerService", targetNamespace = Callers.NS)
@HandlerChain(file = "gate-handlers.xml")
public class HandlerEndpoint {
    @Resource
    private WebServiceContext context;

    public String whoami() {
        return "handler-caller=" + WssGateHandler.accepted(context.getMessageContext())
                .map(a -> a.principal().getName()).orElse("");
    }
}
