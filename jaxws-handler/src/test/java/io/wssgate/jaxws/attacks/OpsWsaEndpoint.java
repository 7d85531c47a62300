package io.wssgate.jaxws.attacks;

import io.wssgate.jaxws.WssGateEndpoint;
import jakarta.jws.WebService;

/** The attacked SOAP 1.1 endpoint of policy "opswsa" (operations told by wsa:Action, WS-Addressing required). */
@WebService(serviceName = "OpsWsaEndpointService", portName = "OpsWsaEndpointPort", targetNamespace = io.wssgate.jaxws.WhoAmI.NS,
        endpointInterface = "io.wssgate.jaxws.WhoAmI")
@WssGateEndpoint(policy = "opswsa")
public class OpsWsaEndpoint extends AttackedEndpoint {
}
