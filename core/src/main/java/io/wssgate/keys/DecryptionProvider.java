package io.wssgate.keys;

import java.security.Provider;
import java.security.Security;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The provider that decrypts encrypted PEM keys: in FIPS mode the FIPS provider in force (whose
 * jar replaces Bouncy Castle's regular one), otherwise a fresh, unregistered Bouncy Castle
 * provider. A class of its own so that nothing else refers to the regular provider's class,
 * which a FIPS class path does not have.
 */
final class DecryptionProvider {
    private DecryptionProvider() {
    }

    static Provider get() {
        if (FipsProviders.active()) {
            return Security.getProviders()[0];
        }
        return new BouncyCastleProvider();
    }
}
