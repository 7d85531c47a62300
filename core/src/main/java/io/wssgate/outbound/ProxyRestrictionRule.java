package io.wssgate.outbound;

import io.wssgate.spi.OutboundSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opensaml.core.xml.config.XMLObjectProviderRegistrySupport;
import org.opensaml.saml.common.SAMLObjectBuilder;
import org.opensaml.saml.saml2.core.Audience;
import org.opensaml.saml.saml2.core.Conditions;
import org.opensaml.saml.saml2.core.ProxyRestriction;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * SAML 2.0 core 2.5.1.6 for assertions WSS Gate issues on the basis of the caller's: when the
 * caller's assertion carries a {@code ProxyRestriction}, a {@code Count} of 0 forbids issuing
 * one at all; a greater Count must reappear one less in the new assertion; listed audiences
 * bound the new assertion's AudienceRestriction (at least one of them, none beyond them).
 */
final class ProxyRestrictionRule {
    private static final String SAML2 = "urn:oasis:names:tc:SAML:2.0:assertion";

    /** The caller's ProxyRestriction: at most {@code count} further indirections, only to {@code audiences}. */
    record Limit(Optional<Integer> count, List<String> audiences) {
    }

    private ProxyRestrictionRule() {
    }

    /** The ProxyRestriction of {@code basis} (a SAML 2.0 assertion element), if it has one. */
    static Optional<Limit> of(Element basis) throws OutboundSecurityException {
        Element conditions = child(basis, "Conditions");
        Element restriction = conditions == null ? null : child(conditions, "ProxyRestriction");
        if (restriction == null) {
            return Optional.empty();
        }
        Optional<Integer> count = Optional.empty();
        if (restriction.hasAttributeNS(null, "Count")) {
            try {
                count = Optional.of(Integer.parseInt(restriction.getAttributeNS(null, "Count").trim()));
            } catch (NumberFormatException e) {
                throw new OutboundSecurityException("the caller's assertion has an unreadable ProxyRestriction Count");
            }
        }
        List<String> audiences = new ArrayList<>();
        for (Node n = restriction.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && SAML2.equals(e.getNamespaceURI()) && "Audience".equals(e.getLocalName())) {
                audiences.add(e.getTextContent().trim());
            }
        }
        return Optional.of(new Limit(count, List.copyOf(audiences)));
    }

    /** Refuses to issue for {@code audiences} (the new AudienceRestriction) where the limit forbids it. */
    static void check(Limit limit, List<String> audiences, boolean saml2) throws OutboundSecurityException {
        if (limit.count().isPresent() && limit.count().get() <= 0) {
            throw new OutboundSecurityException("the caller's assertion forbids issuing assertions on its basis "
                    + "(ProxyRestriction Count=0)");
        }
        if (limit.count().isPresent() && !saml2) {
            throw new OutboundSecurityException("the caller's assertion has a ProxyRestriction Count, which a SAML 1.1 "
                    + "assertion cannot carry on: issue SAML 2.0 (outbound.token.saml.version)");
        }
        if (!limit.audiences().isEmpty() && (audiences.isEmpty() || !limit.audiences().containsAll(audiences))) {
            throw new OutboundSecurityException("the caller's assertion allows assertions on its basis only for "
                    + limit.audiences() + ", not for " + audiences);
        }
    }

    /** Carries the limit on into the new SAML 2.0 assertion, one indirection less. */
    @SuppressWarnings("unchecked")
    static void apply(Limit limit, Conditions conditions) {
        var factory = XMLObjectProviderRegistrySupport.getBuilderFactory();
        ProxyRestriction restriction = ((SAMLObjectBuilder<ProxyRestriction>) factory
                .getBuilder(ProxyRestriction.DEFAULT_ELEMENT_NAME)).buildObject();
        limit.count().ifPresent(c -> restriction.setProxyCount(c - 1));
        for (String uri : limit.audiences()) {
            Audience audience = ((SAMLObjectBuilder<Audience>) factory.getBuilder(Audience.DEFAULT_ELEMENT_NAME))
                    .buildObject();
            audience.setURI(uri);
            restriction.getAudiences().add(audience);
        }
        conditions.getConditions().add(restriction);
    }

    private static Element child(Element parent, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && SAML2.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }
}
