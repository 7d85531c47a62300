package io.wssgate.spring.properties;

/** A private key with its certificate: either {@code keystore} + {@code alias} (+ {@code key-password}) or a PEM pair {@code private-key} + {@code certificate} (+ {@code password}). */
public class KeyProperties {

    /** The keystore holding the key entry. */
    private KeystoreProperties keystore = new KeystoreProperties();

    public KeystoreProperties getKeystore() {
        return keystore;
    }

    public void setKeystore(KeystoreProperties keystore) {
        this.keystore = keystore;
    }

    /** Alias of the key entry in the keystore. */
    private String alias;

    public String getAlias() {
        return alias;
    }

    public void setAlias(String alias) {
        this.alias = alias;
    }

    /** Password of the key entry; defaults to the keystore password. */
    private String keyPassword;

    public String getKeyPassword() {
        return keyPassword;
    }

    public void setKeyPassword(String keyPassword) {
        this.keyPassword = keyPassword;
    }

    /** A file holding the key entry password instead. */
    private String keyPasswordFile;

    public String getKeyPasswordFile() {
        return keyPasswordFile;
    }

    public void setKeyPasswordFile(String keyPasswordFile) {
        this.keyPasswordFile = keyPasswordFile;
    }

    /** PEM private key file (PKCS#8, optionally encrypted). */
    private String privateKey;

    public String getPrivateKey() {
        return privateKey;
    }

    public void setPrivateKey(String privateKey) {
        this.privateKey = privateKey;
    }

    /** PEM certificate file matching {@code private-key}. */
    private String certificate;

    public String getCertificate() {
        return certificate;
    }

    public void setCertificate(String certificate) {
        this.certificate = certificate;
    }

    /** Password of an encrypted PEM private key. */
    private String password;

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    /** A file holding the PEM key password instead. */
    private String passwordFile;

    public String getPasswordFile() {
        return passwordFile;
    }

    public void setPasswordFile(String passwordFile) {
        this.passwordFile = passwordFile;
    }
}
