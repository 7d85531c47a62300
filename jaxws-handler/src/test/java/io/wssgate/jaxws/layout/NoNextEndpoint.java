package io.wssgate.jaxws.layout;

import io.wssgate.jaxws.WssGateEndpoint;
import jakarta.jws.WebService;

/** The layout tests' SOAP 1.1 endpoint of policy "no-next". */
@WebService(serviceName = "NoNextEndpointService", portName = "NoNextEndpointPort", targetNamespace = io.wssgate.jaxws.WhoAmI.NS,
        endpointInterface = "io.wssgate.jaxws.WhoAmI")
@WssGateEndpoint(policy = "no-next")
public class NoNextEndpoint extends LayoutEndpoint {
}
