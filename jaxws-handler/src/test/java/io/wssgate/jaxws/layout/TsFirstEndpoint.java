package io.wssgate.jaxws.layout;

import io.wssgate.jaxws.WssGateEndpoint;
import jakarta.jws.WebService;

/** The layout tests' SOAP 1.1 endpoint of policy "ts-first". */
@WebService(serviceName = "TsFirstEndpointService", portName = "TsFirstEndpointPort", targetNamespace = io.wssgate.jaxws.WhoAmI.NS,
        endpointInterface = "io.wssgate.jaxws.WhoAmI")
@WssGateEndpoint(policy = "ts-first")
public class TsFirstEndpoint extends LayoutEndpoint {
}
