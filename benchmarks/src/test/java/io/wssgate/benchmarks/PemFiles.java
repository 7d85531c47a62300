package io.wssgate.benchmarks;

import io.wssgate.testing.TestKeys.Identity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Reads back an identity {@link BenchKeys} wrote: {@code name.pem} and {@code name-key.pem} (RSA, PKCS#8). */
final class PemFiles {
    private PemFiles() {
    }

    static Identity identity(Path dir, String name, List<X509Certificate> issuers)
            throws IOException, GeneralSecurityException {
        X509Certificate certificate;
        try (InputStream in = Files.newInputStream(dir.resolve(name + ".pem"))) {
            certificate = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        String pem = Files.readString(dir.resolve(name + "-key.pem"));
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        List<X509Certificate> chain = new ArrayList<>(List.of(certificate));
        chain.addAll(issuers);
        return new Identity(certificate.getSubjectX500Principal().getName().replaceFirst("^CN=([^,]*).*", "$1"),
                KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der)), certificate, chain);
    }
}
