package io.wssgate.spring.ws;

import jakarta.xml.soap.SOAPException;
import jakarta.xml.soap.SOAPMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.xml.transform.stream.StreamSource;
import org.springframework.ws.WebServiceMessage;

/**
 * Moves a Spring-WS message to and from the bytes the core's exchange works on. The request is
 * secured on a DOM of its own rather than on SAAJ's tree, so WSS4J never depends on how a SAAJ
 * implementation behaves as a DOM; the secured bytes then become the message's content.
 */
final class SoapBytes {
    private SoapBytes() {
    }

    static byte[] of(WebServiceMessage message) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toByteArray();
    }

    /** Replaces the envelope of a SAAJ message, keeping its MIME headers (SOAPAction). */
    static void replaceEnvelope(SOAPMessage message, byte[] envelope) throws SOAPException {
        message.getSOAPPart().setContent(new StreamSource(new ByteArrayInputStream(envelope)));
        message.saveChanges();
    }
}
