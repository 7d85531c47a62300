package io.wssgate.jaxws.attacks;

import io.wssgate.jaxws.WssGateEndpoint;
import jakarta.jws.WebService;
import jakarta.xml.ws.BindingType;
import jakarta.xml.ws.soap.SOAPBinding;

/** The attacked SOAP 1.2 endpoint of policy "x509". */
@WebService(serviceName = "X509Soap12EndpointService", portName = "X509Soap12EndpointPort", targetNamespace = io.wssgate.jaxws.WhoAmI.NS,
        endpointInterface = "io.wssgate.jaxws.WhoAmI")
@BindingType(SOAPBinding.SOAP12HTTP_BINDING)
@WssGateEndpoint(policy = "x509")
public class X509Soap12Endpoint extends AttackedEndpoint {
}
