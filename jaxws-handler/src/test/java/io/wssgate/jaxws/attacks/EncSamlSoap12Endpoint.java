package io.wssgate.jaxws.attacks;

import io.wssgate.jaxws.WssGateEndpoint;
import jakarta.jws.WebService;
import jakarta.xml.ws.BindingType;
import jakarta.xml.ws.soap.SOAPBinding;

/** The attacked SOAP 1.2 endpoint of policy "encsaml" (encrypted SAML assertions). */
@WebService(serviceName = "EncSamlSoap12EndpointService", portName = "EncSamlSoap12EndpointPort", targetNamespace = io.wssgate.jaxws.WhoAmI.NS,
        endpointInterface = "io.wssgate.jaxws.WhoAmI")
@BindingType(SOAPBinding.SOAP12HTTP_BINDING)
@WssGateEndpoint(policy = "encsaml")
public class EncSamlSoap12Endpoint extends AttackedEndpoint {
}
