package io.wssgate.jaxws;

import jakarta.xml.ws.Provider;
import jakarta.xml.ws.ServiceMode;
import jakarta.xml.ws.WebServiceProvider;
import javax.xml.transform.Source;

/**
 * A Provider endpoint without WSDL, secured by the "saml" policy: Metro cannot tell from a
 * WSDL whether a reply is expected, so it treats every request as one that expects none.
 */
@WebServiceProvider(serviceName = "EchoProviderService", portName = "EchoProviderPort", targetNamespace = WhoAmI.NS)
@ServiceMode(jakarta.xml.ws.Service.Mode.PAYLOAD)
@WssGateEndpoint(policy = "saml")
public class EchoProvider implements Provider<Source> {
    @Override
    public Source invoke(Source request) {
        CallerReport.INVOCATIONS.incrementAndGet();
        return request;
    }
}
