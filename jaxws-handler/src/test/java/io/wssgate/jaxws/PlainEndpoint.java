package io.wssgate.jaxws;

import jakarta.jws.WebService;

/** An endpoint without {@link WssGateEndpoint} next to secured ones: WSS Gate leaves it alone. */
@WebService(serviceName = "PlainService", portName = "PlainPort", targetNamespace = WhoAmI.NS,
        endpointInterface = "io.wssgate.jaxws.WhoAmI")
public class PlainEndpoint extends ReportingEndpoint {
}
