package io.wssgate.testing;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import io.wssgate.testing.CertificateMinter.Request;
import io.wssgate.testing.CertificateMinter.Signer;
import org.bouncycastle.asn1.x509.KeyUsage;

/**
 * Key material generated at test time: a test CA, certificates it issued, and deliberately broken
 * ones (expired, not yet valid, self-signed, from another CA, revoked, weak key).
 *
 * <p>Create one instance per test class ({@link #create()}) and keep it in a static field: RSA key
 * generation is slow, so every identity is generated once per instance and then returned from a
 * cache. Asking twice for {@code issue("alice")} gives the same key and certificate.
 *
 * <p>All subjects are {@code CN=<cn>,O=WSS Gate Test,C=DE}; the CA is {@code CN=WSS Gate Test CA,...}.
 */
public final class TestKeys {

    /** Common name of the CA returned by {@link #ca()}. */
    public static final String CA_NAME = "WSS Gate Test CA";
    /** Common name of the unrelated CA returned by {@link #otherCa()}. */
    public static final String OTHER_CA_NAME = "WSS Gate Other CA";

    private static final Duration VALIDITY = Duration.ofDays(365);
    private static final Duration BACKDATE = Duration.ofHours(1);

    /**
     * A private key with its certificate and chain (leaf first, then the issuing CA if any).
     * {@code name} is the common name; {@link TestCrypto} and the keystore writers use it as alias.
     */
    public record Identity(String name, PrivateKey privateKey, X509Certificate certificate,
                           List<X509Certificate> chain) {
        public Identity {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(privateKey, "privateKey");
            Objects.requireNonNull(certificate, "certificate");
            chain = List.copyOf(chain);
        }

        public X509Certificate[] chainArray() {
            return chain.toArray(new X509Certificate[0]);
        }

        Signer asSigner() {
            return new Signer(certificate.getSubjectX500Principal(), privateKey, certificate);
        }
    }

    private final Map<String, Identity> cache = new HashMap<>();
    private final List<BigInteger> revokedSerials = new ArrayList<>();
    private X509CRL crl;
    private long crlNumber;

    private TestKeys() {
    }

    public static TestKeys create() {
        return new TestKeys();
    }

    /** The test CA: RSA 2048, self-signed, basicConstraints CA:true. */
    public synchronized Identity ca() {
        return cached("ca", () -> newCa(CA_NAME));
    }

    /** A second CA nobody trusts, for "valid chain, wrong anchor" tests. */
    public synchronized Identity otherCa() {
        return cached("other-ca", () -> newCa(OTHER_CA_NAME));
    }

    /** RSA 2048 leaf signed by {@link #ca()}, valid now. */
    public synchronized Identity issue(String cn) {
        return cached("rsa:" + cn, () -> leaf(cn, CertificateMinter.rsa(2048), ca(), validNow()));
    }

    /** EC P-256 leaf signed by {@link #ca()}, valid now. */
    public synchronized Identity issueEc(String cn) {
        return cached("ec:" + cn, () -> leaf(cn, CertificateMinter.ecP256(), ca(), validNow()));
    }

    /** RSA 1024 leaf signed by {@link #ca()}: trusted and valid, but below any sane minimum key size. */
    public synchronized Identity issueRsa1024(String cn) {
        return cached("rsa1024:" + cn, () -> leaf(cn, CertificateMinter.rsa(1024), ca(), validNow()));
    }

    /**
     * RSA 2048 leaf signed by {@link #ca()}, valid now, whose KeyUsage extension allows exactly
     * {@code usages} (RFC 5280 names: digitalSignature, nonRepudiation, keyEncipherment,
     * dataEncipherment, keyAgreement): e.g. an encryption-only certificate that must not sign.
     */
    public synchronized Identity issueWithKeyUsage(String cn, String... usages) {
        int bits = 0;
        for (String usage : usages) {
            bits |= switch (usage) {
                case "digitalSignature" -> KeyUsage.digitalSignature;
                case "nonRepudiation" -> KeyUsage.nonRepudiation;
                case "keyEncipherment" -> KeyUsage.keyEncipherment;
                case "dataEncipherment" -> KeyUsage.dataEncipherment;
                case "keyAgreement" -> KeyUsage.keyAgreement;
                default -> throw new IllegalArgumentException("no such end-entity key usage: " + usage);
            };
        }
        int keyUsage = bits;
        if (keyUsage == 0) {
            throw new IllegalArgumentException("name at least one key usage");
        }
        return cached("usage" + keyUsage + ":" + cn, () -> {
            KeyPair pair = CertificateMinter.rsa(2048);
            Window window = validNow();
            Request request = new Request(CertificateMinter.dn(cn), pair.getPublic(), window.notBefore(),
                    window.notAfter(), false, keyUsage);
            X509Certificate cert = CertificateMinter.certificate(request, ca().asSigner());
            return new Identity(cn, pair.getPrivate(), cert, List.of(cert, ca().certificate()));
        });
    }

    /** RSA 2048 leaf signed by {@link #otherCa()}. */
    public synchronized Identity issueByOtherCa(String cn) {
        return cached("other:" + cn, () -> leaf(cn, CertificateMinter.rsa(2048), otherCa(), validNow()));
    }

