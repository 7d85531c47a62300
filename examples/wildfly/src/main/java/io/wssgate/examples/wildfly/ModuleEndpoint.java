package io.wssgate.examples.wildfly;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.jws.HandlerChain;
import jakarta.jws.WebService;
import jakarta.xml.ws.WebServiceContext;

/**
 * A JBossWS endpoint behind WSS Gate's Jakarta Authentication module: the container knows the
 * caller, so it is the endpoint's caller and it propagates to {@link CallerBean}, which the
 * container guards by role. {@code claim-handlers.xml} claims the Security header WSS Gate checked.
 */
@WebService(serviceName = "ModuleService", targetNamespace = Callers.NS)
@HandlerChain(file = "claim-handlers.xml")
public class ModuleEndpoint {
    @Resource
    private WebServiceContext context;
    @EJB
    private CallerBean bean;

    public String whoami() {
        String web = Callers.describe(context.getUserPrincipal(), context::isUserInRole);
        try {
            return web + ";" + bean.whoami();
        } catch (EJBAccessException e) {
            return web + ";ejb=refused";
        }
    }
}
