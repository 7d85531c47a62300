package io.wssgate.spring.properties;

import java.util.ArrayList;
import java.util.List;

/** Who may sign messages: trusted certificates, revocation lists and allowed subject DNs. */
public class TrustProperties {

    /** PEM files of trusted certificates (each may hold several). */
    private List<String> certificates = new ArrayList<>();

    public List<String> getCertificates() {
        return certificates;
    }

    public void setCertificates(List<String> certificates) {
        this.certificates = certificates;
    }

    /** A trust keystore (PKCS12 or JKS). */
    private KeystoreProperties keystore = new KeystoreProperties();

    public KeystoreProperties getKeystore() {
        return keystore;
    }

    public void setKeystore(KeystoreProperties keystore) {
        this.keystore = keystore;
    }

    /** CRL files (PEM or DER); revocation is checked when CRLs are given. */
    private List<String> crls = new ArrayList<>();

    public List<String> getCrls() {
        return crls;
    }

    public void setCrls(List<String> crls) {
        this.crls = crls;
    }

    /** Regular expressions; the signer's subject DN must match one. */
    private List<String> subjectDnPatterns = new ArrayList<>();

    public List<String> getSubjectDnPatterns() {
        return subjectDnPatterns;
    }

    public void setSubjectDnPatterns(List<String> subjectDnPatterns) {
        this.subjectDnPatterns = subjectDnPatterns;
    }
}