    /** RSA 2048 self-signed leaf (not a CA, not chained to anything). */
    public synchronized Identity selfSigned(String cn) {
        return cached("self:" + cn, () -> {
            KeyPair pair = CertificateMinter.rsa(2048);
            Window window = validNow();
            Request request = new Request(CertificateMinter.dn(cn), pair.getPublic(),
                    window.notBefore(), window.notAfter(), false);
            Signer self = new Signer(request.subject(), pair.getPrivate(), null);
            X509Certificate cert = CertificateMinter.certificate(request, self);
            return new Identity(cn, pair.getPrivate(), cert, List.of(cert));
        });
    }

    /** CA-signed leaf whose validity ended a year ago. */
    public synchronized Identity expired(String cn) {
        Instant now = Instant.now();
        return cached("expired:" + cn, () -> leaf(cn, CertificateMinter.rsa(2048), ca(),
                new Window(now.minus(VALIDITY.multipliedBy(2)), now.minus(VALIDITY))));
    }

    /** CA-signed leaf whose validity starts in a year. */
    public synchronized Identity notYetValid(String cn) {
        Instant now = Instant.now();
        return cached("future:" + cn, () -> leaf(cn, CertificateMinter.rsa(2048), ca(),
                new Window(now.plus(VALIDITY), now.plus(VALIDITY.multipliedBy(2)))));
    }

    /** CA-signed, currently valid leaf that {@link #crl()} lists as revoked. */
    public synchronized Identity revoked(String cn) {
        String key = "revoked:" + cn;
        Identity existing = cache.get(key);
        if (existing != null) {
            return existing;
        }
        Identity identity = leaf(cn, CertificateMinter.rsa(2048), ca(), validNow());
        cache.put(key, identity);
        revokedSerials.add(identity.certificate().getSerialNumber());
        crl = null; // the next crl() call must list the new serial
        return identity;
    }

    /**
     * A CRL signed by {@link #ca()} that lists every certificate {@link #revoked(String)} has
     * produced so far (possibly none). Valid from a minute ago until tomorrow.
     */
    public synchronized X509CRL crl() {
        if (crl == null) {
            crl = CertificateMinter.crl(ca().asSigner(), revokedSerials, ++crlNumber);
        }
        return crl;
    }

    // ---- writers: thin entry points so tests only need to know TestKeys --------------------------

    /** PEM bundle of the given certificates, in order. */
    public static Path writePem(Path file, X509Certificate... certificates) throws IOException {
        return KeyMaterialFiles.writePem(file, certificates);
    }

    /** PKCS#12 keystore holding one private key entry; the key password equals the store password. */
    public static Path writePkcs12(Path file, char[] password, String alias, Identity identity) throws IOException {
        return KeyMaterialFiles.writeKeyStore("PKCS12", file, password, alias, identity);
    }

    /** JKS keystore holding one private key entry; the key password equals the store password. */
    public static Path writeJks(Path file, char[] password, String alias, Identity identity) throws IOException {
        return KeyMaterialFiles.writeKeyStore("JKS", file, password, alias, identity);
    }

    /** PKCS#12 store with trusted certificate entries only (aliases cert0, cert1, ...). */
    public static Path writeTrustStorePkcs12(Path file, char[] password, X509Certificate... certificates)
            throws IOException {
        return KeyMaterialFiles.writeTrustStore(file, password, certificates);
    }

    /** Unencrypted PKCS#8 PEM ({@code BEGIN PRIVATE KEY}). */
    public static Path writePkcs8Pem(Path file, PrivateKey key) throws IOException {
        return KeyMaterialFiles.writePkcs8(file, key, null);
    }

    /** Encrypted PKCS#8 PEM ({@code BEGIN ENCRYPTED PRIVATE KEY}, PBES2 / AES-256-CBC). */
    public static Path writeEncryptedPkcs8Pem(Path file, PrivateKey key, char[] password) throws IOException {
        return KeyMaterialFiles.writePkcs8(file, key, Objects.requireNonNull(password, "password"));
    }

    public static Path writeCrlPem(Path file, X509CRL crl) throws IOException {
        return KeyMaterialFiles.writeCrlPem(file, crl);
    }

    // ---- internals ------------------------------------------------------------------------------

    private record Window(Instant notBefore, Instant notAfter) {
    }

    private static Window validNow() {
        Instant now = Instant.now();
        // backdated so that small clock differences between test and verifier never matter
        return new Window(now.minus(BACKDATE), now.plus(VALIDITY));
    }

    private Identity cached(String key, Supplier<Identity> generator) {
        Identity identity = cache.get(key);
        if (identity == null) {
            identity = generator.get();
            cache.put(key, identity);
        }
        return identity;
    }

    private static Identity newCa(String cn) {
        KeyPair pair = CertificateMinter.rsa(2048);
        Window window = validNow();
        Request request = new Request(CertificateMinter.dn(cn), pair.getPublic(),
                window.notBefore(), window.notAfter().plus(VALIDITY), true);
        X509Certificate cert = CertificateMinter.certificate(request,
                new Signer(request.subject(), pair.getPrivate(), null));
        return new Identity(cn, pair.getPrivate(), cert, List.of(cert));
    }

    private static Identity leaf(String cn, KeyPair pair, Identity issuer, Window window) {
        Request request = new Request(CertificateMinter.dn(cn), pair.getPublic(),
                window.notBefore(), window.notAfter(), false);
        X509Certificate cert = CertificateMinter.certificate(request, issuer.asSigner());
        return new Identity(cn, pair.getPrivate(), cert, List.of(cert, issuer.certificate()));
    }
}
