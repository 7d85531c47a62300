package io.wssgate.examples.keys;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.Optional;

/**
 * The keys every WSS Gate example runs with: a demo CA, a client certificate it issued, a
 * self-signed SAML IdP signing certificate and a server certificate, generated into one
 * directory (reused when already there). The constants name the files and the variables the
 * examples' configuration reads, so a partner's own PEM/PKCS12 files can replace any of them
 * without rebuilding an example. Demo material only: the private keys are unencrypted PEM and
 * PKCS12 files with a published password.
 */
public final class ExampleKeys {

    /** PEM of the CA trusted for X.509 message signatures. */
    public static final String TRUST_CA_VARIABLE = "WSSGATE_EXAMPLE_TRUST_CA";
    /** The SAML Issuer name the examples trust. */
    public static final String IDP_NAME_VARIABLE = "WSSGATE_EXAMPLE_IDP_NAME";
    /** PEM of that issuer's signing certificate. */
    public static final String IDP_CERT_VARIABLE = "WSSGATE_EXAMPLE_IDP_CERT";
    /** The SAML audience the examples require. */
    public static final String AUDIENCE_VARIABLE = "WSSGATE_EXAMPLE_AUDIENCE";
    /** PKCS12 holding the server's key (alias {@value #SERVER_ALIAS}). */
    public static final String SERVER_KEYSTORE_VARIABLE = "WSSGATE_EXAMPLE_SERVER_KEYSTORE";
    /** Password of that PKCS12. */
    public static final String SERVER_KEYSTORE_PASSWORD_VARIABLE = "WSSGATE_EXAMPLE_SERVER_KEYSTORE_PASSWORD";
    /** Directory of the generated keys; the other defaults are files in it. */
    public static final String KEYS_DIR_VARIABLE = "WSSGATE_EXAMPLE_KEYS_DIR";

    public static final String DEFAULT_KEYS_DIR = "target/example-keys";
    public static final String DEFAULT_IDP_NAME = "https://idp.example.test";
    public static final String DEFAULT_AUDIENCE = "urn:wssgate:example";

    public static final String CA_CERT = "ca.pem";
    public static final String CLIENT_CERT = "client.pem";
    public static final String CLIENT_KEY = "client-key.pem";
    public static final String CLIENT_KEYSTORE = "client.p12";
    public static final String IDP_CERT = "idp.pem";
    public static final String IDP_KEY = "idp-key.pem";
    public static final String IDP_KEYSTORE = "idp.p12";
    public static final String SERVER_CERT = "server.pem";
    public static final String SERVER_KEY = "server-key.pem";
    public static final String SERVER_KEYSTORE = "server.p12";
    public static final String README = "README.txt";

    public static final String CLIENT_ALIAS = "client";
    public static final String IDP_ALIAS = "idp";
    public static final String SERVER_ALIAS = "server";
    /** Password of every generated PKCS12 (demo keys: published on purpose). */
    public static final String KEYSTORE_PASSWORD = "changeit";

    public static final String ORGANISATION_DN = ",O=WSS Gate Example,C=DE";
    public static final String CA_DN = "CN=WSS Gate Example CA" + ORGANISATION_DN;
    public static final String CLIENT_DN = "CN=example-client" + ORGANISATION_DN;
    public static final String IDP_DN = "CN=example-idp" + ORGANISATION_DN;
    public static final String SERVER_DN = "CN=example-server" + ORGANISATION_DN;

    /** Every file {@link #ensure} leaves in the directory; README.txt is written last, so it marks a complete set. */
    static final List<String> FILES = List.of(CA_CERT, CLIENT_CERT, CLIENT_KEY, CLIENT_KEYSTORE, IDP_CERT, IDP_KEY,
            IDP_KEYSTORE, SERVER_CERT, SERVER_KEY, SERVER_KEYSTORE, README);

    private final Path directory;

    private ExampleKeys(Path directory) {
        this.directory = directory;
    }

    /**
     * The keys in {@code directory}: reused if a complete set is there, generated otherwise.
     * Synchronized so two examples starting in one JVM do not write the same files at once.
     */
    public static synchronized ExampleKeys ensure(Path directory) throws IOException {
        Path dir = directory.toAbsolutePath().normalize();
        if (!complete(dir)) {
            Files.createDirectories(dir);
            new KeySetWriter(dir).writeAll();
            Files.writeString(dir.resolve(README), ReadmeText.describe(dir));
        }
        return new ExampleKeys(dir);
    }

    /** The directory named by {@value #KEYS_DIR_VARIABLE} (environment, then system property), else {@value #DEFAULT_KEYS_DIR}. */
    public static Path configuredDirectory() {
        return Path.of(variable(KEYS_DIR_VARIABLE).orElse(DEFAULT_KEYS_DIR));
    }

    /** A variable's value, environment first, then system property: the order WSS Gate's configuration loader uses. */
    public static Optional<String> variable(String name) {
        String env = System.getenv(name);
        return Optional.ofNullable(env != null ? env : System.getProperty(name));
    }

    private static boolean complete(Path dir) {
        return FILES.stream().allMatch(f -> Files.isRegularFile(dir.resolve(f)));
    }

    public Path directory() {
        return directory;
    }

    public Path file(String name) {
        return directory.resolve(name);
    }

    /** The key and certificate chain under {@code alias} in one of the generated PKCS12 files, e.g. {@value #CLIENT_KEYSTORE}. */
    public KeyStore.PrivateKeyEntry privateKeyEntry(String keystoreFile, String alias)
            throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        char[] password = KEYSTORE_PASSWORD.toCharArray();
        try (InputStream in = Files.newInputStream(file(keystoreFile))) {
            store.load(in, password);
        }
        return (KeyStore.PrivateKeyEntry) store.getEntry(alias, new KeyStore.PasswordProtection(password));
    }

    /**
     * Generates (or reuses) the keys in the directory given as the only argument, else in
     * {@value #KEYS_DIR_VARIABLE}, else {@value #DEFAULT_KEYS_DIR}, and prints what is there and
     * how to point the examples at other files.
     */
    public static void main(String[] args) throws IOException {
        Path dir = args.length > 0 ? Path.of(args[0]) : configuredDirectory();
        print(ensure(dir), System.out);
    }

    static void print(ExampleKeys keys, PrintStream out) throws IOException {
        out.print(Files.readString(keys.file(README)));
        out.flush();
    }
}
