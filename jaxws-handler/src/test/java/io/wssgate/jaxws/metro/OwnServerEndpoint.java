package io.wssgate.jaxws.metro;

import io.wssgate.jaxws.WhoAmI;
import io.wssgate.jaxws.WssGateEndpoint;
import jakarta.annotation.Resource;
import jakarta.jws.WebService;
import jakarta.xml.ws.WebServiceContext;
import java.security.Principal;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The endpoint {@link OwnHttpServerOperationsTest} publishes on Metro's own HTTP server (no
 * servlet container): secured by policy "own-server", it counts its invocations and answers with
 * the caller it sees.
 */
@WebService(serviceName = "OwnServerService", portName = "OwnServerPort", targetNamespace = WhoAmI.NS,
        endpointInterface = "io.wssgate.jaxws.WhoAmI")
@WssGateEndpoint(policy = "own-server")
public class OwnServerEndpoint implements WhoAmI {
    static final AtomicInteger INVOCATIONS = new AtomicInteger();

    @Resource
    private WebServiceContext context;

    @Override
    public String whoami() {
        return record();
    }

    @Override
    public String echo(String text) {
        return record() + ";text=" + text;
    }

    @Override
    public void note(String text) {
        record();
    }

    private String record() {
        INVOCATIONS.incrementAndGet();
        Principal principal = context.getUserPrincipal();
        return "principal=" + (principal == null ? "" : principal.getName());
    }
}
