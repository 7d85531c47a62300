package io.wssgate.jaxws;

import jakarta.annotation.Resource;
import jakarta.jws.WebService;
import jakarta.xml.ws.WebServiceContext;

/** An endpoint without {@link WssGateEndpoint} next to secured ones: WSS Gate leaves it alone. */
@WebService(serviceName = "PlainService", portName = "PlainPort", targetNamespace = WhoAmI.NS,
        endpointInterface = "io.wssgate.jaxws.WhoAmI")
public class PlainEndpoint implements WhoAmI {
    @Resource
    private WebServiceContext context;

    @Override
    public String whoami() {
        return CallerReport.describe(context);
    }

    @Override
    public String echo(String text) {
        return CallerReport.echo(text);
    }

    @Override
    public void note(String text) {
        CallerReport.note(text);
    }
}
