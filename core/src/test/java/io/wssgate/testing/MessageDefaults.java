package io.wssgate.testing;

import java.security.Key;

import org.apache.wss4j.dom.WSConstants;

/**
 * Algorithm defaults for everything the fixtures sign. WSS4J and OpenSAML still default to
 * RSA-SHA1/SHA-1, which a strict algorithm policy rejects; valid fixtures must pass the default
 * policy, so they explicitly use SHA-256 throughout.
 */
final class MessageDefaults {

    static final String DIGEST = WSConstants.SHA256;
    static final String C14N = WSConstants.C14N_EXCL_OMIT_COMMENTS;
    static final String RSA_SHA256 = WSConstants.RSA_SHA256;
    static final String ECDSA_SHA256 = WSConstants.ECDSA_SHA256;

    private MessageDefaults() {
    }

    static String signatureAlgorithmFor(Key key) {
        return "EC".equals(key.getAlgorithm()) ? ECDSA_SHA256 : RSA_SHA256;
    }
}
