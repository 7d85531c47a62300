package io.wssgate.filter.sts;

import io.wssgate.jaxws.WssGateClient;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.xml.soap.MessageFactory;
import jakarta.xml.soap.SOAPMessage;
import jakarta.xml.ws.Dispatch;
import jakarta.xml.ws.Service;
import jakarta.xml.ws.soap.SOAPBinding;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import javax.xml.namespace.QName;

/**
 * Both services of the STS scenarios, behind the WSS Gate filter. /provider/* answers with the
 * name of the validated caller. /middle/* serves its caller by calling the provider itself,
 * through a JAX-WS client secured with the delegating client policy, and answers with the
 * name the provider saw.
 */
public class StsScenarioServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final AtomicInteger PROVIDER_CALLS = new AtomicInteger();
    static volatile String downstream;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = request.getRequestURI().contains("/middle/") ? callDownstream()
                : provider(request.getUserPrincipal() == null ? "" : request.getUserPrincipal().getName());
        response.setContentType("text/xml; charset=UTF-8");
        response.getWriter().write(StsScenarios.response(name));
    }

    private static String provider(String name) {
        PROVIDER_CALLS.incrementAndGet();
        return name;
    }

    private static String callDownstream() throws IOException {
        QName service = new QName("urn:wssgate:example", "Provider");
        QName port = new QName("urn:wssgate:example", "ProviderPort");
        Service client = Service.create(service);
        client.addPort(port, SOAPBinding.SOAP11HTTP_BINDING, downstream);
        Dispatch<SOAPMessage> dispatch = WssGateClient.secure(
                client.createDispatch(port, SOAPMessage.class, Service.Mode.MESSAGE), "delegating-client");
        try {
            SOAPMessage answer = dispatch.invoke(MessageFactory.newInstance().createMessage(null,
                    new ByteArrayInputStream(StsScenarios.request().getBytes(StandardCharsets.UTF_8))));
            return answer.getSOAPBody().getTextContent().trim();
        } catch (jakarta.xml.soap.SOAPException e) {
            throw new IOException(e);
        }
    }
}
