package io.wssgate.jaxws.attacks;

import io.wssgate.jaxws.WssGateEndpoint;
import jakarta.jws.WebService;

/** The attacked SOAP 1.1 endpoint of policy "ops" (operations told by payload root, SOAPAction and wsa:Action). */
@WebService(serviceName = "OpsEndpointService", portName = "OpsEndpointPort", targetNamespace = io.wssgate.jaxws.WhoAmI.NS,
        endpointInterface = "io.wssgate.jaxws.WhoAmI")
@WssGateEndpoint(policy = "ops")
public class OpsEndpoint extends AttackedEndpoint {
}
