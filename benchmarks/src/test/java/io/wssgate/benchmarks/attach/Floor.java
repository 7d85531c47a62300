package io.wssgate.benchmarks.attach;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;

/**
 * The floor of verifying a signed attachment: SHA-256 over the bytes the signature covers, as
 * they come from disk, and one RSA-2048 signature verification, nothing else. For SwA that is
 * the request's bytes (in 64 KiB reads); for MTOM their base64 (XOP: an include's element is
 * signed as the canonical base64 of its part, a third more bytes to digest than the part),
 * encoded in 48 KiB chunks into one reused buffer.
 */
final class Floor implements AttachmentBenchmark.AttachmentSystem {
    private static final int CHUNK = 48 * 1024;

    private final Path body;
    private final boolean base64;
    private final KeyPair keys;
    private final byte[] signedInfo = "<ds:SignedInfo>one reference</ds:SignedInfo>".getBytes(StandardCharsets.UTF_8);
    private final byte[] signature;

    Floor(Path body, boolean base64) throws Exception {
        this.body = body;
        this.base64 = base64;
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
        byte[] buffer = new byte[base64 ? CHUNK : 64 * 1024];
        byte[] encoded = new byte[CHUNK / 3 * 4];
        Base64.Encoder encoder = Base64.getEncoder();
        try (InputStream in = Files.newInputStream(body)) {
            if (base64) {
                // full chunks of a multiple of 3 bytes: their encodings joined are the whole one
                for (int n = in.readNBytes(buffer, 0, CHUNK); n > 0; n = in.readNBytes(buffer, 0, CHUNK)) {
                    if (n == CHUNK) {
                        sha256.update(encoded, 0, encoder.encode(buffer, encoded));
                    } else {
                        sha256.update(encoder.encode(Arrays.copyOf(buffer, n)));
                    }
                }
            } else {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    sha256.update(buffer, 0, n);
                }
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
