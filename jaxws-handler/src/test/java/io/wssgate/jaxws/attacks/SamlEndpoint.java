package io.wssgate.jaxws.attacks;

import io.wssgate.jaxws.WssGateEndpoint;
import jakarta.jws.WebService;

/** The attacked SOAP 1.1 endpoint of policy "saml". */
@WebService(serviceName = "SamlEndpointService", portName = "SamlEndpointPort", targetNamespace = io.wssgate.jaxws.WhoAmI.NS,
        endpointInterface = "io.wssgate.jaxws.WhoAmI")
@WssGateEndpoint(policy = "saml")
public class SamlEndpoint extends AttackedEndpoint {
}
