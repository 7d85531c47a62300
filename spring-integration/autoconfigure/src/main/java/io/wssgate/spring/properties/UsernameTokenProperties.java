package io.wssgate.spring.properties;

import java.time.Duration;

/** UsernameToken authentication. */
public class UsernameTokenProperties {

    /** Whether UsernameTokens are accepted. Default false. */
    private Boolean enabled;

    public Boolean getEnabled() {
        return enabled;
    }

    public void setEnabled(Boolean enabled) {
        this.enabled = enabled;
    }

    /** A properties file of user=password lines (values may use ${VAR}). */
    private String passwords;

    public String getPasswords() {
        return passwords;
    }

    public void setPasswords(String passwords) {
        this.passwords = passwords;
    }

    /** Class name of an io.wssgate.spi.PasswordSource, instead of passwords. */
    private String passwordSource;

    public String getPasswordSource() {
        return passwordSource;
    }

    public void setPasswordSource(String passwordSource) {
        this.passwordSource = passwordSource;
    }

    /** Whether PasswordText is accepted (PasswordDigest only otherwise). Default false. */
    private Boolean allowPasswordText;

    public Boolean getAllowPasswordText() {
        return allowPasswordText;
    }

    public void setAllowPasswordText(Boolean allowPasswordText) {
        this.allowPasswordText = allowPasswordText;
    }

    /** Created may be at most this old. Default 5m. */
    private Duration maxAge;

    public Duration getMaxAge() {
        return maxAge;
    }

    public void setMaxAge(Duration maxAge) {
        this.maxAge = maxAge;
    }

    /** Created may be at most this far in the future. Default 60s. */
    private Duration futureSkew;

    public Duration getFutureSkew() {
        return futureSkew;
    }

    public void setFutureSkew(Duration futureSkew) {
        this.futureSkew = futureSkew;
    }

    /** A nonce is accepted once. Default true. */
    private Boolean nonceReplayDetection;

    public Boolean getNonceReplayDetection() {
        return nonceReplayDetection;
    }

    public void setNonceReplayDetection(Boolean nonceReplayDetection) {
        this.nonceReplayDetection = nonceReplayDetection;
    }
}
