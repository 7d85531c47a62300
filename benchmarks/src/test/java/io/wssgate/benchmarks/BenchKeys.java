package io.wssgate.benchmarks;

import io.wssgate.testing.TestCrypto;
import io.wssgate.testing.TestKeys;
import io.wssgate.testing.TestKeys.Identity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.wss4j.common.crypto.Merlin;

/**
 * The key material of one benchmark JVM, generated once: a CA, the X.509 client, the SAML
 * issuer, the holder-of-key subject and the server that signs its responses in the exchange
 * benchmarks (all RSA-2048, issued by the CA). Written as PEM files
 * for our YAML configuration and held as WSS4J cryptos for CXF and bare WSS4J, so every system
 * trusts exactly the same anchor and signs with exactly the same keys.
 */
public final class BenchKeys {
    /**
     * A directory of PEM files another JVM wrote ({@link #dir}): this JVM then uses that key set
     * instead of generating its own, so a message signed there validates here (the 50 MB request
     * is signed in the benchmark's parent JVM: signing it needs more heap than validating it).
     */
    public static final String DIR_PROPERTY = "wssgate.bench.keys";
    private static final String[] NAMES = {"client", "idp", "alice", "server"};
    private static BenchKeys instance;

    public final Identity ca;
    public final Identity client;
    public final Identity idp;
    public final Identity alice;
    public final Identity server;
    public final Path dir;

    private BenchKeys(Identity ca, Identity client, Identity idp, Identity alice, Identity server, Path dir) {
        this.ca = ca;
        this.client = client;
        this.idp = idp;
        this.alice = alice;
        this.server = server;
        this.dir = dir;
    }

    private static BenchKeys generate(TestKeys keys, Path dir) throws IOException {
        BenchKeys generated = new BenchKeys(keys.ca(), keys.issue(NAMES[0]), keys.issue(NAMES[1]), keys.issue(NAMES[2]),
                keys.issue(NAMES[3]), dir);
        TestKeys.writePem(dir.resolve("ca.pem"), generated.ca.certificate());
        TestKeys.writePkcs8Pem(dir.resolve("ca-key.pem"), generated.ca.privateKey());
        for (Identity id : new Identity[] {generated.client, generated.idp, generated.alice, generated.server}) {
            TestKeys.writePem(dir.resolve(id.name() + ".pem"), id.certificate());
            TestKeys.writePkcs8Pem(dir.resolve(id.name() + "-key.pem"), id.privateKey());
        }
        return generated;
    }

    /** The key set {@link #generate} wrote to {@code dir}. */
    private static BenchKeys load(Path dir) throws IOException, java.security.GeneralSecurityException {
        Identity ca = PemFiles.identity(dir, "ca", List.of());
        List<Identity> leaves = new java.util.ArrayList<>();
        for (String name : NAMES) {
            leaves.add(PemFiles.identity(dir, name, List.of(ca.certificate())));
        }
        return new BenchKeys(ca, leaves.get(0), leaves.get(1), leaves.get(2), leaves.get(3), dir);
    }

    /** RSA key generation takes seconds: one set per JVM, shared by every state in it. */
    public static synchronized BenchKeys get() {
        if (instance == null) {
            try {
                String given = System.getProperty(DIR_PROPERTY);
                if (given != null) {
                    instance = load(Path.of(given));
                } else {
                    Path dir = Files.createTempDirectory("wssgate-bench-keys");
                    dir.toFile().deleteOnExit();
                    instance = generate(TestKeys.create(), dir);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException("cannot read the key set of " + System.getProperty(DIR_PROPERTY), e);
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
