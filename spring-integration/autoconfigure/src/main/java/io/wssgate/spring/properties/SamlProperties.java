package io.wssgate.spring.properties;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** SAML 1.1 / 2.0 assertions accepted from trusted issuers. */
public class SamlProperties {

    /** Whether assertions are accepted. Default true when issuers are given. */
    private Boolean enabled;

    public Boolean getEnabled() {
        return enabled;
    }

    public void setEnabled(Boolean enabled) {
        this.enabled = enabled;
    }

    /** Trusted issuers: the exact Issuer name and its signing certificates. */
    private List<Issuer> issuers = new ArrayList<>();

    public List<Issuer> getIssuers() {
        return issuers;
    }

    public void setIssuers(List<Issuer> issuers) {
        this.issuers = issuers;
    }

    /** Accepted audiences; required when SAML is enabled. */
    private List<String> audiences = new ArrayList<>();

    public List<String> getAudiences() {
        return audiences;
    }

    public void setAudiences(List<String> audiences) {
        this.audiences = audiences;
    }

    /** Tolerance for NotBefore / NotOnOrAfter. Default 60s. */
    private Duration clockSkew;

    public Duration getClockSkew() {
        return clockSkew;
    }

    public void setClockSkew(Duration clockSkew) {
        this.clockSkew = clockSkew;
    }

    /** Oldest IssueInstant accepted, whatever the Conditions say (plus clock-skew). Default 30m. */
    private Duration maxAge;

    public Duration getMaxAge() {
        return maxAge;
    }

    public void setMaxAge(Duration maxAge) {
        this.maxAge = maxAge;
    }

    /** holder-of-key, sender-vouches and/or bearer. Default holder-of-key, sender-vouches. */
    private List<String> confirmationMethods = new ArrayList<>();

    public List<String> getConfirmationMethods() {
        return confirmationMethods;
    }

    public void setConfirmationMethods(List<String> confirmationMethods) {
        this.confirmationMethods = confirmationMethods;
    }

    /** Which assertion IDs are single-use: one-time-use (default), bearer or all. */
    private String replay;

    public String getReplay() {
        return replay;
    }

    public void setReplay(String replay) {
        this.replay = replay;
    }

    /**
     * Endpoint URLs a SubjectConfirmationData Recipient may name. Default: the URL the request
     * arrived at.
     */
    private List<String> recipients = new ArrayList<>();

    public List<String> getRecipients() {
        return recipients;
    }

    public void setRecipients(List<String> recipients) {
        this.recipients = recipients;
    }

    /** Whether a SubjectConfirmationData Address must be the sender's IP address. Default false. */
    private Boolean checkAddress;

    public Boolean getCheckAddress() {
        return checkAddress;
    }

    public void setCheckAddress(Boolean checkAddress) {
        this.checkAddress = checkAddress;
    }

    /**
     * Whether a SAML 2.0 bearer confirmation must carry its own NotOnOrAfter (the bearer
     * profile); false accepts one whose Conditions end instead. Default true.
     */
    private Boolean bearerConfirmationWindowRequired;

    public Boolean getBearerConfirmationWindowRequired() {
        return bearerConfirmationWindowRequired;
    }

    public void setBearerConfirmationWindowRequired(Boolean bearerConfirmationWindowRequired) {
        this.bearerConfirmationWindowRequired = bearerConfirmationWindowRequired;
    }

    /** Also ask a WS-Trust STS (Validate) about each assertion. */
    private StsValidation stsValidation = new StsValidation();

    public StsValidation getStsValidation() {
        return stsValidation;
    }

    public void setStsValidation(StsValidation stsValidation) {
        this.stsValidation = stsValidation;
    }

    /**
     * Also accept a SAML 2.0 assertion sent as saml2:EncryptedAssertion, decrypted with
     * decryption.key (which it requires) and then checked like a plain one. Default false.
     */
    private Boolean encryptedAssertions;

    public Boolean getEncryptedAssertions() {
        return encryptedAssertions;
    }

    public void setEncryptedAssertions(Boolean encryptedAssertions) {
        this.encryptedAssertions = encryptedAssertions;
    }

    /** A trusted SAML issuer. */
    public static class Issuer {

        /** The exact Issuer value. */
        private String name;

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        /** PEM files of the certificates it signs with. */
        private List<String> certificates = new ArrayList<>();

        public List<String> getCertificates() {
            return certificates;
        }

        public void setCertificates(List<String> certificates) {
            this.certificates = certificates;
        }
    }

    /** Validation of assertions through a WS-Trust STS. */
    public static class StsValidation {

        /** The STS endpoint URL. */
        private String endpoint;

        public String getEndpoint() {
            return endpoint;
        }

        public void setEndpoint(String endpoint) {
            this.endpoint = endpoint;
        }

        /** How to authenticate to the STS. */
        private StsAuthenticationProperties authentication = new StsAuthenticationProperties();

        public StsAuthenticationProperties getAuthentication() {
            return authentication;
        }

        public void setAuthentication(StsAuthenticationProperties authentication) {
            this.authentication = authentication;
        }

        /** How long to wait for the STS. Default 10s. */
        private Duration timeout;

        public Duration getTimeout() {
            return timeout;
        }

        public void setTimeout(Duration timeout) {
            this.timeout = timeout;
        }
    }
}
