package io.wssgate.inbound;

import javax.crypto.SecretKey;
import org.apache.wss4j.common.crypto.AlgorithmSuiteValidator;
import org.apache.wss4j.common.ext.WSSecurityException;
import org.apache.wss4j.common.util.KeyUtils;
import org.apache.wss4j.dom.WSDataRef;
import org.apache.wss4j.dom.WSDocInfo;
import org.apache.wss4j.dom.handler.RequestData;
import org.apache.wss4j.dom.processor.EncryptedKeyProcessor;
import org.apache.wss4j.dom.util.EncryptionUtils;
import org.apache.wss4j.dom.util.X509Util;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * WSS4J's EncryptedKey processing (key transport, its checks, the data it lists), except that an
 * EncryptedData listed there that encrypts an attachment is decrypted by
 * {@link AttachmentDecryption}, streaming into the request's MIME package, with the key and
 * algorithm checks WSS4J applies before its own decryption.
 */
final class AttachmentKeyProcessor extends EncryptedKeyProcessor {

    @Override
    protected WSDataRef decryptDataRef(Document doc, String dataRefURI, WSDocInfo docInfo, byte[] decryptedData,
                                       RequestData data) throws WSSecurityException {
        Element encryptedData = EncryptionUtils.findEncryptedDataElement(docInfo, dataRefURI);
        if (!AttachmentDecryption.isAttachment(encryptedData)) {
            return super.decryptDataRef(doc, dataRefURI, docInfo, decryptedData, data);
        }
        if (!(data.getAttachmentCallbackHandler() instanceof AttachmentCallbacks callbacks)) {
            throw new WSSecurityException(WSSecurityException.ErrorCode.FAILED_CHECK);
        }
        String algorithm = X509Util.getEncAlgo(encryptedData);
        SecretKey key = KeyUtils.prepareSecretKey(algorithm, decryptedData);
        if (data.getAlgorithmSuite() != null) {
            AlgorithmSuiteValidator validator = new AlgorithmSuiteValidator(data.getAlgorithmSuite());
            validator.checkSymmetricKeyLength(key.getEncoded().length);
            validator.checkSymmetricEncryptionAlgorithm(algorithm);
        }
        return AttachmentDecryption.decrypt(encryptedData, key, algorithm, callbacks);
    }
}
