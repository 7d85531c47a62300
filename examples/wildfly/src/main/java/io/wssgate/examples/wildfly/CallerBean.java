package io.wssgate.examples.wildfly;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;

/**
 * An EJB the container guards by role: only callers in the role clerk may call it, and it reports
 * the caller the container propagated to it from the web tier.
 */
@Stateless
public class CallerBean {
    @Resource
    private SessionContext context;

    @RolesAllowed("clerk")
    public String whoami() {
        return "ejb-caller=" + context.getCallerPrincipal().getName() + ";clerk=" + context.isCallerInRole("clerk")
                + ";admin=" + context.isCallerInRole("admin");
    }
}
