package io.wssgate.config.load;

import io.wssgate.config.Secret;
import io.wssgate.config.StsAuthentication;
import io.wssgate.config.StsSettings;
import io.wssgate.config.StsValidation;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Binds {@code outbound.token.sts} and {@code saml.sts-validation}: where the STS is and how to talk to it. */
final class StsBinder {
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration DEFAULT_REFRESH_BEFORE = Duration.ofSeconds(60);

    private StsBinder() {
    }

    static Optional<StsSettings> sts(Node node) {
        if (!node.present()) {
            node.problem("required for token source sts");
            return Optional.empty();
        }
        if (!node.expectMap()) {
            return Optional.empty();
        }
        Optional<URI> endpoint = endpoint(node.get("endpoint"));
        String version = node.get("version").text().orElse("1.3");
        if (!version.equals("1.3") && !version.equals("1.4")) {
            node.get("version").problem("WS-Trust version must be 1.3 or 1.4");
        }
        Optional<String> appliesTo = node.get("applies-to").requiredText();
        boolean saml2 = node.get("token-type").parse(StsBinder::tokenType).orElse(true);
        boolean publicKey = node.get("key-type").parse(StsBinder::keyType).orElse(false);
        StsSettings.Delegation delegation = node.get("delegation").parse(StsBinder::delegation)
                .orElse(StsSettings.Delegation.NONE);
        Optional<StsAuthentication> authentication = authentication(node.get("authentication"));
        if (endpoint.isEmpty() || appliesTo.isEmpty() || authentication.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new StsSettings(endpoint.get(), version.equals("1.4"), appliesTo.get(), saml2, publicKey,
                node.get("lifetime").parse(ValueParsers::duration),
                node.get("claims").list(Function.identity()).orElse(List.of()), authentication.get(), delegation,
                node.get("timeout").parse(ValueParsers::duration).orElse(DEFAULT_TIMEOUT),
                node.get("refresh-before").parse(ValueParsers::duration).orElse(DEFAULT_REFRESH_BEFORE)));
    }

    static Optional<StsValidation> validation(Node node) {
        if (!node.expectMap()) {
            return Optional.empty();
        }
        Optional<URI> endpoint = endpoint(node.get("endpoint"));
        Optional<StsAuthentication> authentication = authentication(node.get("authentication"));
        if (endpoint.isEmpty() || authentication.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new StsValidation(endpoint.get(), authentication.get(),
                node.get("timeout").parse(ValueParsers::duration).orElse(DEFAULT_TIMEOUT)));
    }

    /** Either a UsernameToken (username + password/password-file) or an X.509 signature (key). */
    private static Optional<StsAuthentication> authentication(Node node) {
        if (!node.present()) {
            node.problem("required: username and password, or key");
            return Optional.empty();
        }
        if (!node.expectMap()) {
            return Optional.empty();
        }
        if (node.get("key").present()) {
            if (node.get("username").present()) {
                node.problem("give either username and password or key, not both");
                return Optional.empty();
            }
            return OutboundBinder.requiredKey(node.get("key")).map(StsAuthentication.Signature::new);
        }
        Optional<String> username = node.get("username").requiredText();
        Optional<Secret> password = Secrets.read(node, "password", true);
        boolean text = node.get("password-type").parse(StsBinder::passwordText).orElse(false);
        if (username.isEmpty() || password.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new StsAuthentication.Username(username.get(), password.get(), text));
    }

    private static Optional<URI> endpoint(Node node) {
        return node.requiredText().flatMap(text -> node.parse(t -> {
            try {
                URI uri = new URI(t);
                if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
                    throw new IllegalArgumentException("STS endpoint must be an http(s) URL: '" + t + "'");
                }
                return uri;
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("invalid URL '" + t + "'");
            }
        }));
    }

    private static boolean tokenType(String text) {
        return switch (text) {
            case "saml2", "SAML2", "urn:oasis:names:tc:SAML:2.0:assertion",
                    "http://docs.oasis-open.org/wss/oasis-wss-saml-token-profile-1.1#SAMLV2.0" -> true;
            case "saml11", "SAML11", "urn:oasis:names:tc:SAML:1.0:assertion",
                    "http://docs.oasis-open.org/wss/oasis-wss-saml-token-profile-1.1#SAMLV1.1" -> false;
            default -> throw new IllegalArgumentException("unknown token type '" + text + "' (saml2 or saml11)");
        };
    }

    private static boolean keyType(String text) {
        return switch (text) {
            case "bearer" -> false;
            case "public-key" -> true;
            default -> throw new IllegalArgumentException("unknown key type '" + text + "' (bearer or public-key)");
        };
    }

    private static StsSettings.Delegation delegation(String text) {
        return switch (text) {
            case "none" -> StsSettings.Delegation.NONE;
            case "on-behalf-of" -> StsSettings.Delegation.ON_BEHALF_OF;
            case "act-as" -> StsSettings.Delegation.ACT_AS;
            default -> throw new IllegalArgumentException("unknown delegation '" + text
                    + "' (none, on-behalf-of or act-as)");
        };
    }

    private static boolean passwordText(String text) {
        return switch (text) {
            case "digest" -> false;
            case "text" -> true;
            default -> throw new IllegalArgumentException("unknown password type '" + text + "' (digest or text)");
        };
    }
}
