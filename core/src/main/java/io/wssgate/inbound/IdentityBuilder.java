package io.wssgate.inbound;

import io.wssgate.identity.ConfirmationMethod;
import io.wssgate.config.RoleMapping;
import io.wssgate.identity.TokenType;
import io.wssgate.identity.WssPrincipal;
import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.security.auth.x500.X500Principal;
import org.apache.wss4j.dom.message.token.UsernameToken;
import org.opensaml.saml.common.SAMLVersion;

/**
 * Turns the token that authenticated a message into a {@link WssPrincipal}; a SAML identity
 * comes from the {@link AssertionFacts} the rules checked (its one subject, never blank).
 * Roles: values of the configured SAML attributes, plus the roles mapped to the certificate
 * subject when the identity is the certificate's own (X.509 or holder-of-key).
 */
final class IdentityBuilder {
    private final List<String> roleAttributes;
    private final Map<X500Principal, Set<String>> certificateRoles;

    IdentityBuilder(RoleMapping roles) {
        this.roleAttributes = roles.samlAttributes();
        Map<X500Principal, Set<String>> byDn = new HashMap<>();
        roles.certificateSubjects().forEach((dn, r) -> byDn.put(new X500Principal(dn), Set.copyOf(r)));
        this.certificateRoles = Map.copyOf(byDn);
    }

    WssPrincipal fromAssertion(SamlRules.ConfirmedAssertion confirmed) {
        AssertionFacts facts = confirmed.facts();
        Set<String> roles = new HashSet<>();
        roleAttributes.forEach(name -> roles.addAll(facts.attributes().getOrDefault(name, List.of())));
        if (confirmed.method() == ConfirmationMethod.HOLDER_OF_KEY) {
            confirmed.signer().ifPresent(c -> roles.addAll(rolesOf(c)));
        }
        boolean saml2 = facts.version() == SAMLVersion.VERSION_20;
        return new WssPrincipal(facts.subject().name(), saml2 ? TokenType.SAML_2_0 : TokenType.SAML_1_1,
                facts.subject().format(), Optional.of(facts.issuer()), Optional.of(confirmed.method()),
                facts.authenticationMethod(), facts.authenticationInstant(), facts.attributes(), roles,
                confirmed.signer(), Optional.ofNullable(facts.id()));
    }

    WssPrincipal fromCertificate(X509Certificate certificate) {
        return new WssPrincipal(certificate.getSubjectX500Principal().getName(X500Principal.RFC2253), TokenType.X509,
                Optional.empty(), Optional.of(certificate.getIssuerX500Principal().getName(X500Principal.RFC2253)),
                Optional.empty(), Optional.of("X509"), Optional.empty(), Map.of(), rolesOf(certificate),
                Optional.of(certificate), Optional.empty());
    }

    WssPrincipal fromUsernameToken(UsernameToken token, Optional<X509Certificate> signer) {
        String id = token.getElement().getAttributeNS(XmlNames.WSU, "Id");
        return new WssPrincipal(token.getName(), TokenType.USERNAME_TOKEN, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.ofNullable(token.getPasswordType()),
                Optional.ofNullable(token.getCreatedDate()), Map.of(), Set.of(), signer,
                id.isEmpty() ? Optional.empty() : Optional.of(id));
    }

    /** A response accepted under a policy that asks no token of it. */
    WssPrincipal anonymous() {
        return new WssPrincipal("anonymous", TokenType.NONE, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Map.of(), Set.of(), Optional.empty(), Optional.empty());
    }

    private Set<String> rolesOf(X509Certificate certificate) {
        return certificateRoles.getOrDefault(certificate.getSubjectX500Principal(), Set.of());
    }
}
