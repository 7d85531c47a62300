package io.wssgate.filter.interop;

import jakarta.annotation.Resource;
import jakarta.jws.WebService;
import jakarta.xml.ws.WebServiceContext;
import java.security.Principal;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The CXF service our clients call: reports the caller from CXF's security context (filled by
 * WSS4JInInterceptor) through the standard {@link WebServiceContext}, and keeps the last
 * principal so a test can look at the SAML assertion CXF accepted.
 */
@WebService(serviceName = InteropService.SERVICE, portName = InteropService.PORT,
        targetNamespace = InteropService.NS, endpointInterface = "io.wssgate.filter.interop.InteropService")
public class CxfCallerEndpoint implements InteropService {
    static final AtomicInteger INVOCATIONS = new AtomicInteger();
    static final AtomicReference<Principal> LAST_PRINCIPAL = new AtomicReference<>();

    @Resource
    private WebServiceContext context;

    @Override
    public String whoami() {
        INVOCATIONS.incrementAndGet();
        LAST_PRINCIPAL.set(context.getUserPrincipal());
        return CallerView.describe(context.getUserPrincipal(), context::isUserInRole);
    }

    @Override
    public String echo(String text) {
        INVOCATIONS.incrementAndGet();
        return text;
    }
}
