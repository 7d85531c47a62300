package io.wssgate.jaxws.attacks;

import io.wssgate.jaxws.WssGateEndpoint;
import jakarta.jws.WebService;

/** The attacked SOAP 1.1 endpoint of policy "enc". */
@WebService(serviceName = "EncEndpointService", portName = "EncEndpointPort", targetNamespace = io.wssgate.jaxws.WhoAmI.NS,
        endpointInterface = "io.wssgate.jaxws.WhoAmI")
@WssGateEndpoint(policy = "enc")
public class EncEndpoint extends AttackedEndpoint {
}
