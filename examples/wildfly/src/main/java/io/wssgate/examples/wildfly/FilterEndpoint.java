package io.wssgate.examples.wildfly;

import jakarta.annotation.Resource;
import jakarta.jws.HandlerChain;
import jakarta.jws.WebService;
import jakarta.xml.ws.WebServiceContext;

/** A JBossWS endpoint behind WSS Gate's Servlet filter; {@code claim-handlers.xml} claims the Security header the filter checked. */
@WebService(serviceName = "FilterService", targetNamespace = Callers.NS)
@HandlerChain(file = "claim-handlers.xml")
public class FilterEndpoint {
    @Resource
    private WebServiceContext context;

    public String whoami() {
        return Callers.describe(context.getUserPrincipal(), context::isUserInRole);
    }
}
