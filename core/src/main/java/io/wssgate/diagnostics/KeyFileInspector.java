package io.wssgate.diagnostics;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CRLException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * What a key or certificate file holds, for people ({@code wssgate keys}): the format (told by
 * the content, not the name), each certificate, CRL and private key with its alias or position,
 * and for a private key its algorithm and size and which certificate of the file it belongs to.
 * A private key is only opened to tell that; it never leaves this class.
 */
public final class KeyFileInspector {
    private KeyFileInspector() {
    }

    /** The file's contents. */
    public record Contents(Path file, String format, List<Item> items, List<String> notes) {
        public Contents {
            items = List.copyOf(items);
            notes = List.copyOf(notes);
        }
    }

    /** One thing in the file, named by its keystore alias or its position ("#1"). */
    public sealed interface Item {
        String name();
    }

    /** A certificate; {@code chainOf} names the key entry whose chain it belongs to (keystores). */
    public record CertificateItem(String name, X509Certificate certificate, Optional<String> chainOf, boolean trusted)
            implements Item {
    }

    /** A private key: algorithm and size when readable, the certificate in the file whose public key it matches. */
    public record PrivateKeyItem(String name, Optional<String> algorithm, int bits, boolean encrypted,
                                 Optional<String> certificate, Optional<String> unreadable) implements Item {
    }

    /** A certificate revocation list. */
    public record CrlItem(String name, X509CRL crl) implements Item {
    }

