package io.wssgate.jaxws.attacks;

import io.wssgate.jaxws.WssGateEndpoint;
import jakarta.jws.WebService;

/** The layout scenario's SOAP 1.1 endpoint of policy "ts-last". */
@WebService(serviceName = "TsLastEndpointService", portName = "TsLastEndpointPort", targetNamespace = io.wssgate.jaxws.WhoAmI.NS,
        endpointInterface = "io.wssgate.jaxws.WhoAmI")
@WssGateEndpoint(policy = "ts-last")
public class TsLastEndpoint extends AttackedEndpoint {
}
