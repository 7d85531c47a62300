package io.wssgate.inbound;

import io.wssgate.config.ConfirmationMethod;
import io.wssgate.config.RoleMapping;
import io.wssgate.identity.TokenType;
import io.wssgate.identity.WssPrincipal;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.security.auth.x500.X500Principal;
import org.apache.wss4j.common.saml.SamlAssertionWrapper;
import org.apache.wss4j.dom.message.token.UsernameToken;
import org.opensaml.core.xml.XMLObject;
import org.opensaml.saml.common.SAMLVersion;

/**
 * Turns the token that authenticated a message into a {@link WssPrincipal}. Text is read from
 * the DOM (all text nodes of the element), so a comment inside a NameID cannot truncate the
 * name to a prefix. Roles: values of the configured SAML attributes, plus the roles mapped to
 * the certificate subject when the identity is the certificate's own (X.509 or holder-of-key).
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
        SamlAssertionWrapper a = confirmed.assertion();
        Map<String, List<String>> attributes = attributes(a);
        Set<String> roles = new HashSet<>();
        roleAttributes.forEach(name -> roles.addAll(attributes.getOrDefault(name, List.of())));
        if (confirmed.method() == ConfirmationMethod.HOLDER_OF_KEY) {
            confirmed.signer().ifPresent(c -> roles.addAll(rolesOf(c)));
        }
        boolean saml2 = a.getSamlVersion() == SAMLVersion.VERSION_20;
        Authn authn = saml2 ? authn2(a) : authn1(a);
        return new WssPrincipal(subjectName(a), saml2 ? TokenType.SAML_2_0 : TokenType.SAML_1_1,
                Optional.ofNullable(nameFormat(a)), Optional.ofNullable(a.getIssuerString()),
                Optional.of(confirmed.method()), Optional.ofNullable(authn.method()),
                Optional.ofNullable(authn.instant()), attributes, roles, confirmed.signer(), Optional.ofNullable(a.getId()));
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

    private static String subjectName(SamlAssertionWrapper a) {
        if (a.getSamlVersion() == SAMLVersion.VERSION_20) {
            var subject = a.getSaml2().getSubject();
            return subject == null || subject.getNameID() == null ? "" : text(subject.getNameID());
        }
        return saml1NameIdentifier(a).map(IdentityBuilder::text).orElse("");
    }

    private static String nameFormat(SamlAssertionWrapper a) {
        if (a.getSamlVersion() == SAMLVersion.VERSION_20) {
            var subject = a.getSaml2().getSubject();
            return subject == null || subject.getNameID() == null ? null : subject.getNameID().getFormat();
        }
        return saml1NameIdentifier(a).map(n -> n.getFormat()).orElse(null);
    }

    /** SAML 1.1 carries the subject in each statement; the first statement with one names it. */
    private static Optional<org.opensaml.saml.saml1.core.NameIdentifier> saml1NameIdentifier(SamlAssertionWrapper a) {
        for (var statement : a.getSaml1().getStatements()) {
            if (statement instanceof org.opensaml.saml.saml1.core.SubjectStatement subjectStatement
                    && subjectStatement.getSubject() != null
                    && subjectStatement.getSubject().getNameIdentifier() != null) {
                return Optional.of(subjectStatement.getSubject().getNameIdentifier());
            }
        }
        return Optional.empty();
    }

    private static Map<String, List<String>> attributes(SamlAssertionWrapper a) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (a.getSamlVersion() == SAMLVersion.VERSION_20) {
            a.getSaml2().getAttributeStatements().forEach(s -> s.getAttributes().forEach(attr ->
                    out.computeIfAbsent(attr.getName(), k -> new java.util.ArrayList<>())
                            .addAll(attr.getAttributeValues().stream().map(IdentityBuilder::text).toList())));
        } else {
            a.getSaml1().getAttributeStatements().forEach(s -> s.getAttributes().forEach(attr ->
                    out.computeIfAbsent(attr.getAttributeName(), k -> new java.util.ArrayList<>())
                            .addAll(attr.getAttributeValues().stream().map(IdentityBuilder::text).toList())));
        }
        return out;
    }

    private static Authn authn2(SamlAssertionWrapper a) {
        for (var statement : a.getSaml2().getAuthnStatements()) {
            var context = statement.getAuthnContext();
            String method = context == null || context.getAuthnContextClassRef() == null ? null
                    : context.getAuthnContextClassRef().getURI();
            return new Authn(method, statement.getAuthnInstant());
        }
        return new Authn(null, null);
    }

    private static Authn authn1(SamlAssertionWrapper a) {
        for (var statement : a.getSaml1().getAuthenticationStatements()) {
            return new Authn(statement.getAuthenticationMethod(), statement.getAuthenticationInstant());
        }
        return new Authn(null, null);
    }

    private static String text(XMLObject object) {
        return object.getDOM() == null ? "" : object.getDOM().getTextContent().trim();
    }

    private record Authn(String method, Instant instant) {
    }
}
