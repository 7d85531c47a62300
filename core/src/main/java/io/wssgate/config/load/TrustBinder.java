package io.wssgate.config.load;

import io.wssgate.config.KeyStoreConfig;
import io.wssgate.config.Secret;
import io.wssgate.config.TrustConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Binds {@code trust} and the keystore reference shared with {@code decryption.key}. */
final class TrustBinder {
    private TrustBinder() {
    }

    static TrustConfig trust(Node node) {
        if (!node.expectMap()) {
            return TrustConfig.none();
        }
        List<Path> certificates = node.get("certificates").list(node::toPath).orElse(List.of());
        List<Path> crls = node.get("crls").list(node::toPath).orElse(List.of());
        // Distinguished names contain commas, so the schema declares this list not comma-separated:
        // a single scalar is one pattern, never split.
        List<Pattern> patterns = node.get("subject-dn-patterns").list(ValueParsers::regex).orElse(List.of());
        Node keystore = node.get("keystore");
        return new TrustConfig(certificates, keystore.present() ? keyStore(keystore) : Optional.empty(), crls,
                patterns);
    }

    /** A {@code {path, type, password | password-file}} map; empty (reported) when unusable. */
    static Optional<KeyStoreConfig> keyStore(Node node) {
        if (!node.expectMap()) {
            if (!node.present()) {
                node.problem("required");
            }
            return Optional.empty();
        }
        Optional<Path> path = node.get("path").requiredFile();
        Optional<String> type = node.get("type").parse(TrustBinder::keyStoreType);
        Optional<Secret> password = Secrets.read(node, "password", true);
        if (path.isEmpty() || password.isEmpty() || (node.get("type").present() && type.isEmpty())) {
            return Optional.empty();
        }
        return Optional.of(new KeyStoreConfig(path.get(), type.orElse(null), password.get()));
    }

    private static String keyStoreType(String text) {
        String type = text.toUpperCase(Locale.ROOT);
        if (!type.equals("PKCS12") && !type.equals("JKS")) {
            throw new IllegalArgumentException("unknown keystore type '" + text + "' (use PKCS12 or JKS)");
        }
        return type;
    }
}
