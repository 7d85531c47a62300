package io.wssgate.inbound;

import java.util.List;
import java.util.function.Supplier;
import org.apache.wss4j.common.ext.WSSecurityException;
import org.apache.wss4j.dom.WSConstants;
import org.apache.wss4j.dom.engine.WSSConfig;
import org.apache.wss4j.dom.engine.WSSecurityEngineResult;
import org.apache.wss4j.dom.handler.RequestData;
import org.apache.wss4j.dom.processor.EncryptedDataProcessor;
import org.apache.wss4j.dom.processor.Processor;
import org.apache.wss4j.dom.processor.ReferenceListProcessor;
import org.w3c.dom.Element;

/**
 * Runs one of WSS4J's decryption processors and turns every way it can fail (no key for the
 * named recipient, a damaged EncryptedKey, a damaged or truncated ciphertext, a bad tag,
 * unparseable plaintext) into the same FailedCheck. WSS4J reports these with different codes
 * (an unknown recipient is a generic FAILURE, a bad tag a FAILED_CHECK); a sender that can tell
 * them apart has an oracle on the key transport and the ciphertext. The real reason stays in
 * the cause, for the server log only.
 */
final class UniformDecryptionFailure implements Processor {
    private final Supplier<Processor> delegate;

    private UniformDecryptionFailure(Supplier<Processor> delegate) {
        this.delegate = delegate;
    }

    /** Replaces WSS4J's processors for EncryptedKey, ReferenceList and EncryptedData in {@code config}. */
    static void install(WSSConfig config) {
        // a fresh delegate per token, as WSS4J itself does when it knows a processor by class
        // (attachments an EncryptedKey lists are decrypted streaming: AttachmentKeyProcessor)
        config.setProcessor(WSConstants.ENCRYPTED_KEY, new UniformDecryptionFailure(AttachmentKeyProcessor::new));
        config.setProcessor(WSConstants.REFERENCE_LIST, new UniformDecryptionFailure(ReferenceListProcessor::new));
        config.setProcessor(WSConstants.ENCRYPTED_DATA, new UniformDecryptionFailure(EncryptedDataProcessor::new));
    }

    @Override
    public List<WSSecurityEngineResult> handleToken(Element element, RequestData data) throws WSSecurityException {
        try {
            return delegate.get().handleToken(element, data);
        } catch (WSSecurityException | RuntimeException e) {
            throw new WSSecurityException(WSSecurityException.ErrorCode.FAILED_CHECK, e);
        }
    }
}
