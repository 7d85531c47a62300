package io.wssgate.spring.properties;

/** How this side authenticates to a WS-Trust STS: a UsernameToken ({@code username} + {@code password}) or an X.509 signature ({@code key}). */
public class StsAuthenticationProperties {

    /** UsernameToken user name. */
    private String username;

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    /** UsernameToken password; may be {@code ${VAR}}. */
    private String password;

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    /** A file holding the password instead. */
    private String passwordFile;

    public String getPasswordFile() {
        return passwordFile;
    }

    public void setPasswordFile(String passwordFile) {
        this.passwordFile = passwordFile;
    }

    /** {@code digest} (default) or {@code text}. */
    private String passwordType;

    public String getPasswordType() {
        return passwordType;
    }

    public void setPasswordType(String passwordType) {
        this.passwordType = passwordType;
    }

    /** Key that signs Body and Timestamp of the request to the STS, instead of a UsernameToken. */
    private KeyProperties key = new KeyProperties();

    public KeyProperties getKey() {
        return key;
    }

    public void setKey(KeyProperties key) {
        this.key = key;
    }
}
