package io.wssgate.config.load;

import io.wssgate.config.DecryptionPolicy;
import io.wssgate.config.FipsMode;
import io.wssgate.config.KeySource;
import io.wssgate.config.KeyStoreConfig;
import io.wssgate.config.Secret;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.namespace.QName;

/**
 * Binds {@code decryption}: the private key (keystore entry or PEM pair), the algorithm allowlists
 * and the parts that must arrive encrypted.
 */
final class DecryptionBinder {
    private static final String[] KEYSTORE_KEYS = {"keystore", "alias", "key-password", "key-password-file"};
    private static final String[] PEM_KEYS = {"private-key", "certificate", "password", "password-file"};

    private DecryptionBinder() {
    }

    static DecryptionPolicy decryption(Node node) {
        DecryptionPolicy d = DecryptionPolicy.disabled();
        if (!node.expectMap()) {
            return d;
        }
        Node key = node.get("key");
        Node requiredParts = node.get("required-parts");
        List<QName> requiredHeaders = new ArrayList<>();
        boolean requiredBody = requiredParts(requiredParts, requiredHeaders);
        if (requiredParts.present() && !key.present()) {
            // Without a key nothing encrypted is accepted at all, so requiring encryption would refuse every message.
            requiredParts.problem("requires decryption.key (the server key the parts are encrypted for)");
        }
        return new DecryptionPolicy(key.present() ? keySource(key) : Optional.empty(),
                MessageRulesBinder.uriAllowlist(node.get("key-transport-algorithms"),
                        node.context().fips() ? FipsMode.KEY_TRANSPORT : d.keyTransportAlgorithms()),
                MessageRulesBinder.uriAllowlist(node.get("data-algorithms"), d.dataAlgorithms()),
                requiredBody, requiredHeaders);
    }

    /** Adds the header QNames of {@code required-parts} to {@code headers}; true when it names the Body. */
    private static boolean requiredParts(Node node, List<QName> headers) {
        boolean body = false;
        for (Node part : node.scalarElements().orElse(List.of())) {
            String text = part.text().orElse(null);
            if ("Body".equals(text)) {
                body = true;
            } else if (text != null) {
                part.parse(DecryptionBinder::headerToEncrypt).ifPresent(headers::add);
            }
        }
        return body;
    }

    private static QName headerToEncrypt(String text) {
        try {
            return ValueParsers.headerQName(text);
        } catch (IllegalArgumentException e) {
            // the Timestamp sits inside the Security header: WS-Security never encrypts it as a part
            throw new IllegalArgumentException("invalid part '" + text
                    + "' (use Body or a header as {namespace}LocalName)", e);
        }
    }

    /** A key given as keystore+alias(+key-password) or private-key+certificate(+password); also used by outbound keys. */
    static Optional<KeySource> keySource(Node node) {
        if (!node.expectMap()) {
            return Optional.empty();
        }
        boolean keystoreForm = anyPresent(node, KEYSTORE_KEYS);
        boolean pemForm = anyPresent(node, PEM_KEYS);
        if (keystoreForm && pemForm) {
            node.problem("give either keystore and alias or private-key and certificate, not both");
            return Optional.empty();
        }
        if (keystoreForm) {
            return keyStoreEntry(node);
        }
        if (pemForm) {
            return pemKeyPair(node);
        }
        node.problem("give either keystore and alias or private-key and certificate");
        return Optional.empty();
    }

    private static Optional<KeySource> keyStoreEntry(Node node) {
        Optional<KeyStoreConfig> keystore = TrustBinder.keyStore(node.get("keystore"));
        Optional<String> alias = node.get("alias").requiredText();
        // Without a key password the entry is read with the store password, as keytool sets them equal by default.
        Optional<Secret> keyPassword = Secrets.read(node, "key-password", false);
        if (keystore.isEmpty() || alias.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new KeySource.KeyStoreEntry(keystore.get(), alias.get(), keyPassword));
    }

    private static Optional<KeySource> pemKeyPair(Node node) {
        Optional<Path> privateKey = node.get("private-key").requiredFile();
        Optional<Path> certificate = node.get("certificate").requiredFile();
        Optional<Secret> password = Secrets.read(node, "password", false);
        if (privateKey.isEmpty() || certificate.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new KeySource.PemKeyPair(privateKey.get(), certificate.get(), password));
    }

    private static boolean anyPresent(Node node, String... keys) {
        for (String key : keys) {
            if (node.get(key).present()) {
                return true;
            }
        }
        return false;
    }
}
