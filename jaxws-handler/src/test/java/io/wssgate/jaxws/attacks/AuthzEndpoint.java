package io.wssgate.jaxws.attacks;

import io.wssgate.jaxws.WssGateEndpoint;
import jakarta.jws.WebService;

/** The attacked SOAP 1.1 endpoint of policy "authz" (an operation per kind of authorization rule). */
@WebService(serviceName = "AuthzEndpointService", portName = "AuthzEndpointPort", targetNamespace = io.wssgate.jaxws.WhoAmI.NS,
        endpointInterface = "io.wssgate.jaxws.WhoAmI")
@WssGateEndpoint(policy = "authz")
public class AuthzEndpoint extends AttackedEndpoint {
}
