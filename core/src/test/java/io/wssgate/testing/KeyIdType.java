package io.wssgate.testing;

import org.apache.wss4j.dom.WSConstants;

/** How a signature's (or EncryptedKey's) KeyInfo points at the X.509 certificate. */
public enum KeyIdType {
    /** Certificate in a wsse:BinarySecurityToken, referenced by wsse:Reference URI="#id". */
    BST(WSConstants.BST_DIRECT_REFERENCE),
    /** ds:X509Data/ds:X509IssuerSerial; the verifier must already hold the certificate. */
    ISSUER_SERIAL(WSConstants.ISSUER_SERIAL),
    /** wsse:KeyIdentifier with the SubjectKeyIdentifier; the verifier must hold the certificate. */
    SKI(WSConstants.SKI_KEY_IDENTIFIER),
    /** wsse:KeyIdentifier with the SHA-1 thumbprint; the verifier must hold the certificate. */
    THUMBPRINT(WSConstants.THUMBPRINT_IDENTIFIER),
    /** wsse:KeyIdentifier carrying the whole certificate (X509v3 value type). */
    X509_KEY_IDENTIFIER(WSConstants.X509_KEY_IDENTIFIER);

    private final int wss4jType;

    KeyIdType(int wss4jType) {
        this.wss4jType = wss4jType;
    }

    int wss4jType() {
        return wss4jType;
    }
}
