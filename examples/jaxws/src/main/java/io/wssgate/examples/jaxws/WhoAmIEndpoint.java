package io.wssgate.examples.jaxws;

import io.wssgate.identity.WssPrincipal;
import io.wssgate.jaxws.WssGateEndpoint;
import jakarta.annotation.Resource;
import jakarta.jws.WebService;
import jakarta.xml.ws.WebServiceContext;
import java.security.Principal;
import java.util.List;

/**
 * The secured endpoint. {@code @WssGateEndpoint} is all it takes on Metro: every request is
 * validated with the policy {@code whoami} before this class runs, and
 * {@link WebServiceContext#getUserPrincipal()} is the validated caller. The annotation names no
 * configuration file, so the documented lookup applies: the system property {@code wssgate.config},
 * the environment variable {@code WSSGATE_CONFIG}, else the classpath resource {@code wssgate.yaml}.
 */
@WebService(serviceName = "WhoAmIService", portName = "WhoAmIPort", targetNamespace = WhoAmI.NS,
        endpointInterface = "io.wssgate.examples.jaxws.WhoAmI")
@WssGateEndpoint(policy = "whoami")
public class WhoAmIEndpoint implements WhoAmI {
    @Resource
    private WebServiceContext context;

    @Override
    public WhoAmIResponse whoami(WhoAmIRequest request) {
        Principal caller = context.getUserPrincipal();
        // isUserInRole answers one role at a time; the WssPrincipal lists them all
        List<String> roles = caller instanceof WssPrincipal wss ? wss.roles().stream().sorted().toList() : List.of();
        return new WhoAmIResponse(caller.getName(), roles);
    }
}
