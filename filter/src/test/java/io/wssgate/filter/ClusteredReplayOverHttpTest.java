package io.wssgate.filter;

import static io.wssgate.filter.SecuredApp.SOAP11;
import static io.wssgate.filter.SoapResponses.assertFault;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wssgate.fault.FaultCode;
import io.wssgate.testing.HazelcastCluster;
import io.wssgate.testing.KeyIdType;
import io.wssgate.testing.MessageBuilder.PasswordType;
import io.wssgate.testing.SamlSpec;
import io.wssgate.testing.TestKeys;
import io.wssgate.testing.TestMessages;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two web applications on two Jetty servers, each with the WSS Gate filter configured in
 * web.xml to keep its replay cache in its own embedded Hazelcast member; the two members form
 * one cluster on loopback. A message admitted through one server is a replay at the other, and
 * so is a signed wsa:MessageID in another message.
 */
class ClusteredReplayOverHttpTest {
    static final TestKeys KEYS = TestKeys.create();
    static final String AUDIENCE = "urn:wssgate:test:service";
    static final TestKeys.Identity CLIENT = KEYS.issue("client");
    static final TestKeys.Identity IDP = KEYS.issue("idp");
    static final TestKeys.Identity ALICE_KEY = KEYS.issue("alice-key");

    static HazelcastCluster cluster;
    static JettyWebApp nodeA;
    static JettyWebApp nodeB;
    private int invocationsBefore;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        Path ca = TestKeys.writePem(dir.resolve("keys/ca.pem"), KEYS.ca().certificate());
        Path idp = TestKeys.writePem(dir.resolve("keys/idp.pem"), IDP.certificate());
        Path users = Files.writeString(dir.resolve("keys/users.properties"), "bob=bobs-secret\n");
        cluster = HazelcastCluster.start("http-node-a", "http-node-b");
        nodeA = JettyWebApp.start(Files.createDirectories(dir.resolve("a")), initParams("http-node-a", ca, idp, users));
        nodeB = JettyWebApp.start(Files.createDirectories(dir.resolve("b")), initParams("http-node-b", ca, idp, users));
    }

    @AfterAll
    static void stop() throws Exception {
        try (HazelcastCluster c = cluster; JettyWebApp a = nodeA; JettyWebApp b = nodeB) {
            // closed in reverse order: the web applications first, then the cluster
        }
    }

    /** Flat init-params in web.xml, the same keys as YAML; only the member name differs per node. */
    static Map<String, String> initParams(String member, Path ca, Path idp, Path users) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("policies.x509.paths", "/x509/*");
        params.put("policies.x509.trust.certificates", ca.toString());
        params.put("policies.ut.paths", "/ut/*");
        params.put("policies.ut.signature.required", "false");
        params.put("policies.ut.username-token.enabled", "true");
        params.put("policies.ut.username-token.passwords", users.toString());
        params.put("policies.saml.paths", "/saml/*");
        params.put("policies.saml.trust.certificates", ca.toString());
        params.put("policies.saml.saml.issuers[0].name", SamlSpec.DEFAULT_ISSUER);
        params.put("policies.saml.saml.issuers[0].certificates", idp.toString());
        params.put("policies.saml.saml.audiences", AUDIENCE);
        params.put("policies.wsa.paths", "/wsa/*");
        params.put("policies.wsa.trust.certificates", ca.toString());
        params.putAll(HazelcastCluster.replayKeys(member));
        return params;
    }

    @BeforeEach
    void countInvocations() {
        invocationsBefore = EchoServlet.INVOCATIONS.get();
    }

    @Test
    void aSignedMessageAdmittedByNodeAIsRefusedByNodeB() throws Exception {
        byte[] message = signed();

        accepted(nodeA, "/x509/orders", message, "CN=client,O=WSS Gate Test,C=DE");
        replayRejected(nodeB, "/x509/orders", message);
        replayRejected(nodeA, "/x509/orders", message);
    }

    @Test
    void aNonceUsedAtNodeBIsRefusedAtNodeA() throws Exception {
        byte[] message = TestMessages.soap11().timestamp(Duration.ofMinutes(5))
                .usernameToken("bob", "bobs-secret", PasswordType.DIGEST).build();

        accepted(nodeB, "/ut/orders", message, "bob");
        replayRejected(nodeA, "/ut/orders", message);
    }

    @Test
    void aOneTimeUseAssertionUsedAtNodeAIsRefusedAtNodeBInANewMessage() throws Exception {
        SamlSpec once = SamlSpec.saml2().signedBy(IDP).holderOfKey(ALICE_KEY).audienceRestriction(AUDIENCE)
                .oneTimeUse().assertionId("_once-" + System.nanoTime());

        accepted(nodeA, "/saml/orders", samlMessage(once), "alice");
        replayRejected(nodeB, "/saml/orders", samlMessage(once));
    }

    /** Two different messages, each freshly timestamped and signed: only their signed wsa:MessageID is the same. */
    @Test
    void aSignedMessageIdUsedAtNodeAIsRefusedAtNodeBInANewMessage() throws Exception {
        String messageId = "urn:uuid:" + java.util.UUID.randomUUID();

        accepted(nodeA, "/wsa/orders", withMessageId(TestMessages.DEFAULT_BODY, messageId), "CN=client,O=WSS Gate Test,C=DE");
        replayRejected(nodeB, "/wsa/orders",
                withMessageId("<ns:echo xmlns:ns=\"urn:wssgate:test\">another order</ns:echo>", messageId));
    }

    private static byte[] withMessageId(String body, String messageId) {
        String wsa = "http://www.w3.org/2005/08/addressing";
        return TestMessages.soap11(body).timestamp(Duration.ofMinutes(5))
                .header("<wsa:MessageID xmlns:wsa=\"" + wsa + "\">" + messageId + "</wsa:MessageID>")
                .signHeader(new javax.xml.namespace.QName(wsa, "MessageID")).signWith(CLIENT, KeyIdType.BST).build();
    }

    @Test
    void ofTwoCopiesPostedToBothServersAtOnceExactlyOneReachesTheApplication() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                int before = EchoServlet.INVOCATIONS.get();
                byte[] message = signed();
                CountDownLatch go = new CountDownLatch(1);
                List<Future<HttpResponse<byte[]>>> copies = new ArrayList<>();
                for (JettyWebApp node : List.of(nodeA, nodeB)) {
                    copies.add(pool.submit(() -> {
                        go.await();
                        return node.post("/x509/orders", message, SOAP11);
                    }));
                }
                go.countDown();
                int admitted = 0;
                for (Future<HttpResponse<byte[]>> copy : copies) {
                    HttpResponse<byte[]> response = copy.get();
                    if (response.statusCode() == 200) {
                        admitted++;
                    } else {
                        assertFault(response, FaultCode.INVALID_SECURITY);
                        assertThat(response.headers().firstValue("X-Principal")).isEmpty();
                    }
                }
                assertThat(admitted).as("round %d", round).isEqualTo(1);
                assertThat(EchoServlet.INVOCATIONS.get() - before).as("round %d", round).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aCacheTheProviderDoesNotDefineStopsStartUpWithItsKeyPath(@TempDir Path dir) throws Exception {
        Path ca = TestKeys.writePem(dir.resolve("ca.pem"), KEYS.ca().certificate());
        Map<String, String> params = new LinkedHashMap<>();
        params.put("policies.x509.paths", "/x509/*");
        params.put("policies.x509.trust.certificates", ca.toString());
        params.putAll(HazelcastCluster.replayKeys("http-node-a"));
        params.put("replay.jcache.cache-name", "not-configured");

        assertThatThrownBy(() -> JettyWebApp.start(dir, params)).rootCause()
                .hasMessageContaining("replay.jcache.cache-name")
                .hasMessageContaining("no cache 'not-configured' is configured");
    }

    private static byte[] signed() {
        return TestMessages.soap11().timestamp(Duration.ofMinutes(5)).signWith(CLIENT, KeyIdType.BST).build();
    }

    private static byte[] samlMessage(SamlSpec spec) {
        return TestMessages.soap11().timestamp(Duration.ofMinutes(5)).saml(spec).build();
    }

    private void accepted(JettyWebApp node, String path, byte[] message, String principal) throws Exception {
        HttpResponse<byte[]> response = node.post(path, message, SOAP11);
        assertThat(response.statusCode()).as("HTTP status").isEqualTo(200);
        assertThat(response.headers().firstValue("X-Principal")).contains(principal);
        invocationsBefore = EchoServlet.INVOCATIONS.get();
    }

    private void replayRejected(JettyWebApp node, String path, byte[] message) throws Exception {
        HttpResponse<byte[]> response = node.post(path, message, SOAP11);
        assertFault(response, FaultCode.INVALID_SECURITY);
        assertThat(response.headers().firstValue("X-Principal")).as("no principal reached the application").isEmpty();
        assertThat(EchoServlet.INVOCATIONS.get()).as("the application was not invoked").isEqualTo(invocationsBefore);
    }
}
