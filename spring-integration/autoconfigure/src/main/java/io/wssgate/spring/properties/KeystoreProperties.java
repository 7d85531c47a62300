package io.wssgate.spring.properties;

/** A keystore file: {@code path}, {@code type}, {@code password} or {@code password-file}. */
public class KeystoreProperties {

    /** Keystore file; relative paths resolve against the working directory. */
    private String path;

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }

    /** {@code PKCS12} (default) or {@code JKS}. */
    private String type;

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    /** Keystore password; may be {@code ${VAR}}. */
    private String password;

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    /** A file holding the keystore password instead (a trailing newline is ignored). */
    private String passwordFile;

    public String getPasswordFile() {
        return passwordFile;
    }

    public void setPasswordFile(String passwordFile) {
        this.passwordFile = passwordFile;
    }
}
