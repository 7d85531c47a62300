package io.wssgate.jaxws.attacks;

import io.wssgate.jaxws.WssGateEndpoint;
import jakarta.jws.WebService;

/** The attacked SOAP 1.1 endpoint of policy "ut". */
@WebService(serviceName = "UtEndpointService", portName = "UtEndpointPort", targetNamespace = io.wssgate.jaxws.WhoAmI.NS,
        endpointInterface = "io.wssgate.jaxws.WhoAmI")
@WssGateEndpoint(policy = "ut")
public class UtEndpoint extends AttackedEndpoint {
}
