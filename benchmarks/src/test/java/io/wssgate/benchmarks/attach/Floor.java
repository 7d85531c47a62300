package io.wssgate.benchmarks.attach;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;

/**
 * The floor of verifying a signed attachment: SHA-256 over the request's bytes as they come
 * from disk (in 64 KiB reads) and one RSA-2048 signature verification, nothing else.
 */
final class Floor implements AttachmentBenchmark.AttachmentSystem {
    private final Path body;
    private final KeyPair keys;
    private final byte[] signedInfo = "<ds:SignedInfo>one reference</ds:SignedInfo>".getBytes(StandardCharsets.UTF_8);
    private final byte[] signature;

    Floor(Path body) throws Exception {
        this.body = body;
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        this.keys = generator.generateKeyPair();
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(keys.getPrivate());
        rsa.update(signedInfo);
        this.signature = rsa.sign();
    }

    @Override
    public Object validate() throws Exception {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(body)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                sha256.update(buffer, 0, n);
            }
        }
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(keys.getPublic());
        rsa.update(signedInfo);
        if (!rsa.verify(signature)) {
            throw new IllegalStateException("floor signature did not verify");
        }
        return sha256.digest();
    }
}
