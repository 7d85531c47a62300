package io.wssgate.config.load;

import io.wssgate.config.AssertionReplay;
import io.wssgate.identity.ConfirmationMethod;
import io.wssgate.config.SamlPolicy;
import io.wssgate.config.TrustedIssuer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Binds {@code saml}; also checks the rules that make an enabled SAML policy usable. */
final class SamlBinder {
    private SamlBinder() {
    }

    static SamlPolicy saml(Node node) {
        SamlPolicy d = SamlPolicy.disabled();
        if (!node.expectMap()) {
            return d;
        }
        List<Node> issuerNodes = node.get("issuers").elements();
        List<TrustedIssuer> issuers = issuers(issuerNodes);
        // Listing issuers is the clear intent to accept SAML, so it switches SAML on unless told otherwise.
        boolean enabled = node.get("enabled").parse(ValueParsers::bool).orElse(!issuerNodes.isEmpty());
        List<String> audiences = node.get("audiences").texts().orElse(List.of());
        Set<ConfirmationMethod> methods = node.get("confirmation-methods")
                .list(SamlBinder::confirmationMethod).map(Set::copyOf).orElse(d.confirmationMethods());
        if (enabled) {
            if (issuerNodes.isEmpty()) {
                node.get("issuers").problem("at least one trusted issuer is required when SAML is enabled");
            }
            if (audiences.isEmpty()) {
                node.get("audiences").problem("at least one audience is required when SAML is enabled");
            }
            if (methods.isEmpty()) {
                node.get("confirmation-methods").problem("at least one confirmation method is required");
            }
        }
        return new SamlPolicy(enabled, issuers, audiences,
                node.get("clock-skew").parse(ValueParsers::duration).orElse(d.clockSkew()),
                node.get("max-age").parse(ValueParsers::duration).orElse(d.maxAge()),
                methods,
                node.get("replay").parse(SamlBinder::replay).orElse(d.replay()),
                StsBinder.validation(node.get("sts-validation")),
                node.get("recipients").list(SamlBinder::endpointUrl).orElse(List.of()),
                node.get("check-address").parse(ValueParsers::bool).orElse(false),
                node.get("bearer-confirmation-window-required").parse(ValueParsers::bool).orElse(true),
                node.get("encrypted-assertions").parse(ValueParsers::bool).orElse(false));
    }

    /** A Recipient is compared with absolute http(s) URLs only: anything else could never match. */
    private static String endpointUrl(String text) {
        try {
            java.net.URI uri = new java.net.URI(text);
            if (uri.getHost() != null && ("http".equalsIgnoreCase(uri.getScheme())
                    || "https".equalsIgnoreCase(uri.getScheme())) && uri.getFragment() == null) {
                return text;
            }
        } catch (java.net.URISyntaxException e) {
            // reported below
        }
        throw new IllegalArgumentException("'" + text + "' is not an absolute http or https URL without fragment "
                + "(e.g. https://host/services/orders)");
    }

    private static List<TrustedIssuer> issuers(List<Node> nodes) {
        List<TrustedIssuer> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Node issuer : nodes) {
            if (!issuer.expectMap()) {
                continue;
            }
            Optional<String> name = issuer.get("name").requiredText();
            Node certs = issuer.get("certificates");
            List<Path> certificates = certs.requiredList(certs::toPath, "certificate");
            if (name.isPresent() && !names.add(name.get())) {
                issuer.get("name").problem("duplicate issuer '" + name.get() + "'");
            } else if (name.isPresent()) {
                out.add(new TrustedIssuer(name.get(), certificates));
            }
        }
        return out;
    }

    static ConfirmationMethod confirmationMethod(String text) {
        return ConfirmationMethod.fromKey(text).orElseThrow(() -> new IllegalArgumentException(
                "unknown confirmation method '" + text + "' (use holder-of-key, sender-vouches or bearer)"));
    }

    private static AssertionReplay replay(String text) {
        return switch (text) {
            case "one-time-use" -> AssertionReplay.ONE_TIME_USE;
            case "bearer" -> AssertionReplay.BEARER;
            case "all" -> AssertionReplay.ALL;
            default -> throw new IllegalArgumentException(
                    "unknown replay mode '" + text + "' (use one-time-use, bearer or all)");
        };
    }
}
