package io.wssgate.jaxws.layout;

import io.wssgate.jaxws.WssGateEndpoint;
import jakarta.jws.WebService;

/** The layout tests' SOAP 1.1 endpoint of policy "actor". */
@WebService(serviceName = "ActorEndpointService", portName = "ActorEndpointPort", targetNamespace = io.wssgate.jaxws.WhoAmI.NS,
        endpointInterface = "io.wssgate.jaxws.WhoAmI")
@WssGateEndpoint(policy = "actor")
public class ActorEndpoint extends LayoutEndpoint {
}
