package io.wssgate.jaxws.attacks;

import io.wssgate.jaxws.WssGateEndpoint;
import jakarta.jws.WebService;

/** The attacked SOAP 1.1 endpoint of policy "encsaml" (encrypted SAML assertions). */
@WebService(serviceName = "EncSamlEndpointService", portName = "EncSamlEndpointPort", targetNamespace = io.wssgate.jaxws.WhoAmI.NS,
        endpointInterface = "io.wssgate.jaxws.WhoAmI")
@WssGateEndpoint(policy = "encsaml")
public class EncSamlEndpoint extends AttackedEndpoint {
}
