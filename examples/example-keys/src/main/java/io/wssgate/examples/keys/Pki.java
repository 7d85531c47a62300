package io.wssgate.examples.keys;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import javax.security.auth.x500.X500Principal;

import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * RSA keys and X.509 certificates for the example keys. Bouncy Castle only builds the ASN.1;
 * the JDK's providers do the cryptography, so no provider has to be registered.
 */
final class Pki {
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Starts an hour back so a server whose clock is a little behind still accepts the certificates. */
    private static final Duration BACKDATE = Duration.ofHours(1);

    private Pki() {
    }

    /** A key and its certificate. */
    record Identity(PrivateKey key, X509Certificate certificate) {
    }

    static KeyPair rsa2048() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048, RANDOM);
        return generator.generateKeyPair();
    }

    /** A self-signed certificate: a CA's ({@code ca} true) or a pinned signer's such as the SAML IdP's. */
    static Identity selfSigned(String dn, boolean ca, Duration validity) throws GeneralSecurityException {
        KeyPair pair = rsa2048();
        X500Principal name = new X500Principal(dn);
        return new Identity(pair.getPrivate(), sign(name, pair, name, pair.getPrivate(), pair, ca, validity));
    }

    /** An end-entity certificate issued by {@code issuer}. */
    static Identity issuedBy(Identity issuer, String dn, Duration validity) throws GeneralSecurityException {
        KeyPair pair = rsa2048();
        KeyPair issuerPair = new KeyPair(issuer.certificate().getPublicKey(), issuer.key());
        return new Identity(pair.getPrivate(), sign(new X500Principal(dn), pair,
                issuer.certificate().getSubjectX500Principal(), issuer.key(), issuerPair, false, validity));
    }

    private static X509Certificate sign(X500Principal subject, KeyPair subjectPair, X500Principal issuerName,
            PrivateKey issuerKey, KeyPair issuerPair, boolean ca, Duration validity) throws GeneralSecurityException {
        Instant now = Instant.now();
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName,
                    new BigInteger(64, RANDOM).add(BigInteger.ONE), Date.from(now.minus(BACKDATE)),
                    Date.from(now.plus(validity)), subject, subjectPair.getPublic());
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    extensions.createSubjectKeyIdentifier(subjectPair.getPublic()));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    extensions.createAuthorityKeyIdentifier(issuerPair.getPublic()));
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            builder.addExtension(Extension.keyUsage, true, ca
                    ? new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature)
                    : new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKey)));
        } catch (GeneralSecurityException e) {
            throw e;
        } catch (Exception e) {
            throw new GeneralSecurityException("cannot issue a certificate for " + subject, e);
        }
    }
}
