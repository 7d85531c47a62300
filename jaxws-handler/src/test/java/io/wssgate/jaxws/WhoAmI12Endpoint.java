package io.wssgate.jaxws;

import jakarta.jws.WebService;
import jakarta.xml.ws.BindingType;
import jakarta.xml.ws.soap.SOAPBinding;

/** SOAP 1.2 endpoint secured by the "x509" policy (which can also decrypt). */
@WebService(serviceName = "WhoAmI12Service", portName = "WhoAmI12Port", targetNamespace = WhoAmI.NS,
        endpointInterface = "io.wssgate.jaxws.WhoAmI")
@BindingType(SOAPBinding.SOAP12HTTP_BINDING)
@WssGateEndpoint(policy = "x509")
public class WhoAmI12Endpoint extends ReportingEndpoint {
}
