package io.wssgate.jaxws.attacks;

import io.wssgate.jaxws.WssGateEndpoint;
import jakarta.jws.WebService;

/** The layout scenario's SOAP 1.1 endpoint of policy "no-next". */
@WebService(serviceName = "NoNextEndpointService", portName = "NoNextEndpointPort", targetNamespace = io.wssgate.jaxws.WhoAmI.NS,
        endpointInterface = "io.wssgate.jaxws.WhoAmI")
@WssGateEndpoint(policy = "no-next")
public class NoNextEndpoint extends AttackedEndpoint {
}
