package io.wssgate.testing;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.wss4j.common.crypto.Merlin;

import io.wssgate.testing.TestKeys.Identity;

/**
 * In-memory WSS4J {@link Merlin} crypto objects over {@link TestKeys} material, for producing
 * messages (private keys by alias) and for verifying them in tests (trust anchors, CRLs).
 * Private key entries use the identity name as alias and {@link #KEY_PASSWORD} as password.
 */
public final class TestCrypto {

    /** Password of every private key entry created here; WSS4J's setUserInfo needs one. */
    public static final String KEY_PASSWORD = "password";

    /**
     * Signing crypto per identity, reused across messages: putting a key into a PKCS#12 store
     * runs a 10,000-round PBE, which would otherwise dominate the cost of every message built.
     */
    private static final Map<Identity, Merlin> SIGNING = new ConcurrentHashMap<>();

    private TestCrypto() {
    }

    /** Cached, shared {@link #keysOf(Identity...)} for one identity; callers must not modify it. */
    static Merlin signing(Identity identity) {
        return SIGNING.computeIfAbsent(identity, TestCrypto::keysOf);
    }

    /** Holds the identities' private keys (and chains), no trust anchors. */
    public static Merlin keysOf(Identity... identities) {
        return of(List.of(identities), List.of());
    }

    /** Trusts the given anchors (typically {@code keys.ca().certificate()}), holds no keys. */
    public static Merlin trusting(X509Certificate... anchors) {
        return of(List.of(), Arrays.asList(anchors));
    }

    /** Keys, anchors and optionally CRLs (WSS4J checks them only when revocation is enabled). */
    public static Merlin of(List<Identity> identities, List<X509Certificate> anchors, X509CRL... crls) {
        try {
            Merlin merlin = new Merlin();
            KeyStore keyStore = emptyKeyStore();
            for (Identity identity : identities) {
                keyStore.setKeyEntry(identity.name(), identity.privateKey(), KEY_PASSWORD.toCharArray(),
                        identity.chainArray());
            }
            merlin.setKeyStore(keyStore);
            KeyStore trustStore = emptyPkcs12();
            for (int i = 0; i < anchors.size(); i++) {
                trustStore.setCertificateEntry("anchor" + i, anchors.get(i));
            }
            merlin.setTrustStore(trustStore);
            if (crls.length > 0) {
                merlin.setCRLCertStore(CertStore.getInstance("Collection",
                        new CollectionCertStoreParameters(Arrays.asList(crls))));
            }
            return merlin;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("Cannot build in-memory crypto", e);
        }
    }

    /**
     * PKCS#12, or on a Bouncy Castle FIPS JVM (the FIPS-mode tests) its own BCFKS: the JDK's PKCS#12
     * protects keys with a PBE only the JDK's SunJCE provides, which that JVM does not have.
     */
    private static KeyStore emptyKeyStore() throws GeneralSecurityException, java.io.IOException {
        if (!"BCFIPS".equals(java.security.Security.getProviders()[0].getName())) {
            return emptyPkcs12();
        }
        KeyStore store = KeyStore.getInstance("BCFKS");
        store.load(null, null);
        return store;
    }

    private static KeyStore emptyPkcs12() throws GeneralSecurityException, java.io.IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        return store;
    }
}
