package io.wssgate.outbound;

import java.util.List;
import java.util.Optional;
import org.w3c.dom.Document;

/**
 * An outbound message after securing: the document (secured in place) and the values of the
 * signatures it now carries, which a client keeps to check the response's SignatureConfirmation:
 * {@code signatureValues} of the message signatures (a response must confirm each), and
 * {@code tokenSignatureValues} of the signatures inside attached tokens, i.e. a SAML assertion's
 * issuer signature (a response may confirm them too, as WSS4J-based servers such as Apache CXF do).
 * {@code messageId} is the wsa:MessageID the message carries, which a reply's wsa:RelatesTo names.
 * {@code attachments} are the SwA attachments to send in place of the ones given, where they were
 * encrypted (empty: send them as given).
 */
public record SecuredMessage(Document document, List<byte[]> signatureValues, List<byte[]> tokenSignatureValues,
                             Optional<String> messageId, List<io.wssgate.spi.OutboundAttachment> attachments) {
    public SecuredMessage {
        signatureValues = List.copyOf(signatureValues);
        tokenSignatureValues = List.copyOf(tokenSignatureValues);
        messageId = messageId == null ? Optional.empty() : messageId;
        attachments = List.copyOf(attachments);
    }

    /** Attachments (if any) sent as given. */
    public SecuredMessage(Document document, List<byte[]> signatureValues, List<byte[]> tokenSignatureValues,
                          Optional<String> messageId) {
        this(document, signatureValues, tokenSignatureValues, messageId, List.of());
    }

    /** Without a wsa:MessageID. */
    public SecuredMessage(Document document, List<byte[]> signatureValues, List<byte[]> tokenSignatureValues) {
        this(document, signatureValues, tokenSignatureValues, Optional.empty());
    }

    /** A message with no signed token. */
    public SecuredMessage(Document document, List<byte[]> signatureValues) {
        this(document, signatureValues, List.of());
    }
}
