package io.wssgate.jaxws;

import jakarta.annotation.Resource;
import jakarta.jws.WebService;
import jakarta.xml.ws.WebServiceContext;

/** SOAP 1.1 endpoint secured by the "saml" policy, with nothing but the annotation. */
@WebService(serviceName = "WhoAmIService", portName = "WhoAmIPort", targetNamespace = WhoAmI.NS,
        endpointInterface = "io.wssgate.jaxws.WhoAmI")
@WssGateEndpoint(policy = "saml")
public class WhoAmIEndpoint implements WhoAmI {
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
