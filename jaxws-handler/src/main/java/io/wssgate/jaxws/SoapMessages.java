package io.wssgate.jaxws;

import io.wssgate.soap.SoapVersion;
import jakarta.xml.soap.MessageFactory;
import jakarta.xml.soap.MimeHeaders;
import jakarta.xml.soap.SOAPConstants;
import jakarta.xml.soap.SOAPException;
import jakarta.xml.soap.SOAPMessage;
import jakarta.xml.ws.handler.MessageContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Moves SAAJ messages to and from the bytes the core works on. The core validates and secures
 * serialized envelopes, so the handler hands it exactly the envelope the runtime will go on
 * to process (or send) and takes back exactly what the core produced.
 */
final class SoapMessages {
    private SoapMessages() {
    }

    /**
     * The envelope as UTF-8 bytes. Attachments (SwA, MTOM) are refused rather than silently
     * dropped: where the handler validates a runtime's re-serialised message it cannot see the
     * wire package (attachments are validated on the wire: the Metro codec, the filter); a client
     * request with attachments takes {@link #envelopeBytes} and {@link #attachments} instead.
     */
    static byte[] toBytes(SOAPMessage message) throws SOAPException, IOException {
        if (message.countAttachments() > 0) {
            throw new SOAPException("SOAP attachments are not supported by WSS Gate");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toByteArray();
    }

    /** The envelope alone (the SOAP part) of a message with attachments, as UTF-8 bytes. */
    static byte[] envelopeBytes(SOAPMessage message) throws SOAPException {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            javax.xml.transform.TransformerFactory.newInstance().newTransformer().transform(
                    message.getSOAPPart().getContent(), new javax.xml.transform.stream.StreamResult(out));
            return out.toByteArray();
        } catch (javax.xml.transform.TransformerException e) {
            throw new SOAPException("cannot serialize the envelope", e);
        }
    }

    /**
     * The message's SwA attachments for the core to sign, each given a Content-ID if it has none
     * (a signature names its attachment by Content-ID).
     */
    static List<io.wssgate.spi.OutboundAttachment> attachments(SOAPMessage message) throws SOAPException {
        List<io.wssgate.spi.OutboundAttachment> attachments = new java.util.ArrayList<>();
        java.util.Iterator<jakarta.xml.soap.AttachmentPart> parts = message.getAttachments();
        while (parts.hasNext()) {
            jakarta.xml.soap.AttachmentPart part = parts.next();
            if (part.getContentId() == null) {
                part.setContentId("<" + java.util.UUID.randomUUID() + "@wssgate>");
            }
            String id = part.getContentId().trim();
            if (id.startsWith("<") && id.endsWith(">")) {
                id = id.substring(1, id.length() - 1);
            }
            attachments.add(io.wssgate.spi.OutboundAttachment.of(id, part.getContentType(), part.getRawContentBytes()));
        }
        return attachments;
    }

    /**
     * Replaces the message's attachments by {@code sent} (the core's encrypted ones: same
     * Content-IDs, their ciphertext streamed from the source when the runtime writes them).
     */
    static void replaceAttachments(SOAPMessage message, List<io.wssgate.spi.OutboundAttachment> sent) {
        message.removeAllAttachments();
        for (io.wssgate.spi.OutboundAttachment a : sent) {
            jakarta.xml.soap.AttachmentPart part = message.createAttachmentPart(
                    new jakarta.activation.DataHandler(new AttachmentSource(a)));
            part.setContentId("<" + a.contentId() + ">");
            part.setContentType(a.contentType());
            message.addAttachmentPart(part);
        }
    }

    /** An outbound attachment as the Activation API reads it, opened afresh each time. */
    private record AttachmentSource(io.wssgate.spi.OutboundAttachment attachment)
            implements jakarta.activation.DataSource {
        @Override
        public java.io.InputStream getInputStream() throws IOException {
            return attachment.content().open();
        }

        @Override
        public java.io.OutputStream getOutputStream() {
            throw new UnsupportedOperationException("read-only");
        }

        @Override
        public String getContentType() {
            return attachment.contentType();
        }

        @Override
        public String getName() {
            return attachment.contentId();
        }
    }

