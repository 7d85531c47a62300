package io.wssgate.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.xml.namespace.QName;

/**
 * One named security policy, bound to servlet URL patterns ({@code /services/*}, {@code *.svc},
 * exact paths). Immutable; build with {@link #builder(String)}.
 *
 * <p>{@code operations} may replace some of the rules for the requests of one operation;
 * {@code require} is who may call at all; {@code requiredHeaders} are header blocks every request
 * carries exactly once; {@code addressing} what its WS-Addressing headers must be; {@code wsdl}
 * whether its WSDL is published with WS-SecurityPolicy and checked against it; {@code attachments}
 * whether and within which limits a request may be a MIME package.
 */
public record PolicyConfig(String name, List<String> paths, MessageLimits limits, TimestampPolicy timestamp,
                           SignaturePolicy signature, TrustConfig trust, SamlPolicy saml,
                           UsernameTokenPolicy usernameToken, DecryptionPolicy decryption, RoleMapping roles,
                           boolean allowWsdlGet, OutboundPolicy outbound, SecurityHeaderPolicy securityHeader,
                           Operations operations, AuthorizationRule require, List<QName> requiredHeaders,
                           AddressingPolicy addressing, WsdlPolicy wsdl, AttachmentPolicy attachments) {
    public PolicyConfig {
        Objects.requireNonNull(name, "name");
        paths = List.copyOf(paths);
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(trust, "trust");
        Objects.requireNonNull(saml, "saml");
        Objects.requireNonNull(usernameToken, "usernameToken");
        Objects.requireNonNull(decryption, "decryption");
        Objects.requireNonNull(roles, "roles");
        Objects.requireNonNull(outbound, "outbound");
        Objects.requireNonNull(securityHeader, "securityHeader");
        Objects.requireNonNull(operations, "operations");
        Objects.requireNonNull(require, "require");
        requiredHeaders = List.copyOf(requiredHeaders);
        Objects.requireNonNull(addressing, "addressing");
        Objects.requireNonNull(wsdl, "wsdl");
        Objects.requireNonNull(attachments, "attachments");
    }

    /** Without attachments (MIME packages refused). */
    public PolicyConfig(String name, List<String> paths, MessageLimits limits, TimestampPolicy timestamp,
                        SignaturePolicy signature, TrustConfig trust, SamlPolicy saml,
                        UsernameTokenPolicy usernameToken, DecryptionPolicy decryption, RoleMapping roles,
                        boolean allowWsdlGet, OutboundPolicy outbound, SecurityHeaderPolicy securityHeader,
                        Operations operations, AuthorizationRule require, List<QName> requiredHeaders,
                        AddressingPolicy addressing, WsdlPolicy wsdl) {
        this(name, paths, limits, timestamp, signature, trust, saml, usernameToken, decryption, roles, allowWsdlGet,
                outbound, securityHeader, operations, require, requiredHeaders, addressing, wsdl,
                AttachmentPolicy.disabled());
    }

    /** Without WSDL publication or check, nor attachments. */
    public PolicyConfig(String name, List<String> paths, MessageLimits limits, TimestampPolicy timestamp,
                        SignaturePolicy signature, TrustConfig trust, SamlPolicy saml,
                        UsernameTokenPolicy usernameToken, DecryptionPolicy decryption, RoleMapping roles,
                        boolean allowWsdlGet, OutboundPolicy outbound, SecurityHeaderPolicy securityHeader,
                        Operations operations, AuthorizationRule require, List<QName> requiredHeaders,
                        AddressingPolicy addressing) {
        this(name, paths, limits, timestamp, signature, trust, saml, usernameToken, decryption, roles, allowWsdlGet,
                outbound, securityHeader, operations, require, requiredHeaders, addressing, WsdlPolicy.defaults(),
                AttachmentPolicy.disabled());
    }

    /**
     * Without operations, authorization rule, required headers or addressing rules, and without
     * attachments (MIME packages refused).
     */
    public PolicyConfig(String name, List<String> paths, MessageLimits limits, TimestampPolicy timestamp,
                        SignaturePolicy signature, TrustConfig trust, SamlPolicy saml,
                        UsernameTokenPolicy usernameToken, DecryptionPolicy decryption, RoleMapping roles,
                        boolean allowWsdlGet, OutboundPolicy outbound, SecurityHeaderPolicy securityHeader) {
        this(name, paths, limits, timestamp, signature, trust, saml, usernameToken, decryption, roles, allowWsdlGet,
                outbound, securityHeader, Operations.none(), AuthorizationRule.none(), List.of(),
                AddressingPolicy.defaults(), WsdlPolicy.defaults(), AttachmentPolicy.disabled());
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** Starts from the secure defaults; every setter replaces one part. */
    public static final class Builder {
        private final String name;
        private final List<String> paths = new ArrayList<>();
        private MessageLimits limits = MessageLimits.defaults();
        private TimestampPolicy timestamp = TimestampPolicy.defaults();
        private SignaturePolicy signature = SignaturePolicy.defaults();
        private TrustConfig trust = TrustConfig.none();
        private SamlPolicy saml = SamlPolicy.disabled();
        private UsernameTokenPolicy usernameToken = UsernameTokenPolicy.disabled();
        private DecryptionPolicy decryption = DecryptionPolicy.disabled();
        private RoleMapping roles = RoleMapping.none();
        private boolean allowWsdlGet = true;
        private OutboundPolicy outbound = OutboundPolicy.none();
        private SecurityHeaderPolicy securityHeader = SecurityHeaderPolicy.defaults();
        private Operations operations = Operations.none();
        private AuthorizationRule require = AuthorizationRule.none();
        private List<QName> requiredHeaders = List.of();
        private AddressingPolicy addressing = AddressingPolicy.defaults();
        private AttachmentPolicy attachments = AttachmentPolicy.disabled();
        private WsdlPolicy wsdl = WsdlPolicy.defaults();

        private Builder(String name) {
            this.name = name;
        }

        public Builder path(String urlPattern) {
            paths.add(urlPattern);
            return this;
        }

        public Builder paths(List<String> urlPatterns) {
            paths.clear();
            paths.addAll(urlPatterns);
            return this;
        }

        public Builder limits(MessageLimits value) {
            limits = value;
            return this;
        }

        public Builder timestamp(TimestampPolicy value) {
            timestamp = value;
            return this;
        }

        public Builder signature(SignaturePolicy value) {
            signature = value;
            return this;
        }

        public Builder trust(TrustConfig value) {
            trust = value;
            return this;
        }

        public Builder saml(SamlPolicy value) {
            saml = value;
            return this;
        }

        public Builder usernameToken(UsernameTokenPolicy value) {
            usernameToken = value;
            return this;
        }

        public Builder decryption(DecryptionPolicy value) {
            decryption = value;
            return this;
        }

        public Builder roles(RoleMapping value) {
            roles = value;
            return this;
        }

        public Builder allowWsdlGet(boolean value) {
            allowWsdlGet = value;
            return this;
        }

        public Builder outbound(OutboundPolicy value) {
            outbound = value;
            return this;
        }

        public Builder securityHeader(SecurityHeaderPolicy value) {
            securityHeader = value;
            return this;
        }

        /** The operations and what a request that is none of them gets. */
        public Builder operations(Operations value) {
            operations = value;
            return this;
        }

        /** Who may call any operation of the policy. */
        public Builder require(AuthorizationRule value) {
            require = value;
            return this;
        }

        public Builder requiredHeaders(List<QName> value) {
            requiredHeaders = value;
            return this;
        }

        public Builder addressing(AddressingPolicy value) {
            addressing = value;
            return this;
        }

        public Builder attachments(AttachmentPolicy value) {
            attachments = value;
            return this;
        }

        public Builder wsdl(WsdlPolicy value) {
            wsdl = value;
            return this;
        }

        public PolicyConfig build() {
            return new PolicyConfig(name, paths, limits, timestamp, signature, trust, saml, usernameToken,
                    decryption, roles, allowWsdlGet, outbound, securityHeader, operations, require, requiredHeaders,
                    addressing, wsdl, attachments);
        }
    }
}
