package io.wssgate.filter;

import static io.wssgate.filter.SoapResponses.assertFault;
import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.fault.FaultCode;
import io.wssgate.testing.KeyIdType;
import io.wssgate.testing.OcspResponder;
import io.wssgate.testing.OcspResponder.Answer;
import io.wssgate.testing.OcspResponder.Mode;
import io.wssgate.testing.TestKeys;
import io.wssgate.testing.TestMessages;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OCSP over HTTP end to end: signed messages sent to the filter, whose policy asks a real OCSP
 * responder on loopback (named by each client certificate's AIA extension) about the signer and
 * the intermediate CA above it. Good passes; revoked (the signer or its CA), unknown, a responder
 * that is down or does not answer within the timeout (unless soft-fail), a response signed by an
 * untrusted key, a stale response and a replayed one are refused with FailedAuthentication, the
 * application never runs, and the server log says why.
 */
class OcspRevocationOverHttpTest {
    static OcspResponder responder;
    static URI deadResponder;
    static JettyWebApp app;
    /** Good by OCSP, revoked in the CRL; and the other way round. */
    static TestKeys.Identity revokedInCrl;
    static TestKeys.Identity revokedByOcsp;
    /** Its AIA names a responder nobody listens at; the override policy asks the live one. */
    static TestKeys.Identity staleAia;
    /** Intermediate CAs under the responder's root, trusted by the chain policy; the second is revoked. */
    static TestKeys.Identity intermediate;
    static TestKeys.Identity revokedIntermediate;
    private int invocationsBefore;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        responder = OcspResponder.start();
        OcspResponder dead = OcspResponder.start();
        deadResponder = dead.url();
        dead.close();
        Path ca = TestKeys.writePem(dir.resolve("ocsp-ca.pem"), responder.ca().certificate());
        revokedInCrl = responder.issue("crl-revoked");
        revokedByOcsp = responder.issue("ocsp-revoked-crl-good");
        responder.set(revokedByOcsp.certificate(), Answer.REVOKED);
        staleAia = responder.issue("stale-aia", deadResponder);
        intermediate = responder.intermediate("OCSP Test Intermediate CA");
        revokedIntermediate = responder.intermediate("OCSP Revoked Intermediate CA");
        responder.set(revokedIntermediate.certificate(), Answer.REVOKED);
        Path intermediates = TestKeys.writePem(dir.resolve("intermediates.pem"), intermediate.certificate(),
                revokedIntermediate.certificate());
        Path crl = TestKeys.writeCrlPem(dir.resolve("ocsp-ca.crl"), responder.crl(revokedInCrl.certificate()));
        Path config = Files.writeString(dir.resolve("wssgate.yaml"), """
                policies:
                  hard:
                    paths: [/hard/*]
                    trust:
                      certificates: [%1$s]
                      revocation:
                        ocsp: { enabled: true, timeout: 3s }
                  soft:
                    paths: [/soft/*]
                    trust:
                      certificates: [%1$s]
                      revocation:
                        ocsp: { enabled: true, timeout: 3s, soft-fail: true }
                  fresh:
                    paths: [/fresh/*]
                    trust:
                      certificates: [%1$s]
                      revocation:
                        ocsp: { enabled: true, timeout: 3s, cache-ttl: 1ms }
                  with-crl:
                    paths: [/with-crl/*]
                    trust:
                      certificates: [%1$s]
                      revocation:
                        ocsp: { enabled: true, timeout: 3s, cache-ttl: 1ms }
                        crls: [%2$s]
                  prefer-crl:
                    paths: [/prefer-crl/*]
                    trust:
                      certificates: [%1$s]
                      revocation:
                        ocsp: { enabled: true, timeout: 3s, cache-ttl: 1ms }
                        crls: [%2$s]
                        prefer: crl
                  override:
                    paths: [/override/*]
                    trust:
                      certificates: [%1$s]
                      revocation:
                        ocsp: { enabled: true, timeout: 3s, responder-url: "%3$s" }
                  chain:
                    paths: [/chain/*]
                    trust:
                      certificates: [%1$s, %4$s]
                      revocation:
                        ocsp: { enabled: true, timeout: 3s, cache-ttl: 1ms }
                  quick:
                    paths: [/quick/*]
                    trust:
                      certificates: [%1$s]
                      revocation:
                        ocsp: { enabled: true, timeout: 500ms }
                  quick-soft:
                    paths: [/quick-soft/*]
                    trust:
                      certificates: [%1$s]
                      revocation:
                        ocsp: { enabled: true, timeout: 500ms, soft-fail: true }
                """.formatted(ca, crl, responder.url(), intermediates));
        app = JettyWebApp.start(dir, Map.of("config-file", config.toString()));
    }

    @AfterAll
    static void stop() throws Exception {
        app.close();
        responder.close();
    }

    @BeforeEach
    void reset() {
        responder.mode(Mode.SIGNED_BY_CA);
        invocationsBefore = EchoServlet.INVOCATIONS.get();
    }

    @AfterEach
    void back() {
        responder.mode(Mode.SIGNED_BY_CA);
        responder.release();
    }

    @Test
    void aGoodCertificateIsAcceptedAndTheAnswerIsCached() throws Exception {
        TestKeys.Identity client = responder.issue("ocsp-good");
        int before = responder.requests();

        accepted("/hard/a", client);
        accepted("/hard/a", client);

        assertThat(responder.requests() - before).as("the second message used the cached answer").isEqualTo(1);
    }

    @Test
    void aRevokedCertificateIsRefused() throws Exception {
        TestKeys.Identity client = responder.issue("ocsp-revoked");
        responder.set(client.certificate(), Answer.REVOKED);
        rejected("/hard/a", client);
        rejected("/soft/a", client);
    }

    @Test
    void aCertificateTheResponderDoesNotKnowIsRefused() throws Exception {
        TestKeys.Identity client = responder.issue("ocsp-unknown");
        responder.set(client.certificate(), Answer.UNKNOWN);
        rejected("/hard/a", client);
    }

    @Test
    void aResponderThatCannotAnswerRefusesUnlessSoftFail() throws Exception {
        TestKeys.Identity client = responder.issue("ocsp-down");
        for (Mode mode : new Mode[] {Mode.DOWN, Mode.TRY_LATER}) {
            responder.mode(mode);
            rejected("/hard/a", client);
            accepted("/soft/a", client);
        }
    }

    @Test
    void aResponderNobodyListensAtRefusesUnlessSoftFail() throws Exception {
        TestKeys.Identity client = responder.issue("ocsp-nobody", deadResponder);
        rejected("/hard/a", client);
        accepted("/soft/a", client);
    }

    @Test
    void aResponseFromTheDelegatedResponderIsAccepted() throws Exception {
        responder.mode(Mode.SIGNED_BY_DELEGATE);
        accepted("/hard/a", responder.issue("ocsp-delegated"));
    }

    @Test
    void aResponseSignedByAnUntrustedKeyIsRefusedEvenWithSoftFail() throws Exception {
        TestKeys.Identity client = responder.issue("ocsp-forged");
        responder.mode(Mode.SIGNED_BY_UNTRUSTED_KEY);
        rejected("/hard/a", client);
        rejected("/soft/a", client);
    }

    @Test
    void aStaleResponseIsRefused() throws Exception {
        TestKeys.Identity client = responder.issue("ocsp-stale");
        responder.mode(Mode.STALE);
        rejected("/hard/a", client);
    }

    @Test
    void aReplayedResponseWithAnotherRequestsNonceIsRefused() throws Exception {
        TestKeys.Identity client = responder.issue("ocsp-replayed");
        accepted("/fresh/a", client);
        Thread.sleep(5); // past the 1ms cache-ttl: the next message asks again, with a new nonce
        responder.mode(Mode.REPLAY_PREVIOUS);
        invocationsBefore = EchoServlet.INVOCATIONS.get();
        rejected("/fresh/a", client);
    }

    @Test
    void whenTheResponderCannotAnswerTheCrlDecides() throws Exception {
        responder.mode(Mode.DOWN);
        accepted("/with-crl/a", responder.issue("crl-fallback-good"));
        rejected("/with-crl/a", revokedInCrl);
        rejected("/hard/a", responder.issue("crl-fallback-no-crl"));
    }

    @Test
    void theSourceAskedFirstDecides() throws Exception {
        // prefer ocsp (the default): the responder's answer counts, the CRL is not consulted
        rejected("/with-crl/a", revokedByOcsp);
        accepted("/with-crl/a", revokedInCrl);
        // prefer crl: a current CRL of the issuer answers first
        accepted("/prefer-crl/a", revokedByOcsp);
        rejected("/prefer-crl/a", revokedInCrl);
    }

    @Test
    void theConfiguredResponderReplacesTheOneTheCertificateNames() throws Exception {
        accepted("/override/a", staleAia);
        rejected("/hard/a", staleAia);
    }

    @Test
    void theIntermediateCaIsCheckedToo() throws Exception {
        TestKeys.Identity client = responder.issue("ocsp-chain-good", intermediate);
        int before = responder.requests();

        accepted("/chain/a", client);

        assertThat(responder.requests() - before).as("asked about the signer and about its CA").isEqualTo(2);
    }

    @Test
    void aCertificateIssuedByARevokedIntermediateCaIsRefused() throws Exception {
        TestKeys.Identity client = responder.issue("ocsp-chain-revoked-ca", revokedIntermediate);

        String log = serverLog(() -> rejected("/chain/a", client));

        assertThat(log).contains("certificate 'CN=OCSP Revoked Intermediate CA,O=WSS Gate Test,C=DE'")
                .contains("revoked at").contains("according to its OCSP responder");
    }

    @Test
    void aResponderThatDoesNotAnswerWithinTheTimeoutRefusesUnlessSoftFail() throws Exception {
        TestKeys.Identity client = responder.issue("ocsp-hang");
        responder.mode(Mode.HANG);
        long start = System.nanoTime();

        String log = serverLog(() -> rejected("/quick/a", client));
        accepted("/quick-soft/a", client);

        // the responder holds each request 30 seconds; the policies give up after 500 ms
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
        assertThat(log).contains("SocketTimeoutException");
    }

    @Test
    void theServerLogSaysWhyAMessageWasRefusedOrLetThrough() throws Exception {
        TestKeys.Identity client = responder.issue("ocsp-logged");
        responder.mode(Mode.DOWN);
        HttpResponse<?>[] refused = new HttpResponse<?>[1];

        String hard = serverLog(() -> refused[0] = rejected("/hard/a", client));
        String soft = serverLog(() -> accepted("/soft/a", client));

        String correlationId = refused[0].headers().firstValue("X-WSS-Gate-Correlation-Id").orElseThrow();
        assertThat(hard.lines()).anySatisfy(line -> assertThat(line)
                .contains("WARN io.wssgate.revocation.Revocation")
                .contains("certificate 'CN=ocsp-logged,O=WSS Gate Test,C=DE' (serial "
                        + client.certificate().getSerialNumber() + ") refused: no revocation source could answer "
                        + "(trust.revocation.ocsp.soft-fail is false): ocsp: responder " + responder.url()
                        + " did not answer: java.io.IOException: HTTP 500"));
        assertThat(hard.lines()).anySatisfy(line -> assertThat(line)
                .contains("WS-Security rejected message [" + correlationId + "] policy=hard method=POST path=/app/hard/a remote=127.0.0.1 fault=FailedAuthentication")
                .contains("CN=ocsp-logged"));
        assertThat(soft.lines()).anySatisfy(line -> assertThat(line)
                .contains("WARN io.wssgate.revocation.Revocation")
                .contains("certificate 'CN=ocsp-logged,O=WSS Gate Test,C=DE'")
                .contains("ACCEPTED because trust.revocation.ocsp.soft-fail is true"));
    }

    /** What the server logged (slf4j-simple writes to System.err) while {@code action} ran. */
    private static String serverLog(Action action) throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                original.write(b);
                captured.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                original.write(b, off, len);
                captured.write(b, off, len);
            }
        }, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    @FunctionalInterface
    private interface Action {
        void run() throws Exception;
    }

    private void accepted(String path, TestKeys.Identity client) throws Exception {
        HttpResponse<byte[]> response = app.post(path, message(client), SecuredApp.SOAP11);
        assertThat(response.statusCode()).as(new String(response.body())).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Principal"))
                .contains(client.certificate().getSubjectX500Principal().getName());
        invocationsBefore = EchoServlet.INVOCATIONS.get();
    }

    private HttpResponse<byte[]> rejected(String path, TestKeys.Identity client) throws Exception {
        HttpResponse<byte[]> response = app.post(path, message(client), SecuredApp.SOAP11);
        assertFault(response, FaultCode.FAILED_AUTHENTICATION);
        assertThat(response.headers().firstValue("X-Principal")).as("no principal reached the application").isEmpty();
        assertThat(EchoServlet.INVOCATIONS.get()).as("the application was not invoked").isEqualTo(invocationsBefore);
        return response;
    }

    private static byte[] message(TestKeys.Identity client) {
        return TestMessages.soap11().timestamp(Duration.ofMinutes(5)).signWith(client, KeyIdType.BST).build();
    }
}
