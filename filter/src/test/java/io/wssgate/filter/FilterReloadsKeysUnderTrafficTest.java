package io.wssgate.filter;

import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.testing.KeyIdType;
import io.wssgate.testing.TestKeys;
import io.wssgate.testing.TestMessages;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The truststore and the server's own keystore are replaced on disk while clients keep sending
 * valid signed requests to the filter on Jetty: no request fails, and the new material is in
 * force afterwards (a new CA trusted, the responses signed with the new key, a removed CA
 * refused), without a restart.
 */
class FilterReloadsKeysUnderTrafficTest {
    private static final TestKeys KEYS = TestKeys.create();
    private static final TestKeys.Identity CLIENT_A = KEYS.issue("client-a");
    private static final TestKeys.Identity CLIENT_B = KEYS.issueByOtherCa("client-b");
    private static final TestKeys.Identity SERVER_OLD = KEYS.issue("server-old");
    private static final TestKeys.Identity SERVER_NEW = KEYS.issue("server-new");
    private static final char[] PASSWORD = "changeit".toCharArray();
    private static final int CLIENTS = 4;

    @TempDir
    Path dir;

    @Test
    void keyFilesReplacedUnderLoadTakeEffectWithoutAFailedRequest() throws Exception {
        Path trust = TestKeys.writeTrustStorePkcs12(dir.resolve("trust.p12"), PASSWORD, KEYS.ca().certificate());
        Path server = TestKeys.writePkcs12(dir.resolve("server.p12"), PASSWORD, "server", SERVER_OLD);
        Path config = Files.writeString(dir.resolve("wssgate.yaml"), """
                keys: { reload-interval: 100ms }
                policies:
                  signed:
                    paths: [/signed/*]
                    trust:
                      keystore: { path: %1$s, password: changeit }
                    outbound:
                      timestamp: { ttl: 5m }
                      signature:
                        key: { keystore: { path: %2$s, password: changeit }, alias: server }
                """.formatted(trust, server));
        Set<Thread> threadsBefore = reloadThreads();
        JettyWebApp app = JettyWebApp.start(dir, Map.of("config-file", config.toString()), SoapResponderServlet.class);
        Traffic traffic = new Traffic(app);
        try {
            Set<Thread> ours = reloadThreads();
            ours.removeAll(threadsBefore);
            assertThat(ours).as("the filter's engine watches its files").hasSize(1);
            traffic.start(CLIENT_A);
            awaitUntil(() -> traffic.ok.get() >= 20);

            // add a CA to the truststore (moved into place) and rewrite the keystore in place,
            // so the watcher also meets a half-written file
            replaceAtomically(trust, truststore(KEYS.ca().certificate(), KEYS.otherCa().certificate()));
            Files.write(server, Files.readAllBytes(
                    TestKeys.writePkcs12(dir.resolve("next.p12"), PASSWORD, "server", SERVER_NEW)));
            awaitUntil(() -> traffic.signers.contains(SERVER_NEW.name()));
            assertThat(post(app, CLIENT_B).statusCode()).isEqualTo(200);

            // remove the first CA while the traffic comes from the second one's client
            traffic.switchTo(CLIENT_B);
            int okBeforeRemoval = traffic.ok.get();
            replaceAtomically(trust, truststore(KEYS.otherCa().certificate()));
            awaitUntil(() -> post(app, CLIENT_A).statusCode() == 500);
            HttpResponse<byte[]> refused = post(app, CLIENT_A);
            assertThat(refused.statusCode()).isEqualTo(500);
            assertThat(text(refused)).contains("FailedAuthentication").doesNotContain("client-a");
            awaitUntil(() -> traffic.ok.get() >= okBeforeRemoval + 20);
        } finally {
            traffic.stop();
            app.close();
        }
        assertThat(traffic.failures).as("failed requests").isEmpty();
        assertThat(traffic.ok.get()).isGreaterThanOrEqualTo(60);
        assertThat(traffic.signers).containsExactlyInAnyOrder(SERVER_OLD.name(), SERVER_NEW.name());
        assertThat(reloadThreads()).as("the filter's destroy() stopped the watcher").isEqualTo(aliveOf(threadsBefore));
    }

    /** Closed-loop clients, each sending fresh signed requests and checking every answer. */
    private static final class Traffic {
        final JettyWebApp app;
        final AtomicReference<TestKeys.Identity> sender = new AtomicReference<>();
        final AtomicBoolean running = new AtomicBoolean(true);
        final AtomicInteger ok = new AtomicInteger();
        final Set<String> signers = java.util.concurrent.ConcurrentHashMap.newKeySet();
        final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        final List<Thread> threads = new ArrayList<>();

        Traffic(JettyWebApp app) {
            this.app = app;
        }

        void start(TestKeys.Identity identity) {
            sender.set(identity);
            for (int i = 0; i < CLIENTS; i++) {
                Thread thread = new Thread(this::loop, "client-" + i);
                thread.start();
                threads.add(thread);
            }
        }

        void switchTo(TestKeys.Identity identity) throws InterruptedException {
            // the switch is seen by the next request of each client; let those under way finish
            sender.set(identity);
            Thread.sleep(500);
        }

        void loop() {
            while (running.get()) {
                TestKeys.Identity identity = sender.get();
                try {
                    HttpResponse<byte[]> response = post(app, identity);
                    String body = text(response);
                    if (response.statusCode() != 200 || !body.contains("<r:name>" + identity.certificate()
                            .getSubjectX500Principal().getName() + "</r:name>")) {
                        failures.add(response.statusCode() + " for " + identity.name() + ": " + body);
                    } else {
                        signer(body).ifPresent(signers::add);
                        ok.incrementAndGet();
                    }
                } catch (Exception e) {
                    failures.add(identity.name() + ": " + e);
                }
            }
        }

        void stop() throws InterruptedException {
            running.set(false);
            for (Thread thread : threads) {
                thread.join(30_000);
            }
        }
    }

    private static java.util.Optional<String> signer(String response) {
        for (TestKeys.Identity server : List.of(SERVER_OLD, SERVER_NEW)) {
            if (response.contains(base64(server))) {
                return java.util.Optional.of(server.name());
            }
        }
        return java.util.Optional.empty();
    }

    private static String base64(TestKeys.Identity identity) {
        try {
            return Base64.getEncoder().encodeToString(identity.certificate().getEncoded()).substring(0, 60);
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<byte[]> post(JettyWebApp app, TestKeys.Identity identity) throws Exception {
        byte[] request = TestMessages.soap11().timestamp(Duration.ofMinutes(5)).signWith(identity, KeyIdType.BST).build();
        return app.post("/signed/whoami", request, SecuredApp.SOAP11);
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private byte[] truststore(java.security.cert.X509Certificate... anchors) throws Exception {
        Path temp = Files.createTempFile(dir, "trust", ".p12");
        return Files.readAllBytes(TestKeys.writeTrustStorePkcs12(temp, PASSWORD, anchors));
    }

    private void replaceAtomically(Path file, byte[] content) throws Exception {
        Path temp = Files.createTempFile(dir, "new", ".tmp");
        Files.write(temp, content);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static Set<Thread> reloadThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("wssgate-key-reload") && t.isAlive())
                .collect(Collectors.toCollection(HashSet::new));
    }

    private static Set<Thread> aliveOf(Set<Thread> threads) {
        return threads.stream().filter(Thread::isAlive).collect(Collectors.toCollection(HashSet::new));
    }

    private interface Check {
        boolean holds() throws Exception;
    }

    private static void awaitUntil(Check condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.holds()) {
            assertThat(System.nanoTime()).as("condition within 30 s").isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
