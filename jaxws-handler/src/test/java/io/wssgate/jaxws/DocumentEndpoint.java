package io.wssgate.jaxws;

import jakarta.activation.DataHandler;
import jakarta.annotation.Resource;
import jakarta.jws.WebMethod;
import jakarta.jws.WebParam;
import jakarta.jws.WebService;
import jakarta.xml.ws.WebServiceContext;
import jakarta.xml.ws.handler.MessageContext;
import jakarta.xml.ws.soap.MTOM;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * An {@code @MTOM} endpoint that stores a document, as a document service does: it reports the
 * caller, the size and SHA-256 of the document Metro decoded from the MTOM package, and every SwA
 * attachment Metro found ({@code INBOUND_MESSAGE_ATTACHMENTS}) with its size and SHA-256.
 */
@MTOM
@WebService(serviceName = "DocumentService", portName = "DocumentPort", targetNamespace = DocumentEndpoint.NS)
@WssGateEndpoint(policy = "documents")
public class DocumentEndpoint {
    static final String NS = "urn:wssgate:test:documents";

    @Resource
    private WebServiceContext context;

    @WebMethod
    public String store(@WebParam(name = "document") byte[] document) {
        @SuppressWarnings("unchecked")
        Map<String, DataHandler> attachments = (Map<String, DataHandler>) context.getMessageContext()
                .get(MessageContext.INBOUND_MESSAGE_ATTACHMENTS);
        Map<String, String> described = new TreeMap<>();
        if (attachments != null) {
            attachments.forEach((id, handler) -> described.put(id, describe(read(handler))));
        }
        return "principal=" + context.getUserPrincipal().getName() + ";document=" + describe(document)
                + ";attachments=" + described;
    }

    static String describe(byte[] bytes) {
        if (bytes == null) {
            return "none";
        }
        try {
            return bytes.length + ":" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] read(DataHandler handler) {
        try (InputStream in = handler.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
