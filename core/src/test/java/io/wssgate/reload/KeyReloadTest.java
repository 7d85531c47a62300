package io.wssgate.reload;

import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.CertificateInUse;
import io.wssgate.GateObserver;
import io.wssgate.PolicyRuntime;
import io.wssgate.InboundOutcome;
import io.wssgate.WssGate;
import io.wssgate.config.ConfigProblem;
import io.wssgate.config.Problems;
import io.wssgate.config.load.ConfigLoader;
import io.wssgate.config.load.VariableResolver;
import io.wssgate.fault.FaultCode;
import io.wssgate.identity.AuthenticatedCaller;
import io.wssgate.testing.KeyIdType;
import io.wssgate.testing.TestKeys;
import io.wssgate.testing.TestMessages;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Key and trust files replaced on disk, as an operator would: what the engine decides about
 * the next message, and what it keeps when the replacement is bad.
 */
class KeyReloadTest {
    private static final TestKeys KEYS = TestKeys.create();
    private static final TestKeys.Identity CLIENT = KEYS.issue("client");
    private static final TestKeys.Identity PARTNER = KEYS.issueByOtherCa("partner");
    private static final char[] STORE_PASSWORD = "store-pw".toCharArray();

    @TempDir
    Path dir;
    private final Events events = new Events();
    private final List<WssGate> gates = new ArrayList<>();

    @AfterEach
    void closeGates() {
        gates.forEach(WssGate::close);
    }

    @Test
    void aReplacedTrustFileIsUsedForTheNextMessage() throws Exception {
        Path trust = TestKeys.writePem(dir.resolve("trust.pem"), KEYS.ca().certificate());
        PolicyRuntime policy = policy(gate(trustPem(trust, "off")));
        assertThat(policy.validate(signedBy(PARTNER), "text/xml")).isInstanceOf(InboundOutcome.Rejected.class);

        replace(trust, pem(KEYS.ca().certificate(), KEYS.otherCa().certificate()));
        gates.get(0).reloadKeyMaterialNow();

        assertAccepted(policy.validate(signedBy(PARTNER), "text/xml"), "CN=partner");
        assertAccepted(policy.validate(signedBy(CLIENT), "text/xml"), "CN=client");
        assertThat(events.reloaded).containsExactly("p");
    }

    @Test
    void aRemovedTrustAnchorIsNoLongerTrusted() throws Exception {
        Path trust = TestKeys.writePem(dir.resolve("trust.pem"), KEYS.ca().certificate(), KEYS.otherCa().certificate());
        WssGate gate = gate(trustPem(trust, "off"));
        PolicyRuntime policy = policy(gate);
        assertAccepted(policy.validate(signedBy(CLIENT), "text/xml"), "CN=client");

        replace(trust, pem(KEYS.otherCa().certificate()));
        gate.reloadKeyMaterialNow();

        InboundOutcome outcome = policy.validate(signedBy(CLIENT), "text/xml");
        assertThat(outcome).isInstanceOf(InboundOutcome.Rejected.class);
        assertThat(((InboundOutcome.Rejected) outcome).code()).isEqualTo(FaultCode.FAILED_AUTHENTICATION);
        assertAccepted(policy.validate(signedBy(PARTNER), "text/xml"), "CN=partner");
        assertThat(gate.certificates()).extracting(c -> c.certificate().getSubjectX500Principal().getName())
                .containsExactly(KEYS.otherCa().certificate().getSubjectX500Principal().getName());
    }

    @Test
    void aCorruptReplacementIsReportedAndThePreviousTrustStaysInForce() throws Exception {
        Path trust = TestKeys.writePem(dir.resolve("trust.pem"), KEYS.ca().certificate());
        WssGate gate = gate(trustPem(trust, "off"));
        PolicyRuntime policy = policy(gate);
        String complete = Files.readString(trust);

        // a half-written file, then garbage, then a file that is gone: each time the old trust stays
        replace(trust, complete.substring(0, complete.length() / 2).getBytes(StandardCharsets.US_ASCII));
        gate.reloadKeyMaterialNow();
        assertAccepted(policy.validate(signedBy(CLIENT), "text/xml"), "CN=client");
        replace(trust, "not a certificate".getBytes(StandardCharsets.US_ASCII));
        gate.reloadKeyMaterialNow();
        assertAccepted(policy.validate(signedBy(CLIENT), "text/xml"), "CN=client");
        Files.delete(trust);
        gate.reloadKeyMaterialNow();
        assertAccepted(policy.validate(signedBy(CLIENT), "text/xml"), "CN=client");

        assertThat(events.rejected).hasSize(3).allSatisfy(problems -> assertThat(problems)
                .extracting(ConfigProblem::keyPath).containsOnly("policies.p.trust.certificates"));
        assertThat(events.reloaded).isEmpty();
        // the same bad file is reported once, not at every check
        gate.reloadKeyMaterialNow();
        assertThat(events.rejected).hasSize(3);

        replace(trust, pem(KEYS.otherCa().certificate()));
        gate.reloadKeyMaterialNow();
        assertThat(policy.validate(signedBy(CLIENT), "text/xml")).isInstanceOf(InboundOutcome.Rejected.class);
        assertThat(events.reloaded).containsExactly("p");
    }

