package io.wssgate.testing.attacks;

import io.wssgate.testing.TestKeys.Identity;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A DSA (2048-bit) "client" certificate issued by the test CA: trusted, valid, the allowed DN,
 * only the algorithm is wrong. TestKeys only makes RSA and EC keys, so this is minted here.
 */
final class DsaIdentity {
    private DsaIdentity() {
    }

    /** A fresh key and certificate on every call (one attack uses it, once). */
    static Identity mint(AttackFixture f) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("DSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Instant now = Instant.now();
            X509Certificate ca = f.ca.certificate();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(ca.getSubjectX500Principal(),
                    BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minus(Duration.ofHours(1))),
                    Date.from(now.plus(Duration.ofDays(30))), new X500Principal(AttackFixture.CLIENT_DN),
                    pair.getPublic());
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(f.ca.privateKey())));
            return new Identity("client-dsa", pair.getPrivate(), certificate, List.of(certificate, ca));
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot mint the DSA certificate", e);
        }
    }
}
