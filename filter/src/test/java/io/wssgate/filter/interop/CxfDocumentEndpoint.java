package io.wssgate.filter.interop;

import jakarta.activation.DataHandler;
import jakarta.annotation.Resource;
import jakarta.jws.WebService;
import jakarta.xml.ws.WebServiceContext;
import jakarta.xml.ws.handler.MessageContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A CXF document service: reports the caller (CXF's security context, filled by
 * WSS4JInInterceptor after it verified the signature, attachments included) and every SwA
 * attachment CXF received, with its size and SHA-256, and the SHA-256 of the document parameter
 * (an MTOM part, decoded by CXF).
 */
@WebService(serviceName = "DocumentService", portName = "DocumentPort", targetNamespace = InteropService.NS,
        endpointInterface = "io.wssgate.filter.interop.DocumentUpload")
public class CxfDocumentEndpoint implements DocumentUpload {
    static final AtomicInteger INVOCATIONS = new AtomicInteger();

    @Resource
    private WebServiceContext context;

    @Override
    public String store(byte[] document) {
        INVOCATIONS.incrementAndGet();
        @SuppressWarnings("unchecked")
        Map<String, DataHandler> attachments = (Map<String, DataHandler>) context.getMessageContext()
                .get(MessageContext.INBOUND_MESSAGE_ATTACHMENTS);
        Map<String, String> described = new TreeMap<>();
        if (attachments != null) {
            attachments.forEach((id, handler) -> described.put(id, DocumentServlet.sha256(read(handler))));
        }
        return "principal=" + context.getUserPrincipal().getName() + ";attachments=" + described + ";document="
                + (document == null ? "none" : DocumentServlet.sha256(document));
    }

    private static byte[] read(DataHandler handler) {
        try (InputStream in = handler.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