    @Test
    void anExpiredCertificateIsNotInstalled() throws Exception {
        Path trust = TestKeys.writePem(dir.resolve("trust.pem"), KEYS.ca().certificate());
        WssGate gate = gate(trustPem(trust, "off"));

        replace(trust, pem(KEYS.expired("old-ca").certificate()));
        gate.reloadKeyMaterialNow();

        assertAccepted(policy(gate).validate(signedBy(CLIENT), "text/xml"), "CN=client");
        assertThat(events.rejected).singleElement().satisfies(problems -> assertThat(problems.get(0).message())
                .contains("expired"));
    }

    @Test
    void aTrustKeystoreWithTheWrongPasswordIsNotInstalled() throws Exception {
        Path store = TestKeys.writeTrustStorePkcs12(dir.resolve("trust.p12"), STORE_PASSWORD, KEYS.ca().certificate());
        WssGate gate = gate("""
                keys: { reload-interval: off }
                policies:
                  p:
                    paths: [/*]
                    trust:
                      keystore: { path: %s, password: store-pw }
                """.formatted(store));
        Path other = TestKeys.writeTrustStorePkcs12(dir.resolve("other.p12"), "wrong".toCharArray(),
                KEYS.otherCa().certificate());

        replace(store, Files.readAllBytes(other));
        gate.reloadKeyMaterialNow();
        assertAccepted(policy(gate).validate(signedBy(CLIENT), "text/xml"), "CN=client");
        assertThat(events.rejected).singleElement().satisfies(problems -> assertThat(problems)
                .extracting(ConfigProblem::keyPath).allMatch(p -> p.startsWith("policies.p.trust.keystore")));

        Path good = TestKeys.writeTrustStorePkcs12(dir.resolve("good.p12"), STORE_PASSWORD, KEYS.otherCa().certificate());
        replace(store, Files.readAllBytes(good));
        gate.reloadKeyMaterialNow();
        assertThat(policy(gate).validate(signedBy(CLIENT), "text/xml")).isInstanceOf(InboundOutcome.Rejected.class);
        assertAccepted(policy(gate).validate(signedBy(PARTNER), "text/xml"), "CN=partner");
    }

    @Test
    void aReplacedServerKeystoreSignsTheNextResponse() throws Exception {
        TestKeys.Identity before = KEYS.issue("server-2025");
        TestKeys.Identity after = KEYS.issue("server-2026");
        Path trust = TestKeys.writePem(dir.resolve("trust.pem"), KEYS.ca().certificate());
        Path store = TestKeys.writePkcs12(dir.resolve("server.p12"), STORE_PASSWORD, "server", before);
        WssGate gate = gate("""
                keys: { reload-interval: off }
                policies:
                  p:
                    paths: [/*]
                    trust: { certificates: [%s] }
                    outbound:
                      signature:
                        key: { keystore: { path: %s, password: store-pw }, alias: server }
                """.formatted(trust, store));
        AuthenticatedCaller caller = accepted(policy(gate).validate(signedBy(CLIENT), "text/xml")).caller();
        assertThat(signedResponse(gate, caller)).contains(base64(before)).doesNotContain(base64(after));

        Path next = TestKeys.writePkcs12(dir.resolve("next.p12"), STORE_PASSWORD, "server", after);
        replace(store, Files.readAllBytes(next));
        gate.reloadKeyMaterialNow();

        assertThat(signedResponse(gate, caller)).contains(base64(after)).doesNotContain(base64(before));
        assertThat(gate.certificates()).extracting(CertificateInUse::use, c -> c.certificate().equals(after.certificate()))
                .contains(org.assertj.core.groups.Tuple.tuple("outbound-signature", true));
    }

