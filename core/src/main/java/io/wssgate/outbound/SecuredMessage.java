package io.wssgate.outbound;

import java.util.List;
import org.w3c.dom.Document;

/**
 * An outbound message after securing: the document (secured in place) and the values of the
 * signatures it now carries, which a client keeps to check the response's SignatureConfirmation.
 */
public record SecuredMessage(Document document, List<byte[]> signatureValues) {
    public SecuredMessage {
        signatureValues = List.copyOf(signatureValues);
    }
}