    /**
     * Reads {@code file}; {@code password} opens a keystore's integrity check and its keys, or an
     * encrypted PEM key (without one, what needs no password is shown).
     *
     * @throws IOException when the file cannot be read or is none of the formats
     */
    public static Contents inspect(Path file, Optional<char[]> password) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1);
        if (head.contains("-----BEGIN ")) {
            return pem(file, bytes, password);
        }
        if (bytes.length >= 4 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xED && (bytes[2] & 0xFF) == 0xFE
                && (bytes[3] & 0xFF) == 0xED) {
            return keystore(file, bytes, "JKS", password);
        }
        Optional<Contents> der = der(file, bytes);
        if (der.isPresent()) {
            return der.get();
        }
        return keystore(file, bytes, "PKCS12", password);
    }

    private static Contents pem(Path file, byte[] bytes, Optional<char[]> password) throws IOException {
        List<Item> items = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<PrivateKey> keys = new ArrayList<>();
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        try (PEMParser parser = new PEMParser(new InputStreamReader(new ByteArrayInputStream(bytes),
                StandardCharsets.US_ASCII))) {
            Object object;
            int position = 0;
            while ((object = parser.readObject()) != null) {
                String name = "#" + ++position;
                if (object instanceof X509CertificateHolder holder) {
                    items.add(new CertificateItem(name, new JcaX509CertificateConverter().getCertificate(holder),
                            Optional.empty(), false));
                } else if (object instanceof X509CRLHolder holder) {
                    items.add(new CrlItem(name, new JcaX509CRLConverter().getCRL(holder)));
                } else if (object instanceof PrivateKeyInfo info) {
                    PrivateKey key = converter.getPrivateKey(info);
                    keys.add(key);
                    items.add(new PrivateKeyItem(name, Optional.of(key.getAlgorithm()), bits(key), false,
                            Optional.empty(), Optional.empty()));
                } else if (object instanceof PEMKeyPair pair) {
                    PrivateKey key = converter.getKeyPair(pair).getPrivate();
                    keys.add(key);
                    items.add(new PrivateKeyItem(name, Optional.of(key.getAlgorithm()), bits(key), false,
                            Optional.empty(), Optional.empty()));
                } else if (object instanceof PKCS8EncryptedPrivateKeyInfo || object instanceof PEMEncryptedKeyPair) {
                    items.add(encrypted(name, object, password, converter, keys));
                } else {
                    notes.add(name + ": " + object.getClass().getSimpleName() + " (not shown)");
                }
            }
        } catch (CertificateException | CRLException | RuntimeException e) {
            throw new IOException("not a readable PEM file: " + e.getMessage(), e);
        }
        return new Contents(file, "PEM", matchKeys(items, keys), notes);
    }

    private static PrivateKeyItem encrypted(String name, Object encrypted, Optional<char[]> password,
                                            JcaPEMKeyConverter converter, List<PrivateKey> keys) {
        if (password.isEmpty()) {
            return new PrivateKeyItem(name, Optional.empty(), 0, true, Optional.empty(),
                    Optional.of("encrypted: give its password to see more"));
        }
        try {
            PrivateKey key;
            if (encrypted instanceof PKCS8EncryptedPrivateKeyInfo info) {
                key = converter.getPrivateKey(info.decryptPrivateKeyInfo(new JceOpenSSLPKCS8DecryptorProviderBuilder()
                        .setProvider(new BouncyCastleProvider()).build(password.get())));
            } else {
                key = converter.getKeyPair(((PEMEncryptedKeyPair) encrypted).decryptKeyPair(
                        new JcePEMDecryptorProviderBuilder().setProvider(new BouncyCastleProvider())
                                .build(password.get()))).getPrivate();
            }
            keys.add(key);
            return new PrivateKeyItem(name, Optional.of(key.getAlgorithm()), bits(key), true, Optional.empty(),
                    Optional.empty());
        } catch (Exception e) {
            return new PrivateKeyItem(name, Optional.empty(), 0, true, Optional.empty(),
                    Optional.of("encrypted, and the password given does not open it"));
        }
    }

    /** Which certificate of the file each readable key belongs to (same public key). */
    private static List<Item> matchKeys(List<Item> items, List<PrivateKey> keys) {
        List<Item> out = new ArrayList<>();
        int k = 0;
        for (Item item : items) {
            if (item instanceof PrivateKeyItem key && key.algorithm().isPresent() && k < keys.size()) {
                PrivateKey privateKey = keys.get(k++);
                Optional<String> match = items.stream().filter(i -> i instanceof CertificateItem c
                        && belongs(privateKey, c.certificate().getPublicKey())).map(Item::name).findFirst();
                out.add(new PrivateKeyItem(key.name(), key.algorithm(), key.bits(), key.encrypted(), match,
                        key.unreadable()));
            } else {
                out.add(item);
            }
        }
        return out;
    }

    private static boolean belongs(PrivateKey privateKey, PublicKey publicKey) {
        if (privateKey instanceof RSAKey rsa && publicKey instanceof RSAKey rsaPublic) {
            return rsa.getModulus().equals(rsaPublic.getModulus());
        }
        if (privateKey instanceof java.security.interfaces.ECPrivateKey ec
                && publicKey instanceof java.security.interfaces.ECPublicKey ecPublic) {
            java.security.spec.ECPoint w = derivePublic(ec);
            return w != null && w.equals(ecPublic.getW());
        }
        return false;
    }

    /** W = s * G on the key's curve, to compare an EC private key with a certificate's public point. */
    private static java.security.spec.ECPoint derivePublic(java.security.interfaces.ECPrivateKey key) {
        try {
            org.bouncycastle.jce.spec.ECParameterSpec spec = org.bouncycastle.jcajce.provider.asymmetric.util.EC5Util
                    .convertSpec(key.getParams());
            org.bouncycastle.math.ec.ECPoint q = spec.getG().multiply(key.getS()).normalize();
            return new java.security.spec.ECPoint(q.getAffineXCoord().toBigInteger(), q.getAffineYCoord().toBigInteger());
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Optional<Contents> der(Path file, byte[] bytes) {
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            X509Certificate certificate = (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(bytes));
            return Optional.of(new Contents(file, "DER certificate", List.of(new CertificateItem("#1", certificate,
                    Optional.empty(), false)), List.of()));
        } catch (CertificateException | RuntimeException e) {
            // not a certificate: maybe a CRL
        }
        try {
            X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(bytes));
            return Optional.of(new Contents(file, "DER CRL", List.of(new CrlItem("#1", crl)), List.of()));
        } catch (CertificateException | CRLException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Contents keystore(Path file, byte[] bytes, String type, Optional<char[]> password)
            throws IOException {
        if (type.equals("PKCS12") && (bytes.length == 0 || bytes[0] != 0x30)) {
            throw new IOException("not a key or certificate file WSS Gate reads (PEM, DER, PKCS#12, JKS)");
        }
        List<String> notes = new ArrayList<>();
        try {
            KeyStore store = KeyStore.getInstance(type);
            try {
                store.load(new ByteArrayInputStream(bytes), password.orElse(null));
            } catch (IOException | java.security.GeneralSecurityException e) {
                throw new IOException(password.isEmpty() ? "a " + type + " keystore whose contents need its password "
                        + "(or a damaged file)" : "wrong password for this " + type + " keystore (or a damaged file)", e);
            }
            if (password.isEmpty()) {
                notes.add("no password given: the keystore's integrity was not checked and its keys not opened");
            }
            List<Item> items = new ArrayList<>();
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    items.add(keyEntry(store, alias, password));
                    Certificate[] chain = store.getCertificateChain(alias);
                    for (Certificate c : chain == null ? new Certificate[0] : chain) {
                        if (c instanceof X509Certificate x509) {
                            items.add(new CertificateItem(alias, x509, Optional.of(alias), false));
                        }
                    }
                } else if (store.getCertificate(alias) instanceof X509Certificate x509) {
                    items.add(new CertificateItem(alias, x509, Optional.empty(), true));
                }
            }
            return new Contents(file, type, items, notes);
        } catch (java.security.KeyStoreException e) {
            throw new IOException("cannot read this " + type + " keystore: " + e.getMessage(), e);
        }
    }

    private static PrivateKeyItem keyEntry(KeyStore store, String alias, Optional<char[]> password) {
        if (password.isEmpty()) {
            return new PrivateKeyItem(alias, Optional.empty(), 0, true, Optional.of(alias),
                    Optional.of("a key entry: give the password to open it"));
        }
        try {
            Key key = store.getKey(alias, password.get());
            return new PrivateKeyItem(alias, Optional.of(key.getAlgorithm()), key instanceof PrivateKey p ? bits(p) : 0,
                    true, Optional.of(alias), Optional.empty());
        } catch (Exception e) {
            return new PrivateKeyItem(alias, Optional.empty(), 0, true, Optional.of(alias),
                    Optional.of("the key entry has another password than the keystore"));
        }
    }

    private static int bits(PrivateKey key) {
        if (key instanceof RSAKey rsa) {
            return rsa.getModulus().bitLength();
        }
        if (key instanceof ECKey ec) {
            return ec.getParams().getOrder().bitLength();
        }
        return 0;
    }

    /** Wipes a password array once the caller is done with it. */
    public static void wipe(Optional<char[]> password) {
        password.ifPresent(p -> Arrays.fill(p, '\0'));
    }
}