    @Test
    void aReplacedDecryptionKeyDecryptsTheNextRequest() throws Exception {
        TestKeys.Identity before = KEYS.issue("server-2025");
        TestKeys.Identity after = KEYS.issue("server-2026");
        WssGate gate = decryptingWith(before);
        Path key = dir.resolve("server-key.pem");
        Path certificate = dir.resolve("server.pem");
        assertAccepted(policy(gate).validate(encryptedFor(before), "text/xml"), "CN=client");

        // both files of the pair change; the watcher must see them as one consistent pair
        replace(key, Files.readAllBytes(TestKeys.writePkcs8Pem(dir.resolve("k2.pem"), after.privateKey())));
        replace(certificate, pem(after.certificate()));
        gate.reloadKeyMaterialNow();

        assertAccepted(policy(gate).validate(encryptedFor(after), "text/xml"), "CN=client");
        assertThat(policy(gate).validate(encryptedFor(before), "text/xml")).isInstanceOf(InboundOutcome.Rejected.class);
    }

    @Test
    void aKeyPairOfWhichOnlyOneHalfWasReplacedIsNotInstalled() throws Exception {
        TestKeys.Identity before = KEYS.issue("server-2025");
        TestKeys.Identity after = KEYS.issue("server-2026");
        WssGate gate = decryptingWith(before);
        Path key = dir.resolve("server-key.pem");
        Path certificate = dir.resolve("server.pem");

        replace(key, Files.readAllBytes(TestKeys.writePkcs8Pem(dir.resolve("k2.pem"), after.privateKey())));
        gate.reloadKeyMaterialNow();

        assertAccepted(policy(gate).validate(encryptedFor(before), "text/xml"), "CN=client");
        assertThat(events.rejected).singleElement().satisfies(problems -> assertThat(problems.get(0).message())
                .contains("does not belong to the private key"));
    }

    /** A gate decrypting with {@code server}'s key from server-key.pem and server.pem. */
    private WssGate decryptingWith(TestKeys.Identity server) throws Exception {
        Path trust = TestKeys.writePem(dir.resolve("trust.pem"), KEYS.ca().certificate());
        Path key = TestKeys.writePkcs8Pem(dir.resolve("server-key.pem"), server.privateKey());
        Path certificate = TestKeys.writePem(dir.resolve("server.pem"), server.certificate());
        return gate("""
                keys: { reload-interval: off }
                policies:
                  p:
                    paths: [/*]
                    trust: { certificates: [%s] }
                    decryption:
                      key: { private-key: %s, certificate: %s }
                """.formatted(trust, key, certificate));
    }

    private static byte[] encryptedFor(TestKeys.Identity server) {
        return TestMessages.soap11().timestamp(Duration.ofMinutes(5)).signWith(CLIENT, KeyIdType.BST)
                .encryptBodyFor(server.certificate()).build();
    }

    @Test
    void theWatcherPicksUpAReplacementByItselfAndStopsWhenTheGateIsClosed() throws Exception {
        Path trust = TestKeys.writePem(dir.resolve("trust.pem"), KEYS.ca().certificate());
        java.util.Set<Thread> before = watcherThreads();
        WssGate gate = gate(trustPem(trust, "50ms"));
        java.util.Set<Thread> ours = watcherThreads();
        ours.removeAll(before);
        assertThat(ours).hasSize(1);

        replace(trust, pem(KEYS.otherCa().certificate()));
        awaitUntil(() -> !events.reloaded.isEmpty());
        assertAccepted(policy(gate).validate(signedBy(PARTNER), "text/xml"), "CN=partner");

        gate.close();
        awaitUntil(() -> ours.stream().noneMatch(Thread::isAlive));
        replace(trust, pem(KEYS.ca().certificate()));
        Thread.sleep(300);
        assertThat(events.reloaded).hasSize(1);
        assertThat(policy(gate).validate(signedBy(CLIENT), "text/xml")).isInstanceOf(InboundOutcome.Rejected.class);
    }

