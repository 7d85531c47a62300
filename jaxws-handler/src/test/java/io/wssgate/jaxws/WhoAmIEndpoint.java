package io.wssgate.jaxws;

import jakarta.jws.WebService;

/** SOAP 1.1 endpoint secured by the "saml" policy, with nothing but the annotation. */
@WebService(serviceName = "WhoAmIService", portName = "WhoAmIPort", targetNamespace = WhoAmI.NS,
        endpointInterface = "io.wssgate.jaxws.WhoAmI")
@WssGateEndpoint(policy = "saml")
public class WhoAmIEndpoint extends ReportingEndpoint {
}
