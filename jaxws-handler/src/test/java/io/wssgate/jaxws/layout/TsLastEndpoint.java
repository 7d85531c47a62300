package io.wssgate.jaxws.layout;

import io.wssgate.jaxws.WssGateEndpoint;
import jakarta.jws.WebService;

/** The layout tests' SOAP 1.1 endpoint of policy "ts-last". */
@WebService(serviceName = "TsLastEndpointService", portName = "TsLastEndpointPort", targetNamespace = io.wssgate.jaxws.WhoAmI.NS,
        endpointInterface = "io.wssgate.jaxws.WhoAmI")
@WssGateEndpoint(policy = "ts-last")
public class TsLastEndpoint extends LayoutEndpoint {
}
