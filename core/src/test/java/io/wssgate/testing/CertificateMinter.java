package io.wssgate.testing;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import javax.security.auth.x500.X500Principal;

import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Low-level X.509 plumbing for {@link TestKeys}: key pair generation, certificate and CRL signing.
 * Bouncy Castle's builders are used only for the ASN.1 work; the actual crypto runs on the JDK's
 * default providers, so nothing has to be registered with {@code Security.addProvider}.
 */
final class CertificateMinter {

    static final String ORGANISATION = "WSS Gate Test";
    static final String COUNTRY = "DE";

    private static final SecureRandom RANDOM = new SecureRandom();

    private CertificateMinter() {
    }

    /** The subject DN every fixture certificate uses, so tests can predict it. */
    static X500Principal dn(String cn) {
        return new X500Principal("CN=" + cn + ",O=" + ORGANISATION + ",C=" + COUNTRY);
    }

    static KeyPair rsa(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits, RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA key generation failed", e);
        }
    }

    static KeyPair ecP256() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("EC key generation failed", e);
        }
    }

    /**
     * What to put into a certificate; the issuer is null for a self-signed one. {@code keyUsage}:
     * Bouncy Castle KeyUsage bits, or 0 for the usual ones of a CA or an end entity.
     */
    record Request(X500Principal subject, PublicKey publicKey, Instant notBefore, Instant notAfter, boolean ca,
                   int keyUsage) {
        Request(X500Principal subject, PublicKey publicKey, Instant notBefore, Instant notAfter, boolean ca) {
            this(subject, publicKey, notBefore, notAfter, ca, 0);
        }
    }

    /** The key and certificate of whoever signs; for a self-signed certificate, the subject itself. */
    record Signer(X500Principal name, PrivateKey privateKey, X509Certificate certificate) {
    }

    static X509Certificate certificate(Request request, Signer signer) {
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                    signer.name(), serialNumber(),
                    Date.from(request.notBefore()), Date.from(request.notAfter()),
                    request.subject(), request.publicKey());
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            // SKI is what WSS4J's SKI key identifier carries; without it WSS4J would fall back to
            // hashing the key itself, which only works for RSA.
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    extensions.createSubjectKeyIdentifier(request.publicKey()));
            PublicKey authorityKey = signer.certificate() == null
                    ? request.publicKey() : signer.certificate().getPublicKey();
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    extensions.createAuthorityKeyIdentifier(authorityKey));
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(request.ca()));
            builder.addExtension(Extension.keyUsage, true, keyUsage(request));
            return new JcaX509CertificateConverter().getCertificate(builder.build(contentSigner(signer.privateKey())));
        } catch (CertIOException | GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("Cannot issue certificate for " + request.subject(), e);
        }
    }

    private static KeyUsage keyUsage(Request request) {
        if (request.keyUsage() != 0) {
            return new KeyUsage(request.keyUsage());
        }
        if (request.ca()) {
            return new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature);
        }
        // keyEncipherment makes no sense for an EC key; keyAgreement is its EC counterpart.
        int second = "EC".equals(request.publicKey().getAlgorithm()) ? KeyUsage.keyAgreement : KeyUsage.keyEncipherment;
        return new KeyUsage(KeyUsage.digitalSignature | second);
    }

    /** A CRL signed by the CA listing the given serial numbers as key-compromised. */
    static X509CRL crl(Signer ca, List<BigInteger> revokedSerials, long crlNumber) {
        try {
            Instant now = Instant.now();
            JcaX509v2CRLBuilder builder = new JcaX509v2CRLBuilder(ca.certificate(), Date.from(now.minusSeconds(60)));
            builder.setNextUpdate(Date.from(now.plusSeconds(24 * 3600)));
            for (BigInteger serial : revokedSerials) {
                builder.addCRLEntry(serial, Date.from(now.minusSeconds(60)), CRLReason.keyCompromise);
            }
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    extensions.createAuthorityKeyIdentifier(ca.certificate()));
            builder.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(crlNumber)));
            return new JcaX509CRLConverter().getCRL(builder.build(contentSigner(ca.privateKey())));
        } catch (CertIOException | GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("Cannot create CRL", e);
        }
    }

    private static ContentSigner contentSigner(PrivateKey key) throws OperatorCreationException {
        String algorithm = "EC".equals(key.getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
        return new JcaContentSignerBuilder(algorithm).build(key);
    }

    /** Random and positive, so issuer+serial references and CRL entries never collide between certificates. */
    private static BigInteger serialNumber() {
        return new BigInteger(63, RANDOM).add(BigInteger.ONE);
    }
}
