package io.wssgate.benchmarks;

import io.wssgate.testing.TestCrypto;
import io.wssgate.testing.TestKeys;
import io.wssgate.testing.TestKeys.Identity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.wss4j.common.crypto.Merlin;

/**
 * The key material of one benchmark JVM, generated once: a CA, the X.509 client, the SAML
 * issuer, the holder-of-key subject and the server that signs its responses in the exchange
 * benchmarks (all RSA-2048, issued by the CA). Written as PEM files
 * for our YAML configuration and held as WSS4J cryptos for CXF and bare WSS4J, so every system
 * trusts exactly the same anchor and signs with exactly the same keys.
 */
public final class BenchKeys {
    private static BenchKeys instance;

    public final Identity ca;
    public final Identity client;
    public final Identity idp;
    public final Identity alice;
    public final Identity server;
    public final Path dir;

    private BenchKeys(TestKeys keys, Path dir) throws IOException {
        this.ca = keys.ca();
        this.client = keys.issue("client");
        this.idp = keys.issue("idp");
        this.alice = keys.issue("alice");
        this.server = keys.issue("server");
        this.dir = dir;
        TestKeys.writePem(dir.resolve("ca.pem"), ca.certificate());
        TestKeys.writePem(dir.resolve("idp.pem"), idp.certificate());
        for (Identity id : new Identity[] {client, idp, alice, server}) {
            TestKeys.writePem(dir.resolve(id.name() + ".pem"), id.certificate());
            TestKeys.writePkcs8Pem(dir.resolve(id.name() + "-key.pem"), id.privateKey());
        }
    }

    /** RSA key generation takes seconds: one set per JVM, shared by every state in it. */
    public static synchronized BenchKeys get() {
        if (instance == null) {
            try {
                Path dir = Files.createTempDirectory("wssgate-bench-keys");
                dir.toFile().deleteOnExit();
                instance = new BenchKeys(TestKeys.create(), dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    /** Trusts the CA only: what CXF and bare WSS4J verify signatures and assertions against. */
    public Merlin trust() {
        return TestCrypto.trusting(ca.certificate());
    }

    /** Holds these identities' private keys under their names, password {@link TestCrypto#KEY_PASSWORD}. */
    public Merlin keysOf(Identity... identities) {
        return TestCrypto.keysOf(identities);
    }
}
