package io.wssgate.jaxws.layout;

import io.wssgate.jaxws.WssGateEndpoint;
import jakarta.jws.WebService;
import jakarta.xml.ws.BindingType;
import jakarta.xml.ws.soap.SOAPBinding;

/** The layout tests' SOAP 1.2 endpoint of policy "no-next". */
@WebService(serviceName = "NoNextSoap12EndpointService", portName = "NoNextSoap12EndpointPort", targetNamespace = io.wssgate.jaxws.WhoAmI.NS,
        endpointInterface = "io.wssgate.jaxws.WhoAmI")
@BindingType(SOAPBinding.SOAP12HTTP_BINDING)
@WssGateEndpoint(policy = "no-next")
public class NoNextSoap12Endpoint extends LayoutEndpoint {
}
