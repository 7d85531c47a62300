package io.wssgate.config.load;

import io.wssgate.config.DecryptionPolicy;
import io.wssgate.config.KeySource;
import io.wssgate.config.KeyStoreConfig;
import io.wssgate.config.Secret;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/** Binds {@code decryption}: the private key (keystore entry or PEM pair) and the algorithm allowlists. */
final class DecryptionBinder {
    private static final String[] KEYSTORE_KEYS = {"keystore", "alias", "key-password", "key-password-file"};
    private static final String[] PEM_KEYS = {"private-key", "certificate", "password", "password-file"};

    private DecryptionBinder() {
    }

    static DecryptionPolicy decryption(Node node) {
        DecryptionPolicy d = DecryptionPolicy.disabled();
        if (!node.expectMap("key", "key-transport-algorithms", "data-algorithms")) {
            return d;
        }
        Node key = node.get("key");
        return new DecryptionPolicy(key.present() ? keySource(key) : Optional.empty(),
                MessageRulesBinder.uriAllowlist(node.get("key-transport-algorithms"), d.keyTransportAlgorithms()),
                MessageRulesBinder.uriAllowlist(node.get("data-algorithms"), d.dataAlgorithms()));
    }

    /** A key given as keystore+alias(+key-password) or private-key+certificate(+password); also used by outbound keys. */
    static Optional<KeySource> keySource(Node node) {
        if (!node.expectMap(concat(KEYSTORE_KEYS, PEM_KEYS))) {
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

    private static String[] concat(String[] a, String[] b) {
        String[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
