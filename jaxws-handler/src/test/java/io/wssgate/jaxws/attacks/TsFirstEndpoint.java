package io.wssgate.jaxws.attacks;

import io.wssgate.jaxws.WssGateEndpoint;
import jakarta.jws.WebService;

/** The layout scenario's SOAP 1.1 endpoint of policy "ts-first". */
@WebService(serviceName = "TsFirstEndpointService", portName = "TsFirstEndpointPort", targetNamespace = io.wssgate.jaxws.WhoAmI.NS,
        endpointInterface = "io.wssgate.jaxws.WhoAmI")
@WssGateEndpoint(policy = "ts-first")
public class TsFirstEndpoint extends AttackedEndpoint {
}
