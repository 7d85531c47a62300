package io.wssgate.keys;

import io.wssgate.config.KeyStoreConfig;
import io.wssgate.config.Problems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Provider;
import java.security.Security;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.security.auth.login.LoginException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PKCS#11 tokens (HSMs) through the JDK's SunPKCS11 provider, one provider per configuration file
 * for the life of the JVM.
 *
 * <p>Why JVM-wide: a PKCS#11 library is initialised once per process and its login is shared by
 * every session, and the XML security stack finds the token's signature and cipher
 * implementations only through the JCA's provider list, so each token's provider is registered
 * there (appended, so it never changes which provider software keys use). A changed provider
 * configuration therefore takes effect at the next start; a reload reads the token's entries
 * again through the provider in use.
 */
final class Pkcs11Tokens {
    private static final Logger LOG = LoggerFactory.getLogger(Pkcs11Tokens.class);
    private static final Map<Path, Provider> PROVIDERS = new ConcurrentHashMap<>();

    private Pkcs11Tokens() {
    }

    /** The token's keystore, logged in with the configured PIN; {@code keyPath} is the path of the {@code keystore} map. */
    static Optional<KeyStore> open(KeyStoreConfig config, String keyPath, Problems problems) {
        Optional<Provider> provider = provider(config.path(), keyPath + ".provider-config", problems);
        if (provider.isEmpty()) {
            return Optional.empty();
        }
        char[] pin = config.password().chars();
        try {
            KeyStore store = KeyStore.getInstance(KeyStoreConfig.PKCS11, provider.get());
            store.load(null, pin);
            return Optional.of(store);
        } catch (GeneralSecurityException e) {
            problems.add(keyPath + ".provider-config", "cannot open " + config.describe() + ": " + e.getMessage());
        } catch (java.io.IOException e) {
            if (causedBy(e, LoginException.class) || String.valueOf(e.getMessage()).contains("PIN")) {
                problems.add(keyPath + "." + config.passwordKey(), "the token refused the PIN (wrong, or locked) for "
                        + config.describe());
            } else {
                problems.add(keyPath + ".provider-config", "cannot open " + config.describe() + ": " + e.getMessage());
            }
        } finally {
            Arrays.fill(pin, '\0');
        }
        return Optional.empty();
    }

    private static Optional<Provider> provider(Path configFile, String keyPath, Problems problems) {
        if (!Files.isRegularFile(configFile)) {
            problems.add(keyPath, "file not found: " + configFile);
            return Optional.empty();
        }
        Path key = configFile.toAbsolutePath().normalize();
        try {
            return Optional.of(PROVIDERS.computeIfAbsent(key, Pkcs11Tokens::configure));
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            problems.add(keyPath, "SunPKCS11 cannot use " + configFile + ": " + cause.getMessage());
            return Optional.empty();
        }
    }

    private static Provider configure(Path configFile) {
        Provider prototype = Security.getProvider("SunPKCS11");
        if (prototype == null) {
            throw new IllegalStateException("this JVM has no SunPKCS11 provider (module jdk.crypto.cryptoki)");
        }
        Provider token = prototype.configure(configFile.toString());
        if (Security.getProvider(token.getName()) != null) {
            // the operator registered this token in java.security already: use that instance
            token = Security.getProvider(token.getName());
        } else {
            Security.addProvider(token);
        }
        TokenRsaOaep oaep = new TokenRsaOaep(token);
        if (Security.getProvider(oaep.getName()) == null) {
            Security.addProvider(oaep);
        }
        LOG.info("PKCS#11 token provider {} registered from {}", token.getName(), configFile);
        return token;
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
