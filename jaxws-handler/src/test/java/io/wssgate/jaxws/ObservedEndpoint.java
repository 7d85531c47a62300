package io.wssgate.jaxws;

import jakarta.jws.WebService;

/** An endpoint of policy "observed" in the configuration the system property below names (one file per test run). */
@WebService(serviceName = "ObservedService", portName = "ObservedPort", targetNamespace = WhoAmI.NS,
        endpointInterface = "io.wssgate.jaxws.WhoAmI")
@WssGateEndpoint(config = "${" + ObservedEndpoint.CONFIG_PROPERTY + "}", policy = "observed")
public class ObservedEndpoint extends ReportingEndpoint {
    static final String CONFIG_PROPERTY = "wssgate.test.observed.config";
}
