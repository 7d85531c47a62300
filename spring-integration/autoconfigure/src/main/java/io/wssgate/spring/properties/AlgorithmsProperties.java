package io.wssgate.spring.properties;

import java.util.ArrayList;
import java.util.List;

/** Allowed signature algorithms and key sizes. */
public class AlgorithmsProperties {

    /** Signature algorithm URIs. Default RSA-SHA256/384/512, ECDSA-SHA256/384/512. */
    private List<String> signature = new ArrayList<>();

    public List<String> getSignature() {
        return signature;
    }

    public void setSignature(List<String> signature) {
        this.signature = signature;
    }

    /** Digest algorithm URIs. Default SHA-256/384/512. */
    private List<String> digest = new ArrayList<>();

    public List<String> getDigest() {
        return digest;
    }

    public void setDigest(List<String> digest) {
        this.digest = digest;
    }

    /** Canonicalization URIs. Default exclusive C14N without comments. */
    private List<String> canonicalization = new ArrayList<>();

    public List<String> getCanonicalization() {
        return canonicalization;
    }

    public void setCanonicalization(List<String> canonicalization) {
        this.canonicalization = canonicalization;
    }

    /** Minimum RSA key size in bits. Default 2048. */
    private Integer minRsaKeySize;

    public Integer getMinRsaKeySize() {
        return minRsaKeySize;
    }

    public void setMinRsaKeySize(Integer minRsaKeySize) {
        this.minRsaKeySize = minRsaKeySize;
    }

    /** Minimum EC key size in bits. Default 256. */
    private Integer minEcKeySize;

    public Integer getMinEcKeySize() {
        return minEcKeySize;
    }

    public void setMinEcKeySize(Integer minEcKeySize) {
        this.minEcKeySize = minEcKeySize;
    }
}
