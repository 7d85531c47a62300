package io.wssgate.jaxws;

import jakarta.activation.DataHandler;
import jakarta.annotation.Resource;
import jakarta.jws.WebMethod;
import jakarta.jws.WebService;
import jakarta.xml.ws.WebServiceContext;
import jakarta.xml.ws.handler.MessageContext;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * A Metro endpoint that answers with an SwA attachment ({@code OUTBOUND_MESSAGE_ATTACHMENTS}), as
 * a document service returns a document: WSS Gate signs it with the response's envelope.
 */
@WebService(serviceName = "ReportService", portName = "ReportPort", targetNamespace = ReportEndpoint.NS)
@WssGateEndpoint(policy = "reports")
public class ReportEndpoint {
    static final String NS = "urn:wssgate:test:reports";
    static final byte[] REPORT = "%PDF-1.7 the report a Metro endpoint returns".getBytes(StandardCharsets.US_ASCII);

    @Resource
    private WebServiceContext context;

    @WebMethod
    public String report() {
        Map<String, DataHandler> attachments = new HashMap<>();
        attachments.put("report@metro.test", new DataHandler(new AttachmentEndpointTest.BytesSource(REPORT)));
        context.getMessageContext().put(MessageContext.OUTBOUND_MESSAGE_ATTACHMENTS, attachments);
        return "attached";
    }

    /** The client view. */
    @WebService(name = "ReportEndpoint", targetNamespace = ReportEndpoint.NS)
    public interface Reports {
        @WebMethod
        String report();
    }
}
