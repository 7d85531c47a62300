package io.wssgate.spring.properties;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The token added to outbound messages. */
public class OutboundTokenProperties {

    /** self-issued, propagated, sts or custom. */
    private String source;

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source;
    }

    /** For custom: class name of an io.wssgate.spi.TokenSupplier (YAML key {@code class}). */
    private String className;

    public String getClassName() {
        return className;
    }

    public void setClassName(String className) {
        this.className = className;
    }

    /** For self-issued: the assertion to issue. */
    private Saml saml = new Saml();

    public Saml getSaml() {
        return saml;
    }

    public void setSaml(Saml saml) {
        this.saml = saml;
    }

    /** For sts: the WS-Trust STS to get tokens from. */
    private Sts sts = new Sts();

    public Sts getSts() {
        return sts;
    }

    public void setSts(Sts sts) {
        this.sts = sts;
    }

    /** A self-issued assertion. */
    public static class Saml {

        /** 2.0 (default) or 1.1. */
        private String version;

        public String getVersion() {
            return version;
        }

        public void setVersion(String version) {
            this.version = version;
        }

        /** The Issuer name. */
        private String issuer;

        public String getIssuer() {
            return issuer;
        }

        public void setIssuer(String issuer) {
            this.issuer = issuer;
        }

        /** The key that signs the assertion. */
        private KeyProperties issuerKey = new KeyProperties();

        public KeyProperties getIssuerKey() {
            return issuerKey;
        }

        public void setIssuerKey(KeyProperties issuerKey) {
            this.issuerKey = issuerKey;
        }

        /** holder-of-key, sender-vouches or bearer. */
        private String confirmationMethod;

        public String getConfirmationMethod() {
            return confirmationMethod;
        }

        public void setConfirmationMethod(String confirmationMethod) {
            this.confirmationMethod = confirmationMethod;
        }

        /** The subject; omit to use the caller whose request is being served. */
        private String subject;

        public String getSubject() {
            return subject;
        }

        public void setSubject(String subject) {
            this.subject = subject;
        }

        /** NameID format URI. */
        private String nameFormat;

        public String getNameFormat() {
            return nameFormat;
        }

        public void setNameFormat(String nameFormat) {
            this.nameFormat = nameFormat;
        }

        /** Attributes, name to values. */
        private Map<String, List<String>> attributes = new LinkedHashMap<>();

        public Map<String, List<String>> getAttributes() {
            return attributes;
        }

        public void setAttributes(Map<String, List<String>> attributes) {
            this.attributes = attributes;
        }

        /** Audience restriction. */
        private List<String> audiences = new ArrayList<>();

        public List<String> getAudiences() {
            return audiences;
        }

        public void setAudiences(List<String> audiences) {
            this.audiences = audiences;
        }

        /** Validity. Default 5m. */
        private Duration lifetime;

        public Duration getLifetime() {
            return lifetime;
        }

        public void setLifetime(Duration lifetime) {
            this.lifetime = lifetime;
        }
    }

    /** Tokens from a WS-Trust STS. */
    public static class Sts {

        /** STS endpoint URL. */
        private String endpoint;

        public String getEndpoint() {
            return endpoint;
        }

        public void setEndpoint(String endpoint) {
            this.endpoint = endpoint;
        }

        /** WS-Trust 1.3 (default) or 1.4 (needed for act-as). */
        private String version;

        public String getVersion() {
            return version;
        }

        public void setVersion(String version) {
            this.version = version;
        }

        /** AppliesTo: the provider's audience. */
        private String appliesTo;

        public String getAppliesTo() {
            return appliesTo;
        }

        public void setAppliesTo(String appliesTo) {
            this.appliesTo = appliesTo;
        }

        /** saml2 or saml11. */
        private String tokenType;

        public String getTokenType() {
            return tokenType;
        }

        public void setTokenType(String tokenType) {
            this.tokenType = tokenType;
        }

        /** bearer or public-key (holder-of-key; signature.key is the proof key). */
        private String keyType;

        public String getKeyType() {
            return keyType;
        }

        public void setKeyType(String keyType) {
            this.keyType = keyType;
        }

        /** Optional requested wst:Lifetime. */
        private Duration lifetime;

        public Duration getLifetime() {
            return lifetime;
        }

        public void setLifetime(Duration lifetime) {
            this.lifetime = lifetime;
        }

        /** Optional identity claim URIs. */
        private List<String> claims = new ArrayList<>();

        public List<String> getClaims() {
            return claims;
        }

        public void setClaims(List<String> claims) {
            this.claims = claims;
        }

        /** How to authenticate to the STS. */
        private StsAuthenticationProperties authentication = new StsAuthenticationProperties();

        public StsAuthenticationProperties getAuthentication() {
            return authentication;
        }

        public void setAuthentication(StsAuthenticationProperties authentication) {
            this.authentication = authentication;
        }

        /** none, on-behalf-of or act-as: exchange the caller's assertion. */
        private String delegation;

        public String getDelegation() {
            return delegation;
        }

        public void setDelegation(String delegation) {
            this.delegation = delegation;
        }

        /** How long to wait for the STS. Default 10s. */
        private Duration timeout;

        public Duration getTimeout() {
            return timeout;
        }

        public void setTimeout(Duration timeout) {
            this.timeout = timeout;
        }

        /** Fetch a new token this long before the cached one expires. Default 60s. */
        private Duration refreshBefore;

        public Duration getRefreshBefore() {
            return refreshBefore;
        }

        public void setRefreshBefore(Duration refreshBefore) {
            this.refreshBefore = refreshBefore;
        }
    }
}