    /** Puts {@code envelope} in place of the message's SOAP part, keeping its attachments. */
    static void replaceEnvelope(SOAPMessage message, byte[] envelope) throws SOAPException {
        message.getSOAPPart().setContent(new javax.xml.transform.stream.StreamSource(new ByteArrayInputStream(envelope)));
        message.saveChanges();
    }

    /**
     * A message with attachments as the MIME package SAAJ writes (SwA), with its Content-Type:
     * what the core secures or validates as a package. The runtime holds the attachments in
     * memory already; the core spools what it reads.
     */
    record MimeBytes(byte[] body, String contentType) {
        java.io.InputStream open() {
            return new ByteArrayInputStream(body);
        }
    }

    static MimeBytes mimeBytes(SOAPMessage message) throws SOAPException, IOException {
        message.saveChanges();
        String[] contentType = message.getMimeHeaders().getHeader("Content-Type");
        if (contentType == null || contentType.length == 0) {
            throw new SOAPException("a message with attachments but no Content-Type");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return new MimeBytes(out.toByteArray(), contentType[0]);
    }

    /** A SAAJ message read from a MIME package (SwA) of the given version. */
    static SOAPMessage fromPackage(java.io.InputStream body, String contentType, SoapVersion version)
            throws SOAPException, IOException {
        MimeHeaders headers = new MimeHeaders();
        headers.addHeader("Content-Type", contentType);
        SOAPMessage message = factory(version).createMessage(headers, body);
        // SAAJ reads lazily: read the parts now, while the stream (a spooled package) is open
        message.countAttachments();
        message.getSOAPPart().getEnvelope();
        return message;
    }

    /** A SAAJ message of the given version holding exactly {@code envelope}. */
    static SOAPMessage fromBytes(byte[] envelope, SoapVersion version) throws SOAPException, IOException {
        MimeHeaders headers = new MimeHeaders();
        headers.addHeader("Content-Type", version.contentType());
        return factory(version).createMessage(headers, new ByteArrayInputStream(envelope));
    }

    /** The runtime's SAAJ factory for {@code version}, looked up once (a factory is thread-safe to use). */
    static MessageFactory factory(SoapVersion version) throws SOAPException {
        try {
            return version == SoapVersion.SOAP_12 ? Factories.SOAP_12 : Factories.SOAP_11;
        } catch (ExceptionInInitializerError | NoClassDefFoundError e) {
            throw new SOAPException("no SAAJ implementation", e);
        }
    }

    /** Created on first use, so that loading the handler never needs a SAAJ implementation. */
    private static final class Factories {
        static final MessageFactory SOAP_11 = create(SOAPConstants.SOAP_1_1_PROTOCOL);
        static final MessageFactory SOAP_12 = create(SOAPConstants.SOAP_1_2_PROTOCOL);

        private static MessageFactory create(String protocol) {
            try {
                return MessageFactory.newInstance(protocol);
            } catch (SOAPException e) {
                throw new IllegalStateException("no SAAJ implementation for " + protocol, e);
            }
        }
    }

    /** The request's SOAP version by its HTTP Content-Type, for when the message itself cannot be read. */
    static SoapVersion versionOfRequest(MessageContext context) {
        if (context.get(MessageContext.HTTP_REQUEST_HEADERS) instanceof Map<?, ?> headers) {
            for (Map.Entry<?, ?> header : headers.entrySet()) {
                if (header.getKey() instanceof String name && name.equalsIgnoreCase("Content-Type")
                        && header.getValue() instanceof List<?> values && !values.isEmpty()) {
                    return SoapVersion.fromContentType(String.valueOf(values.get(0)));
                }
            }
        }
        return SoapVersion.SOAP_11;
    }

    /** The message's SOAP version by its envelope namespace; SOAP 1.1 when it cannot be told. */
    static SoapVersion versionOf(SOAPMessage message) {
        try {
            return SoapVersion.forNamespace(message.getSOAPPart().getEnvelope().getNamespaceURI())
                    .orElse(SoapVersion.SOAP_11);
        } catch (SOAPException | RuntimeException e) {
            return SoapVersion.SOAP_11;
        }
    }
}
