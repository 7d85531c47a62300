package io.wssgate.jaxws.attacks;

import io.wssgate.jaxws.WssGateEndpoint;
import jakarta.jws.WebService;

/** The layout scenario's SOAP 1.1 endpoint of policy "actor". */
@WebService(serviceName = "ActorEndpointService", portName = "ActorEndpointPort", targetNamespace = io.wssgate.jaxws.WhoAmI.NS,
        endpointInterface = "io.wssgate.jaxws.WhoAmI")
@WssGateEndpoint(policy = "actor")
public class ActorEndpoint extends AttackedEndpoint {
}
