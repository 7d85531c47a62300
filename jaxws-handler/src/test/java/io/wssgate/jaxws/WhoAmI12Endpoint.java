package io.wssgate.jaxws;

import jakarta.annotation.Resource;
import jakarta.jws.WebService;
import jakarta.xml.ws.BindingType;
import jakarta.xml.ws.WebServiceContext;
import jakarta.xml.ws.soap.SOAPBinding;

/** SOAP 1.2 endpoint secured by the "x509" policy (which can also decrypt). */
@WebService(serviceName = "WhoAmI12Service", portName = "WhoAmI12Port", targetNamespace = WhoAmI.NS,
        endpointInterface = "io.wssgate.jaxws.WhoAmI")
@BindingType(SOAPBinding.SOAP12HTTP_BINDING)
@WssGateEndpoint(policy = "x509")
public class WhoAmI12Endpoint implements WhoAmI {
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
