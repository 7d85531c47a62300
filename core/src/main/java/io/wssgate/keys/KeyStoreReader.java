package io.wssgate.keys;

import io.wssgate.spi.LoadedKey;
import io.wssgate.config.KeyStoreConfig;
import io.wssgate.config.Problems;
import io.wssgate.config.Secret;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** Opens PKCS12/JKS keystores and PKCS#11 tokens and reads their entries, reporting failures as problems. */
final class KeyStoreReader {
    private final Problems problems;

    KeyStoreReader(Problems problems) {
        this.problems = problems;
    }

    /** The loaded store; {@code keyPath} is the path of the {@code keystore} map. */
    Optional<KeyStore> open(KeyStoreConfig config, String keyPath) {
        if (config.token()) {
            return Pkcs11Tokens.open(config, keyPath, problems);
        }
        KeyStore store;
        try {
            store = KeyStore.getInstance(config.type());
        } catch (KeyStoreException e) {
            problems.add(keyPath + ".type", "keystore type " + config.type() + " is not supported by this JVM");
            return Optional.empty();
        }
        char[] password = config.password().chars();
        try (InputStream in = Files.newInputStream(config.path())) {
            store.load(in, password);
            return Optional.of(store);
        } catch (NoSuchFileException e) {
            problems.add(keyPath + ".path", "file not found: " + config.path());
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            // A wrong password surfaces as an IOException whose cause is UnrecoverableKeyException (PKCS12)
            // or as an integrity-check failure (JKS); a damaged file looks the same to the JDK.
            problems.add(keyPath + ".password", "wrong password or corrupt keystore");
        } finally {
            Arrays.fill(password, '\0');
        }
        return Optional.empty();
    }

    /** Every trusted-certificate entry (not key entries), as trust anchors. */
    List<X509Certificate> trustedCertificates(KeyStore store, KeyStoreConfig config, String keyPath) {
        List<X509Certificate> out = new ArrayList<>();
        try {
            for (String alias : Collections.list(store.aliases())) {
                if (store.isCertificateEntry(alias) && store.getCertificate(alias) instanceof X509Certificate c) {
                    out.add(c);
                }
            }
        } catch (KeyStoreException e) {
            problems.add(keyPath, "cannot read entries of " + config.path() + ": " + e.getMessage());
        }
        if (out.isEmpty()) {
            problems.add(keyPath, "no trusted certificate entry in " + config.path());
        }
        return out;
    }

    /**
     * The private key and certificate under {@code alias}; {@code keyPath} is the path of the
     * {@code key} map holding {@code keystore}, {@code alias} and {@code key-password}.
     */
    Optional<LoadedKey> privateKeyEntry(KeyStore store, KeyStoreConfig config, String alias,
                                        Optional<Secret> keyPassword, String keyPath) {
        try {
            if (!store.containsAlias(alias)) {
                problems.add(keyPath + ".alias", "alias '" + alias + "' not found in " + config.describe()
                        + " (available: " + String.join(", ", Collections.list(store.aliases())) + ")");
                return Optional.empty();
            }
            if (!store.isKeyEntry(alias)) {
                problems.add(keyPath + ".alias", "entry '" + alias + "' in " + config.describe() + " is not a private key");
                return Optional.empty();
            }
            Key key = readKey(store, alias, keyPassword.orElse(config.password()), keyPassword.isPresent(),
                    config, keyPath);
            if (key == null) {
                return Optional.empty();
            }
            if (!(key instanceof PrivateKey privateKey)) {
                problems.add(keyPath + ".alias", "entry '" + alias + "' in " + config.describe() + " is not a private key");
                return Optional.empty();
            }
            Certificate certificate = store.getCertificate(alias);
            if (!(certificate instanceof X509Certificate x509)) {
                problems.add(keyPath + ".alias", "entry '" + alias + "' in " + config.describe()
                        + " has no X.509 certificate");
                return Optional.empty();
            }
            return Optional.of(new LoadedKey(privateKey, x509));
        } catch (KeyStoreException e) {
            problems.add(keyPath + ".keystore", "cannot read " + config.describe() + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    private Key readKey(KeyStore store, String alias, Secret password, boolean ownPassword, KeyStoreConfig config,
                        String keyPath) {
        char[] chars = password.chars();
        try {
            return store.getKey(alias, chars);
        } catch (UnrecoverableKeyException e) {
            problems.add(keyPath + ".key-password", "wrong key password for alias '" + alias + "' in "
                    + config.path() + (ownPassword ? "" : " (the keystore password was tried; set key-password)"));
        } catch (GeneralSecurityException e) {
            problems.add(keyPath + ".alias", "cannot read key '" + alias + "' in " + config.describe() + ": "
                    + e.getMessage());
        } finally {
            Arrays.fill(chars, '\0');
        }
        return null;
    }
}
