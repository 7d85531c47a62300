package io.wssgate.spring.properties;

import java.util.ArrayList;
import java.util.List;

/** One named policy: which paths it guards and what inbound messages must carry; {@code outbound} says what this side adds to messages it sends. Keys are those of the YAML configuration file. */
public class PolicyProperties {

    /** Required. Servlet URL patterns this policy guards ({@code /exact}, {@code /prefix/*}, {@code *.ext}); policies are matched in declaration order. */
    private List<String> paths = new ArrayList<>();

    public List<String> getPaths() {
        return paths;
    }

    public void setPaths(List<String> paths) {
        this.paths = paths;
    }

    /** Whether {@code GET ?wsdl} and {@code ?xsd=} pass through to the application. Default true. */
    private Boolean allowWsdlGet;

    public Boolean getAllowWsdlGet() {
        return allowWsdlGet;
    }

    public void setAllowWsdlGet(Boolean allowWsdlGet) {
        this.allowWsdlGet = allowWsdlGet;
    }

    /** Limits checked before and while parsing. */
    private LimitsProperties limits = new LimitsProperties();

    public LimitsProperties getLimits() {
        return limits;
    }

    public void setLimits(LimitsProperties limits) {
        this.limits = limits;
    }

    /** Rules for the wsu:Timestamp. */
    private TimestampProperties timestamp = new TimestampProperties();

    public TimestampProperties getTimestamp() {
        return timestamp;
    }

    public void setTimestamp(TimestampProperties timestamp) {
        this.timestamp = timestamp;
    }

    /** Rules for XML signatures. */
    private SignatureProperties signature = new SignatureProperties();

    public SignatureProperties getSignature() {
        return signature;
    }

    public void setSignature(SignatureProperties signature) {
        this.signature = signature;
    }

    /** Who may sign messages (X.509 and sender-vouches senders). */
    private TrustProperties trust = new TrustProperties();

    public TrustProperties getTrust() {
        return trust;
    }

    public void setTrust(TrustProperties trust) {
        this.trust = trust;
    }

    /** SAML 1.1 / 2.0 assertions accepted. */
    private SamlProperties saml = new SamlProperties();

    public SamlProperties getSaml() {
        return saml;
    }

    public void setSaml(SamlProperties saml) {
        this.saml = saml;
    }

    /** UsernameToken authentication (off by default). */
    private UsernameTokenProperties usernameToken = new UsernameTokenProperties();

    public UsernameTokenProperties getUsernameToken() {
        return usernameToken;
    }

    public void setUsernameToken(UsernameTokenProperties usernameToken) {
        this.usernameToken = usernameToken;
    }

    /** Decryption of an encrypted Body or headers (off without a key). */
    private DecryptionProperties decryption = new DecryptionProperties();

    public DecryptionProperties getDecryption() {
        return decryption;
    }

    public void setDecryption(DecryptionProperties decryption) {
        this.decryption = decryption;
    }

    /** Where the principal's roles come from. */
    private RolesProperties roles = new RolesProperties();

    public RolesProperties getRoles() {
        return roles;
    }

    public void setRoles(RolesProperties roles) {
        this.roles = roles;
    }

    /** What this side adds to the messages it sends (responses, client requests). */
    private OutboundProperties outbound = new OutboundProperties();

    public OutboundProperties getOutbound() {
        return outbound;
    }

    public void setOutbound(OutboundProperties outbound) {
        this.outbound = outbound;
    }

    /** Which Security header is ours (actor/role, next) and the layout of its children. */
    private SecurityHeaderProperties securityHeader = new SecurityHeaderProperties();

    public SecurityHeaderProperties getSecurityHeader() {
        return securityHeader;
    }

    public void setSecurityHeader(SecurityHeaderProperties securityHeader) {
        this.securityHeader = securityHeader;
    }
}
