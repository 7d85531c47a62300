package io.wssgate.testing;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.Provider;
import java.security.Security;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A real software HSM for the PKCS#11 tests: SoftHSM2 with tokens initialised by the test in a
 * fresh directory, and keys generated inside the token (SunPKCS11's KeyPairGenerator, so they are
 * marked sensitive and non-extractable) with certificates issued by a software test CA.
 *
 * <p>SoftHSM2 reads its configuration file from {@code SOFTHSM2_CONF} when the library is first
 * loaded, so the build sets that variable for the test JVM (surefire) to a file under target/ which
 * this class writes before anything loads the library. One instance per JVM: a PKCS#11 library is
 * initialised once per process. Two tokens: {@link #keysConfig()} for keys (PIN {@link #PIN}), and
 * {@link #lockedConfig()}, which nobody ever logs in to with the right PIN, for wrong-PIN tests
 * (a PKCS#11 login is shared by the whole process, so a token once logged in accepts any PIN).
 *
 * <p>A machine without SoftHSM2 fails the tests that use it, with the reason; it never skips them.
 */
public final class SoftHsm {
    public static final String PIN = "2468";
    public static final String LOCKED_PIN = "97531";
    private static final String SO_PIN = "13579864";
    private static final List<Path> LIBRARIES = List.of(Path.of("/usr/lib/softhsm/libsofthsm2.so"),
            Path.of("/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so"),
            Path.of("/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so"),
            Path.of("/usr/local/lib/softhsm/libsofthsm2.so"));
    private static SoftHsm instance;

    private final Path keysConfig;
    private final Path lockedConfig;
    private final Provider provider;

    private SoftHsm(Path keysConfig, Path lockedConfig, Provider provider) {
        this.keysConfig = keysConfig;
        this.lockedConfig = lockedConfig;
        this.provider = provider;
    }

    /** The tokens of this JVM, initialised on first use. */
    public static synchronized SoftHsm get() {
        if (instance == null) {
            instance = initialise();
        }
        return instance;
    }

    /** The SunPKCS11 configuration file of the token holding the keys. */
    public Path keysConfig() {
        return keysConfig;
    }

    /** The SunPKCS11 configuration file of a token nobody logs in to with its PIN. */
    public Path lockedConfig() {
        return lockedConfig;
    }

    /**
     * Generates an RSA key pair inside the token under {@code alias}, with a certificate for
     * {@code cn} issued by {@code ca}; returns the certificate (the private key stays inside).
     */
    public synchronized X509Certificate generateRsa(String alias, String cn, TestKeys.Identity ca) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS11", provider);
            store.load(null, PIN.toCharArray());
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA", provider);
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            X509Certificate certificate = certificate(cn, pair, ca);
            store.setKeyEntry(alias, pair.getPrivate(), null,
                    new Certificate[] {certificate, ca.certificate()});
            return certificate;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot generate a key in SoftHSM", e);
        }
    }

    private static X509Certificate certificate(String cn, KeyPair pair, TestKeys.Identity ca)
            throws GeneralSecurityException {
        try {
            Instant now = Instant.now();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                    ca.certificate().getSubjectX500Principal(), BigInteger.valueOf(now.toEpochMilli()),
                    Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(30))),
                    new X500Principal("CN=" + cn + ",O=WSS Gate Test,C=DE"), pair.getPublic());
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    extensions.createSubjectKeyIdentifier(pair.getPublic()));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    extensions.createAuthorityKeyIdentifier(ca.certificate()));
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(ca.privateKey())));
        } catch (org.bouncycastle.operator.OperatorCreationException | java.io.IOException e) {
            throw new GeneralSecurityException(e);
        }
    }

    private static SoftHsm initialise() {
        Path library = LIBRARIES.stream().filter(Files::isRegularFile).findFirst().orElseThrow(() ->
                new AssertionError("SoftHSM2 is not installed (no libsofthsm2.so in " + LIBRARIES
                        + "): apt-get install softhsm2 (.ci/run installs it)"));
        String conf = System.getenv("SOFTHSM2_CONF");
        if (conf == null || conf.isBlank()) {
            throw new AssertionError("SOFTHSM2_CONF is not set: the Maven build sets it for the test JVM "
                    + "(surefire environmentVariables); run the tests through Maven");
        }
        try {
            Path confFile = Path.of(conf).toAbsolutePath();
            Path tokens = Files.createDirectories(confFile.getParent()).resolve("softhsm-tokens-" + ProcessHandle.current().pid());
            Files.createDirectories(tokens);
            Files.writeString(confFile, "directories.tokendir = " + tokens + "\nobjectstore.backend = file\n"
                    + "log.level = ERROR\nslots.removable = false\n", StandardCharsets.UTF_8);
            long keysSlot = initToken(confFile, "wssgate-keys", PIN);
            long lockedSlot = initToken(confFile, "wssgate-locked", LOCKED_PIN);
            Path keysConfig = providerConfig(confFile.getParent().resolve("pkcs11-keys.cfg"), "WssGateTestKeys",
                    library, keysSlot);
            Path lockedConfig = providerConfig(confFile.getParent().resolve("pkcs11-locked.cfg"), "WssGateTestLocked",
                    library, lockedSlot);
            Provider provider = Security.getProvider("SunPKCS11").configure(keysConfig.toString());
            return new SoftHsm(keysConfig, lockedConfig, provider);
        } catch (IOException e) {
            throw new IllegalStateException("cannot set SoftHSM2 up", e);
        }
    }

    /** {@code softhsm2-util --init-token} into the next free slot; the slot id the token got. */
    private static long initToken(Path confFile, String label, String pin) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("softhsm2-util", "--init-token", "--free", "--label", label,
                "--so-pin", SO_PIN, "--pin", pin).redirectErrorStream(true);
        builder.environment().put("SOFTHSM2_CONF", confFile.toString());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new AssertionError("softhsm2-util is not on the PATH: apt-get install softhsm2", e);
        }
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("softhsm2-util --init-token did not finish");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Matcher slot = Pattern.compile("reassigned to slot (\\d+)").matcher(output);
        if (process.exitValue() != 0 || !slot.find()) {
            throw new IllegalStateException("softhsm2-util --init-token failed: " + output);
        }
        return Long.parseLong(slot.group(1));
    }

    /** SunPKCS11 configuration: generated private keys are sensitive and not extractable. */
    private static Path providerConfig(Path file, String name, Path library, long slot) throws IOException {
        return Files.writeString(file, """
                name = %s
                library = %s
                slot = %d
                attributes(generate, CKO_PRIVATE_KEY, *) = {
                  CKA_SENSITIVE = true
                  CKA_EXTRACTABLE = false
                }
                """.formatted(name, library, slot), StandardCharsets.UTF_8);
    }
}
