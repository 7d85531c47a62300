package io.wssgate.keys;

import io.wssgate.spi.LoadedKey;
import io.wssgate.config.KeySource;
import io.wssgate.config.KeyStoreConfig;
import io.wssgate.config.Problems;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CRL;
import java.security.cert.CRLException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Loads certificates, CRLs, keystores and private keys named by the configuration. Bad input is
 * never thrown: each failure becomes a problem at the caller's key path, so start-up can list
 * everything wrong at once. Every certificate is checked for validity at load time, because an
 * expired trust anchor or key would otherwise only show up as failing messages.
 * One instance per load; not thread-safe (it writes into one {@link Problems}).
 */
public final class KeyMaterialLoader {
    private final Problems problems;
    private final Clock clock;
    private final KeyStoreReader keyStores;
    private final PemKeyReader pemKeys;

    public KeyMaterialLoader(Problems problems) {
        this(problems, Clock.systemUTC());
    }

    /** {@code clock} decides what "expired" means; injectable for tests. */
    public KeyMaterialLoader(Problems problems, Clock clock) {
        this.problems = Objects.requireNonNull(problems, "problems");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.keyStores = new KeyStoreReader(problems);
        this.pemKeys = new PemKeyReader(problems);
    }

    /** All certificates in a PEM bundle (or DER file), each checked for validity. */
    public List<X509Certificate> certificates(Path file, String keyPath) {
        List<X509Certificate> out = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            for (Certificate c : x509Factory().generateCertificates(in)) {
                out.add((X509Certificate) c);
            }
        } catch (NoSuchFileException e) {
            problems.add(keyPath, "file not found: " + file);
            return out;
        } catch (IOException | CertificateException | RuntimeException e) {
            problems.add(keyPath, "cannot read certificates from " + file + ": " + e.getMessage());
            return out;
        }
        if (out.isEmpty()) {
            problems.add(keyPath, "no certificate in " + file);
        }
        out.forEach(c -> checkValidity(c, keyPath));
        return out;
    }

    /** All CRLs in a PEM or DER file. */
    public List<X509CRL> crls(Path file, String keyPath) {
        List<X509CRL> out = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            Collection<? extends CRL> crls = x509Factory().generateCRLs(in);
            crls.forEach(crl -> out.add((X509CRL) crl));
        } catch (NoSuchFileException e) {
            problems.add(keyPath, "file not found: " + file);
            return out;
        } catch (IOException | CRLException | CertificateException | RuntimeException e) {
            problems.add(keyPath, "cannot read CRLs from " + file + ": " + e.getMessage());
            return out;
        }
        if (out.isEmpty()) {
            problems.add(keyPath, "no CRL in " + file);
        }
        return out;
    }

    /** The trusted-certificate entries of a keystore; {@code keyPath} is the path of the {@code keystore} map. */
    public List<X509Certificate> trustedCertificates(KeyStoreConfig config, String keyPath) {
        if (config.token()) {
            // trust anchors are public: they come from files; a token holds the keys that must stay secret
            problems.add(keyPath + ".type", "trust anchors come from a PKCS12 or JKS file (or certificates); a PKCS#11 "
                    + "token is for signing and decryption keys");
            return List.of();
        }
        List<X509Certificate> out = keyStores.open(config, keyPath)
                .map(store -> keyStores.trustedCertificates(store, config, keyPath))
                .orElse(List.of());
        out.forEach(c -> checkValidity(c, keyPath));
        return out;
    }

    /** A private key with its certificate; {@code keyPath} is the path of the {@code key} map. */
    public Optional<LoadedKey> key(KeySource source, String keyPath) {
        if (source instanceof KeySource.KeyStoreEntry entry) {
            Optional<KeyStore> store = keyStores.open(entry.keystore(), keyPath + ".keystore");
            Optional<LoadedKey> key = store.flatMap(s -> keyStores.privateKeyEntry(s, entry.keystore(), entry.alias(),
                    entry.keyPassword(), keyPath));
            key.ifPresent(k -> checkValidity(k.certificate(), keyPath + ".alias"));
            return key;
        }
        KeySource.PemKeyPair pem = (KeySource.PemKeyPair) source;
        Optional<PrivateKey> privateKey = pemKeys.read(pem.privateKey(), pem.password(), keyPath + ".private-key",
                keyPath + ".password");
        List<X509Certificate> certificates = certificates(pem.certificate(), keyPath + ".certificate");
        if (privateKey.isEmpty() || certificates.isEmpty()) {
            return Optional.empty();
        }
        // The first certificate is the key's own; any further ones are its chain.
        X509Certificate certificate = certificates.get(0);
        if (!matches(privateKey.get(), certificate.getPublicKey())) {
            problems.add(keyPath + ".certificate", "certificate '" + subject(certificate) + "' in "
                    + pem.certificate() + " does not belong to the private key in " + pem.privateKey());
            return Optional.empty();
        }
        return Optional.of(new LoadedKey(privateKey.get(), certificate));
    }

    /** Reports a recipient certificate whose KeyUsage does not allow encrypting a key for it. */
    public void checkKeyTransport(X509Certificate certificate, String keyPath) {
        KeyUsages.forbidsKeyTransport(certificate).ifPresent(reason -> problems.add(keyPath,
                "certificate '" + subject(certificate) + "' cannot be encrypted for: " + reason));
    }

    /**
     * Reports a key of ours whose certificate's KeyUsage does not allow signing: a peer that
     * checks KeyUsage (as WSS Gate does) would refuse every message signed with it, so this is
     * a configuration problem, found at start-up rather than by the partner.
     */
    public void checkSigning(LoadedKey key, String keyPath) {
        KeyUsages.forbidsSigning(key.certificate()).ifPresent(reason -> problems.add(keyPath,
                "certificate '" + subject(key.certificate()) + "' cannot sign: " + reason));
    }

    /**
     * Reports a decryption key whose certificate's KeyUsage does not allow key transport: the
     * partners encrypt for that certificate, and one that checks KeyUsage would refuse to. Only
     * RSA keys are judged (an EC key agrees on keys rather than transporting them).
     */
    public void checkDecryption(LoadedKey key, String keyPath) {
        if ("RSA".equals(key.certificate().getPublicKey().getAlgorithm())) {
            KeyUsages.forbidsKeyTransport(key.certificate()).ifPresent(reason -> problems.add(keyPath,
                    "certificate '" + subject(key.certificate()) + "' cannot receive encrypted keys: " + reason));
        }
    }

    /** Reports a certificate that is expired or not yet valid at the loader's clock. */
    public void checkValidity(X509Certificate certificate, String keyPath) {
        Instant now = clock.instant();
        Instant notAfter = certificate.getNotAfter().toInstant();
        Instant notBefore = certificate.getNotBefore().toInstant();
        if (now.isAfter(notAfter)) {
            problems.add(keyPath, "certificate '" + subject(certificate) + "' expired on " + notAfter);
        } else if (now.isBefore(notBefore)) {
            problems.add(keyPath, "certificate '" + subject(certificate) + "' is not valid before " + notBefore);
        }
    }

    /** Proves possession by a test signature; works for any key type the JDK can sign with. */
    private static boolean matches(PrivateKey privateKey, PublicKey publicKey) {
        if (!privateKey.getAlgorithm().equals(publicKey.getAlgorithm())) {
            return false;
        }
        String algorithm = switch (privateKey.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "EdDSA" -> "EdDSA";
            default -> null;
        };
        if (algorithm == null) {
            return true; // a key type we cannot probe: leave it to the first real use
        }
        try {
            byte[] probe = "wssgate key check".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(privateKey);
            signer.update(probe);
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(publicKey);
            verifier.update(probe);
            return verifier.verify(signer.sign());
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static String subject(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().getName();
    }

    private static CertificateFactory x509Factory() throws CertificateException {
        return CertificateFactory.getInstance("X.509");
    }
}