    @Test
    void reloadingIsOnByDefaultEveryThirtySecondsAndCanBeSwitchedOff() throws Exception {
        Path trust = TestKeys.writePem(dir.resolve("trust.pem"), KEYS.ca().certificate());
        String policies = "policies: { p: { paths: [/*], trust: { certificates: [" + trust + "] } } }";
        assertThat(yaml(policies).keyReloadInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(yaml("keys: { reload-interval: 5m }\n" + policies).keyReloadInterval())
                .isEqualTo(Duration.ofMinutes(5));
        assertThat(yaml("keys: { reload-interval: 0 }\n" + policies).keyReloadInterval()).isZero();
        Problems problems = new Problems();
        ConfigLoader.fromYaml(new StringReader("keys: { reload-interval: soon, watch: true }\n" + policies),
                dir, VariableResolver.system(), problems);
        assertThat(problems.list()).extracting(ConfigProblem::keyPath)
                .containsExactlyInAnyOrder("keys.reload-interval", "keys.watch");
        assertThat(ConfigLoader.fromProperties(Map.of("keys.reload-interval", "off", "policies.p.paths", "/*",
                "policies.p.trust.certificates", trust.toString()), dir, VariableResolver.system())
                .keyReloadInterval()).isZero();
    }

    @Test
    void withReloadingOffNoThreadIsStarted() throws Exception {
        Path trust = TestKeys.writePem(dir.resolve("trust.pem"), KEYS.ca().certificate());
        java.util.Set<Thread> before = watcherThreads();
        gate(trustPem(trust, "off"));
        assertThat(watcherThreads()).isEqualTo(before);
    }

    private io.wssgate.config.WssGateConfig yaml(String text) {
        return ConfigLoader.fromYaml(new StringReader(text), dir, VariableResolver.system());
    }

    private static String trustPem(Path trust, String interval) {
        return """
                keys: { reload-interval: %s }
                policies:
                  p:
                    paths: [/*]
                    trust: { certificates: [%s] }
                """.formatted(interval, trust);
    }

    private WssGate gate(String yaml) {
        WssGate gate = WssGate.create(this.yaml(yaml), Clock.systemUTC(), new Problems(), List.of(events));
        gates.add(gate);
        return gate;
    }

    private static PolicyRuntime policy(WssGate gate) {
        return gate.policy("p").orElseThrow();
    }

    private static byte[] signedBy(TestKeys.Identity identity) {
        return TestMessages.soap11().timestamp(Duration.ofMinutes(5)).signWith(identity, KeyIdType.BST).build();
    }

    private static InboundOutcome.Accepted accepted(InboundOutcome outcome) {
        assertThat(outcome).isInstanceOf(InboundOutcome.Accepted.class);
        return (InboundOutcome.Accepted) outcome;
    }

    private static void assertAccepted(InboundOutcome outcome, String principalPrefix) {
        assertThat(accepted(outcome).caller().principal().name()).startsWith(principalPrefix);
    }

    private static String signedResponse(WssGate gate, AuthenticatedCaller caller) throws Exception {
        byte[] response = TestMessages.soap11().build();
        return new String(policy(gate).secureResponse(response, caller), StandardCharsets.UTF_8);
    }

    private static String base64(TestKeys.Identity identity) throws Exception {
        return Base64.getEncoder().encodeToString(identity.certificate().getEncoded()).substring(0, 60);
    }

    private static byte[] pem(java.security.cert.X509Certificate... certificates) throws Exception {
        Path temp = Files.createTempFile("pem", ".pem");
        try {
            return Files.readAllBytes(TestKeys.writePem(temp, certificates));
        } finally {
            Files.delete(temp);
        }
    }

    /** Replaces a file the way a deployment does: written aside, then moved over the old one. */
    private void replace(Path file, byte[] content) throws Exception {
        Path temp = Files.createTempFile(dir, "new", ".tmp");
        Files.write(temp, content);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Live reload threads of every engine in this JVM (other tests' engines included). */
    private static java.util.Set<Thread> watcherThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("wssgate-key-reload") && t.isAlive())
                .collect(java.util.stream.Collectors.toCollection(java.util.HashSet::new));
    }

    private static void awaitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 10 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static final class Events implements GateObserver {
        final List<String> reloaded = new CopyOnWriteArrayList<>();
        final List<List<ConfigProblem>> rejected = new CopyOnWriteArrayList<>();

        @Override
        public void keyMaterialReloaded(String policy) {
            reloaded.add(policy);
        }

        @Override
        public void keyMaterialRejected(String policy, List<ConfigProblem> problems) {
            rejected.add(problems);
        }
    }
}
