package io.wssgate.spring.properties;

import java.util.ArrayList;
import java.util.List;

/** Decryption of encrypted Body or headers. */
public class DecryptionProperties {

    /** This side's private key for decryption. */
    private KeyProperties key = new KeyProperties();

    public KeyProperties getKey() {
        return key;
    }

    public void setKey(KeyProperties key) {
        this.key = key;
    }

    /** Allowed key transport URIs. Default RSA-OAEP (xmlenc and xmlenc11). */
    private List<String> keyTransportAlgorithms = new ArrayList<>();

    public List<String> getKeyTransportAlgorithms() {
        return keyTransportAlgorithms;
    }

    public void setKeyTransportAlgorithms(List<String> keyTransportAlgorithms) {
        this.keyTransportAlgorithms = keyTransportAlgorithms;
    }

    /** Allowed data encryption URIs. Default AES-128/192/256-GCM. */
    private List<String> dataAlgorithms = new ArrayList<>();

    public List<String> getDataAlgorithms() {
        return dataAlgorithms;
    }

    public void setDataAlgorithms(List<String> dataAlgorithms) {
        this.dataAlgorithms = dataAlgorithms;
    }

    /**
     * Parts that must arrive encrypted: Body and/or header QNames {@code {namespace}LocalName}.
     * Default none; needs the key.
     */
    private List<String> requiredParts = new ArrayList<>();

    public List<String> getRequiredParts() {
        return requiredParts;
    }

    public void setRequiredParts(List<String> requiredParts) {
        this.requiredParts = requiredParts;
    }
}
