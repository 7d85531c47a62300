package io.wssgate.jaxws.attacks;

import io.wssgate.jaxws.WssGateEndpoint;
import jakarta.jws.WebService;

/** The attacked SOAP 1.1 endpoint of policy "swa" (SwA and MTOM packages). */
@WebService(serviceName = "SwaEndpointService", portName = "SwaEndpointPort", targetNamespace = io.wssgate.jaxws.WhoAmI.NS,
        endpointInterface = "io.wssgate.jaxws.WhoAmI")
@WssGateEndpoint(policy = "swa")
public class SwaEndpoint extends AttackedEndpoint {
}
