package io.wssgate.jaxws;

import jakarta.jws.WebService;
import org.slf4j.LoggerFactory;

/** An endpoint of policy "mdc" (configuration file named by the system property) that logs a line of its own when it runs. */
@WebService(serviceName = "MdcService", portName = "MdcPort", targetNamespace = WhoAmI.NS,
        endpointInterface = "io.wssgate.jaxws.WhoAmI")
@WssGateEndpoint(config = "${" + MdcEndpoint.CONFIG_PROPERTY + "}", policy = "mdc")
public class MdcEndpoint extends ReportingEndpoint {
    static final String CONFIG_PROPERTY = "wssgate.test.mdc.config";
    static final String LINE = "the endpoint runs";

    @Override
    public String echo(String text) {
        LoggerFactory.getLogger(MdcEndpoint.class).info(LINE);
        return super.echo(text);
    }
}
