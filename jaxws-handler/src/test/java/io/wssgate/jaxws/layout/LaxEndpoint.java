package io.wssgate.jaxws.layout;

import io.wssgate.jaxws.WssGateEndpoint;
import jakarta.jws.WebService;

/** The layout tests' SOAP 1.1 endpoint of policy "lax". */
@WebService(serviceName = "LaxEndpointService", portName = "LaxEndpointPort", targetNamespace = io.wssgate.jaxws.WhoAmI.NS,
        endpointInterface = "io.wssgate.jaxws.WhoAmI")
@WssGateEndpoint(policy = "lax")
public class LaxEndpoint extends LayoutEndpoint {
}
