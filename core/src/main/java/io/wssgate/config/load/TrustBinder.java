package io.wssgate.config.load;

import io.wssgate.config.KeyStoreConfig;
import io.wssgate.config.OcspPolicy;
import io.wssgate.config.RevocationPolicy;
import io.wssgate.config.Secret;
import io.wssgate.config.TrustConfig;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Binds {@code trust} (with its revocation checking) and the keystore reference shared with keys. */
final class TrustBinder {
    private TrustBinder() {
    }

    static TrustConfig trust(Node node) {
        if (!node.expectMap()) {
            return TrustConfig.none();
        }
        List<Path> certificates = node.get("certificates").list(node::toPath).orElse(List.of());
        Node revocation = node.get("revocation");
        revocation.expectMap();
        List<Path> crls = crls(node.get("crls"), revocation);
        // Distinguished names contain commas, so the schema declares this list not comma-separated:
        // a single scalar is one pattern, never split.
        List<Pattern> patterns = node.get("subject-dn-patterns").list(ValueParsers::regex).orElse(List.of());
        Node keystore = node.get("keystore");
        Optional<KeyStoreConfig> store = keystore.present() ? keyStore(keystore) : Optional.empty();
        return new TrustConfig(certificates, store, crls, patterns, revocation(revocation));
    }

    /** {@code trust.revocation.crls} or {@code trust.crls} (the same list), not both. */
    private static List<Path> crls(Node legacy, Node revocation) {
        Node modern = revocation.isMap() ? revocation.get("crls") : null;
        if (legacy.present() && modern != null && modern.present()) {
            legacy.problem("give the CRLs once: revocation.crls or crls, not both");
        }
        Node given = modern != null && modern.present() ? modern : legacy;
        return given.list(given::toPath).orElse(List.of());
    }

    private static RevocationPolicy revocation(Node node) {
        if (!node.isMap()) {
            return RevocationPolicy.crlsOnly();
        }
        RevocationPolicy.Prefer prefer = node.get("prefer").parse(TrustBinder::prefer).orElse(RevocationPolicy.Prefer.OCSP);
        return new RevocationPolicy(ocsp(node.get("ocsp")), prefer);
    }

    private static OcspPolicy ocsp(Node node) {
        OcspPolicy d = OcspPolicy.disabled();
        if (!node.expectMap()) {
            return d;
        }
        return new OcspPolicy(node.get("enabled").parse(ValueParsers::bool).orElse(false),
                node.get("responder-url").parse(TrustBinder::httpUrl),
                node.get("soft-fail").parse(ValueParsers::bool).orElse(false),
                positive(node.get("cache-ttl"), d.cacheTtl()),
                positive(node.get("timeout"), d.timeout()),
                node.get("nonce").parse(ValueParsers::bool).orElse(true));
    }

    private static Duration positive(Node node, Duration fallback) {
        return node.parse(text -> {
            Duration value = ValueParsers.duration(text);
            if (value.isZero() || value.isNegative()) {
                throw new IllegalArgumentException("must be greater than 0, not '" + text + "'");
            }
            return value;
        }).orElse(fallback);
    }

    private static RevocationPolicy.Prefer prefer(String text) {
        return switch (text) {
            case "ocsp" -> RevocationPolicy.Prefer.OCSP;
            case "crl" -> RevocationPolicy.Prefer.CRL;
            default -> throw new IllegalArgumentException("unknown value '" + text + "' (use ocsp or crl)");
        };
    }

    private static URI httpUrl(String text) {
        try {
            URI uri = new URI(text);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                throw new IllegalArgumentException("an OCSP responder is an http(s) URL, not '" + text + "'");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("invalid URL '" + text + "'", e);
        }
    }

    /**
     * A {@code {path, type, password | password-file}} map, or for a token {@code {type: PKCS11,
     * provider-config, pin | pin-file | password | password-file}}; empty (reported) when unusable.
     */
    static Optional<KeyStoreConfig> keyStore(Node node) {
        if (!node.expectMap()) {
            if (!node.present()) {
                node.problem("required");
            }
            return Optional.empty();
        }
        Optional<String> type = node.get("type").parse(TrustBinder::keyStoreType);
        boolean token = type.filter(KeyStoreConfig.PKCS11::equals).isPresent();
        Optional<Path> path;
        if (token) {
            if (node.get("path").present()) {
                node.get("path").problem("a PKCS11 token has no keystore file: give provider-config");
            }
            path = node.get("provider-config").requiredFile();
        } else {
            if (node.get("provider-config").present()) {
                node.get("provider-config").problem("only for type PKCS11");
            }
            path = node.get("path").requiredFile();
        }
        String passwordKey = passwordKey(node, token);
        Optional<Secret> password = Secrets.read(node, passwordKey, true);
        if (path.isEmpty() || password.isEmpty() || (node.get("type").present() && type.isEmpty())) {
            return Optional.empty();
        }
        return Optional.of(new KeyStoreConfig(path.get(), type.orElse(null), password.get(), passwordKey));
    }

    /** A token's PIN is given as {@code pin} or, like a keystore file's password, as {@code password}; not both. */
    private static String passwordKey(Node node, boolean token) {
        Node pin = node.get(KeyStoreConfig.PIN).present() ? node.get(KeyStoreConfig.PIN) : node.get("pin-file");
        if (!pin.present()) {
            return KeyStoreConfig.PASSWORD;
        }
        if (!token) {
            pin.problem("only for type PKCS11 (a keystore file has a password)");
        } else if (node.get(KeyStoreConfig.PASSWORD).present() || node.get("password-file").present()) {
            pin.problem("give the PIN once: pin (or pin-file) or password (or password-file)");
        }
        return KeyStoreConfig.PIN;
    }

    private static String keyStoreType(String text) {
        String type = text.toUpperCase(Locale.ROOT);
        if (!type.equals("PKCS12") && !type.equals("JKS") && !type.equals(KeyStoreConfig.PKCS11)) {
            throw new IllegalArgumentException("unknown keystore type '" + text + "' (use PKCS12, JKS or PKCS11)");
        }
        return type;
    }
}
