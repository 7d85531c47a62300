package io.wssgate.spring.properties;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** What this side adds to the messages it sends, in order: Timestamp, token, signature, encryption. */
public class OutboundProperties {

    /** The Timestamp added. */
    private Timestamp timestamp = new Timestamp();

    public Timestamp getTimestamp() {
        return timestamp;
    }

    public void setTimestamp(Timestamp timestamp) {
        this.timestamp = timestamp;
    }

    /** The security token added (SAML assertion). */
    private OutboundTokenProperties token = new OutboundTokenProperties();

    public OutboundTokenProperties getToken() {
        return token;
    }

    public void setToken(OutboundTokenProperties token) {
        this.token = token;
    }

    /** The signature added. */
    private Signature signature = new Signature();

    public Signature getSignature() {
        return signature;
    }

    public void setSignature(Signature signature) {
        this.signature = signature;
    }

    /** The encryption applied. */
    private Encryption encryption = new Encryption();

    public Encryption getEncryption() {
        return encryption;
    }

    public void setEncryption(Encryption encryption) {
        this.encryption = encryption;
    }

    /** WSS 1.1 SignatureConfirmation: a server confirms request signatures; a client then requires it. Default false. */
    private Boolean signatureConfirmation;

    public Boolean getSignatureConfirmation() {
        return signatureConfirmation;
    }

    public void setSignatureConfirmation(Boolean signatureConfirmation) {
        this.signatureConfirmation = signatureConfirmation;
    }

    /** The outbound Timestamp. */
    public static class Timestamp {

        /** Whether a Timestamp is added. Default true. */
        private Boolean enabled;

        public Boolean getEnabled() {
            return enabled;
        }

        public void setEnabled(Boolean enabled) {
            this.enabled = enabled;
        }

        /** Its lifetime. Default 5m. */
        private Duration ttl;

        public Duration getTtl() {
            return ttl;
        }

        public void setTtl(Duration ttl) {
            this.ttl = ttl;
        }
    }

    /** The outbound signature. */
    public static class Signature {

        /** The signing key. */
        private KeyProperties key = new KeyProperties();

        public KeyProperties getKey() {
            return key;
        }

        public void setKey(KeyProperties key) {
            this.key = key;
        }

        /** bst (default), issuer-serial, ski or thumbprint. */
        private String keyIdentifier;

        public String getKeyIdentifier() {
            return keyIdentifier;
        }

        public void setKeyIdentifier(String keyIdentifier) {
            this.keyIdentifier = keyIdentifier;
        }

        /** Signature algorithm URI; default RSA-SHA256 (ECDSA-SHA256 for EC keys). */
        private String algorithm;

        public String getAlgorithm() {
            return algorithm;
        }

        public void setAlgorithm(String algorithm) {
            this.algorithm = algorithm;
        }

        /** Digest URI; default SHA-256. */
        private String digest;

        public String getDigest() {
            return digest;
        }

        public void setDigest(String digest) {
            this.digest = digest;
        }

        /** Canonicalization URI; default exclusive C14N. */
        private String canonicalization;

        public String getCanonicalization() {
            return canonicalization;
        }

        public void setCanonicalization(String canonicalization) {
            this.canonicalization = canonicalization;
        }

        /** Body, Timestamp, Token and/or header QNames. Default Body, Timestamp. */
        private List<String> parts = new ArrayList<>();

        public List<String> getParts() {
            return parts;
        }

        public void setParts(List<String> parts) {
            this.parts = parts;
        }
    }

    /** The outbound encryption. */
    public static class Encryption {

        /** PEM certificate of the recipient. */
        private String recipientCertificate;

        public String getRecipientCertificate() {
            return recipientCertificate;
        }

        public void setRecipientCertificate(String recipientCertificate) {
            this.recipientCertificate = recipientCertificate;
        }

        /** How the recipient key is referenced. Default issuer-serial. */
        private String keyIdentifier;

        public String getKeyIdentifier() {
            return keyIdentifier;
        }

        public void setKeyIdentifier(String keyIdentifier) {
            this.keyIdentifier = keyIdentifier;
        }

        /** Data encryption URI. Default AES-256-GCM. */
        private String dataAlgorithm;

        public String getDataAlgorithm() {
            return dataAlgorithm;
        }

        public void setDataAlgorithm(String dataAlgorithm) {
            this.dataAlgorithm = dataAlgorithm;
        }

        /** Key transport URI. Default RSA-OAEP. */
        private String keyTransport;

        public String getKeyTransport() {
            return keyTransport;
        }

        public void setKeyTransport(String keyTransport) {
            this.keyTransport = keyTransport;
        }

        /** Body and/or header QNames (sent as EncryptedHeader). Default Body. */
        private List<String> parts = new ArrayList<>();

        public List<String> getParts() {
            return parts;
        }

        public void setParts(List<String> parts) {
            this.parts = parts;
        }

        /**
         * Send the SAML 2.0 assertion of outbound.token as saml2:EncryptedAssertion for the
         * recipient certificate (needs a token; SAML 1.1 cannot be encrypted). Default false.
         */
        private Boolean assertion;

        public Boolean getAssertion() {
            return assertion;
        }

        public void setAssertion(Boolean assertion) {
            this.assertion = assertion;
        }
    }
}
