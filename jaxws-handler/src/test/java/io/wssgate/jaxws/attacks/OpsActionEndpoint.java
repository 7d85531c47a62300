package io.wssgate.jaxws.attacks;

import io.wssgate.jaxws.WssGateEndpoint;
import jakarta.jws.WebService;

/** The attacked SOAP 1.1 endpoint of policy "opsaction" (operations told by SOAPAction). */
@WebService(serviceName = "OpsActionEndpointService", portName = "OpsActionEndpointPort", targetNamespace = io.wssgate.jaxws.WhoAmI.NS,
        endpointInterface = "io.wssgate.jaxws.WhoAmI")
@WssGateEndpoint(policy = "opsaction")
public class OpsActionEndpoint extends AttackedEndpoint {
}
