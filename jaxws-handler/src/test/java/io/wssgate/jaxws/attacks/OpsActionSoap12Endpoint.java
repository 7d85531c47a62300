package io.wssgate.jaxws.attacks;

import io.wssgate.jaxws.WssGateEndpoint;
import jakarta.jws.WebService;
import jakarta.xml.ws.BindingType;
import jakarta.xml.ws.soap.SOAPBinding;

/** The attacked SOAP 1.2 endpoint of policy "opsaction" (operations told by the action parameter). */
@WebService(serviceName = "OpsActionSoap12EndpointService", portName = "OpsActionSoap12EndpointPort", targetNamespace = io.wssgate.jaxws.WhoAmI.NS,
        endpointInterface = "io.wssgate.jaxws.WhoAmI")
@BindingType(SOAPBinding.SOAP12HTTP_BINDING)
@WssGateEndpoint(policy = "opsaction")
public class OpsActionSoap12Endpoint extends AttackedEndpoint {
}
