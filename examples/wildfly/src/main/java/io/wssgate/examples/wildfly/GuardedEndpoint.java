package io.wssgate.examples.wildfly;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.jws.HandlerChain;
import jakarta.jws.WebService;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A JAX-WS endpoint that is itself an EJB ({@code @Stateless @WebService}, published by JBossWS at
 * {@code /<context>/GuardedService/GuardedEndpoint}), guarded directly by {@code @RolesAllowed}: behind WSS Gate's
 * Jakarta Authentication module the container knows the caller and its roles, so WildFly's EJB
 * container admits a clerk and refuses anyone else before {@link #whoami()} runs (the client gets a
 * SOAP fault). {@link #calls()} lets a test see that a refused call never ran the method body.
 */
@Stateless
@WebService(serviceName = "GuardedService", targetNamespace = Callers.NS)
@HandlerChain(file = "claim-handlers.xml")
public class GuardedEndpoint {
    /** Times {@link #whoami()}'s body ran (one class loader per deployment: per deployment). */
    private static final AtomicInteger CALLS = new AtomicInteger();
    @Resource
    private SessionContext context;

    @RolesAllowed("clerk")
    public String whoami() {
        CALLS.incrementAndGet();
        return "guarded-caller=" + context.getCallerPrincipal().getName() + ";clerk=" + context.isCallerInRole("clerk");
    }

    /** Any caller the container authenticated may ask. */
    @PermitAll
    public int calls() {
        return CALLS.get();
    }
}
