package io.wssgate.jaxws.attacks;

import io.wssgate.jaxws.WssGateEndpoint;
import jakarta.jws.WebService;

/** The attacked SOAP 1.1 endpoint of policy "x509". */
@WebService(serviceName = "X509EndpointService", portName = "X509EndpointPort", targetNamespace = io.wssgate.jaxws.WhoAmI.NS,
        endpointInterface = "io.wssgate.jaxws.WhoAmI")
@WssGateEndpoint(policy = "x509")
public class X509Endpoint extends AttackedEndpoint {
}
