package io.wssgate.capture;

import io.wssgate.config.MessageLimits;
import io.wssgate.soap.Documents;
import io.wssgate.soap.HardenedParser;
import io.wssgate.soap.MalformedMessageException;
import io.wssgate.soap.SoapEnvelope;
import java.util.Optional;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Removes the content of a message's SOAP Body, keeping the Body element and its attributes (its
 * wsu:Id, which signatures reference) and everything else as received. A message that does not
 * parse as a SOAP envelope cannot be redacted, and so is not kept at all.
 */
final class BodyRedaction {
    static final String MARK = " Body content removed by WSS Gate before capture (diagnostics.capture-rejected"
            + ".redact-body): its signature digest cannot be checked offline ";

    private BodyRedaction() {
    }

    static Optional<byte[]> redact(byte[] message, MessageLimits limits) {
        SoapEnvelope envelope;
        try {
            envelope = new HardenedParser(limits).parse(message);
        } catch (MalformedMessageException e) {
            return Optional.empty();
        }
        Element body = envelope.body();
        for (Node child = body.getFirstChild(); child != null; ) {
            Node next = child.getNextSibling();
            body.removeChild(child);
            child = next;
        }
        body.appendChild(envelope.document().createComment(MARK));
        return Optional.of(Documents.serialize(envelope.document()));
    }
}
