package io.wssgate.jaxws.attacks;

import io.wssgate.jaxws.WssGateEndpoint;
import jakarta.jws.WebService;
import jakarta.xml.ws.BindingType;
import jakarta.xml.ws.soap.SOAPBinding;

/** The attacked SOAP 1.2 endpoint of policy "ops" (operations told by payload root, SOAPAction and wsa:Action). */
@WebService(serviceName = "OpsSoap12EndpointService", portName = "OpsSoap12EndpointPort", targetNamespace = io.wssgate.jaxws.WhoAmI.NS,
        endpointInterface = "io.wssgate.jaxws.WhoAmI")
@BindingType(SOAPBinding.SOAP12HTTP_BINDING)
@WssGateEndpoint(policy = "ops")
public class OpsSoap12Endpoint extends AttackedEndpoint {
}
