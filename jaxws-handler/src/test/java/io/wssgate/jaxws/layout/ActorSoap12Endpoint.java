package io.wssgate.jaxws.layout;

import io.wssgate.jaxws.WssGateEndpoint;
import jakarta.jws.WebService;
import jakarta.xml.ws.BindingType;
import jakarta.xml.ws.soap.SOAPBinding;

/** The layout tests' SOAP 1.2 endpoint of policy "actor". */
@WebService(serviceName = "ActorSoap12EndpointService", portName = "ActorSoap12EndpointPort", targetNamespace = io.wssgate.jaxws.WhoAmI.NS,
        endpointInterface = "io.wssgate.jaxws.WhoAmI")
@BindingType(SOAPBinding.SOAP12HTTP_BINDING)
@WssGateEndpoint(policy = "actor")
public class ActorSoap12Endpoint extends LayoutEndpoint {
}
