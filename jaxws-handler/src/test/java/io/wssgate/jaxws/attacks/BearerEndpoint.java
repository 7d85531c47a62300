package io.wssgate.jaxws.attacks;

import io.wssgate.jaxws.WssGateEndpoint;
import jakarta.jws.WebService;

/** The attacked SOAP 1.1 endpoint of policy "bearer". */
@WebService(serviceName = "BearerEndpointService", portName = "BearerEndpointPort", targetNamespace = io.wssgate.jaxws.WhoAmI.NS,
        endpointInterface = "io.wssgate.jaxws.WhoAmI")
@WssGateEndpoint(policy = "bearer")
public class BearerEndpoint extends AttackedEndpoint {
}
