package io.wssgate.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.InboundOutcome;
import io.wssgate.WssGate;
import io.wssgate.config.load.ConfigLoader;
import io.wssgate.config.load.VariableResolver;
import io.wssgate.fault.FaultCode;
import io.wssgate.testing.HazelcastCluster;
import io.wssgate.testing.KeyIdType;
import io.wssgate.testing.MessageBuilder.PasswordType;
import io.wssgate.testing.SamlSpec;
import io.wssgate.testing.TestKeys;
import io.wssgate.testing.TestKeys.Identity;
import io.wssgate.testing.TestMessages;
import java.net.URL;
import java.net.URLClassLoader;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two WSS Gate nodes, each configured by flat keys to use the replay cache through its own
 * embedded Hazelcast member of one two-member cluster on loopback: whatever one node admitted,
 * the other refuses as a replay.
 */
class ClusteredReplayTest {
    static final TestKeys KEYS = TestKeys.create();
    static final String AUDIENCE = "urn:test";

    static HazelcastCluster cluster;
    static WssGate nodeA;
    static WssGate nodeB;
    static Identity client;
    static Identity idp;
    static Identity subjectKey;

    @BeforeAll
    static void startCluster(@TempDir Path dir) throws Exception {
        client = KEYS.issue("client");
        idp = KEYS.issue("idp");
        subjectKey = KEYS.issue("alice-key");
        TestKeys.writePem(dir.resolve("ca.pem"), KEYS.ca().certificate());
        TestKeys.writePem(dir.resolve("idp.pem"), idp.certificate());
        Files.writeString(dir.resolve("users.properties"), "bob=s3cret!\n");
        cluster = HazelcastCluster.start("node-a", "node-b");
        nodeA = node("node-a", dir);
        nodeB = node("node-b", dir);
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    /**
     * One node as a web application would build it: its own context class loader (so its own
     * JCache provider and cache manager, as in a separate JVM) and its member named by a key.
     */
    static WssGate node(String member, Path dir) {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("policies.signed.paths", "/signed/*");
        keys.put("policies.signed.trust.certificates", "ca.pem");
        for (String ut : List.of("ut", "ut2")) {
            keys.put("policies." + ut + ".paths", "/" + ut + "/*");
            keys.put("policies." + ut + ".signature.required", "false");
            keys.put("policies." + ut + ".username-token.enabled", "true");
            keys.put("policies." + ut + ".username-token.passwords", "users.properties");
        }
        keys.put("policies.saml.paths", "/saml/*");
        keys.put("policies.saml.trust.certificates", "ca.pem");
        keys.put("policies.saml.saml.issuers[0].name", SamlSpec.DEFAULT_ISSUER);
        keys.put("policies.saml.saml.issuers[0].certificates", "idp.pem");
        keys.put("policies.saml.saml.audiences", AUDIENCE);
        keys.putAll(HazelcastCluster.replayKeys(member));
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(new URLClassLoader(new URL[0], previous));
        try {
            return WssGate.create(ConfigLoader.fromProperties(keys, dir, VariableResolver.system()));
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    static InboundOutcome send(WssGate node, String path, byte[] message) {
        return node.policyFor(path).orElseThrow().validate(message, "text/xml");
    }

    static void assertAccepted(InboundOutcome outcome) {
        assertThat(outcome).isInstanceOf(InboundOutcome.Accepted.class);
    }

    static void assertReplayRejected(InboundOutcome outcome) {
        assertThat(outcome).isInstanceOfSatisfying(InboundOutcome.Rejected.class,
                r -> assertThat(r.code()).isEqualTo(FaultCode.INVALID_SECURITY));
    }

    static byte[] signed() {
        return TestMessages.soap11().timestamp(Duration.ofMinutes(5)).signWith(client, KeyIdType.BST).build();
    }

    @Test
    void aSignedMessageAcceptedByNodeAIsRefusedByNodeB() {
        byte[] message = signed();

        assertAccepted(send(nodeA, "/signed/x", message));
        assertReplayRejected(send(nodeB, "/signed/x", message));
        assertReplayRejected(send(nodeA, "/signed/x", message));
        // a different signed message is untouched by the first one's entry
        assertAccepted(send(nodeB, "/signed/x", signed()));
    }

    @Test
    void aUsernameTokenNonceUsedAtNodeBIsRefusedAtNodeA() {
        // unsigned: the nonce is the only thing that makes this message single-use
        byte[] message = TestMessages.soap11().timestamp(Duration.ofMinutes(5))
                .usernameToken("bob", "s3cret!", PasswordType.DIGEST).build();

        assertAccepted(send(nodeB, "/ut/x", message));
        assertReplayRejected(send(nodeA, "/ut/x", message));
    }

    @Test
    void aOneTimeUseAssertionUsedAtNodeAIsRefusedAtNodeBInAnotherMessage() {
        SamlSpec once = hok(SamlSpec.saml2()).oneTimeUse().assertionId("_once-" + System.nanoTime());

        assertAccepted(send(nodeA, "/saml/x", samlMessage(once)));
        // a new message (new Timestamp, new signature) carrying the same assertion
        assertReplayRejected(send(nodeB, "/saml/x", samlMessage(once)));
    }

    @Test
    void aReusableAssertionMayBeUsedAtBothNodes() {
        SamlSpec reusable = hok(SamlSpec.saml2()).assertionId("_again-" + System.nanoTime());

        assertAccepted(send(nodeA, "/saml/x", samlMessage(reusable)));
        assertAccepted(send(nodeB, "/saml/x", samlMessage(reusable)));
    }

    @Test
    void policiesDoNotShareEntriesInTheSharedCache() {
        byte[] message = TestMessages.soap11().timestamp(Duration.ofMinutes(5))
                .usernameToken("bob", "s3cret!", PasswordType.DIGEST).build();

        assertAccepted(send(nodeA, "/ut/x", message));
        // as with a store per policy: the "ut2" policy has not seen this nonce yet
        assertAccepted(send(nodeB, "/ut2/x", message));
        assertReplayRejected(send(nodeA, "/ut2/x", message));
    }

    @Test
    void ofTwoCopiesSentToBothNodesAtOnceExactlyOneIsAdmitted() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 20; round++) {
                byte[] message = signed();
                CountDownLatch go = new CountDownLatch(1);
                List<Future<InboundOutcome>> copies = new ArrayList<>();
                for (WssGate node : List.of(nodeA, nodeB)) {
                    copies.add(pool.submit(() -> {
                        go.await();
                        return send(node, "/signed/x", message);
                    }));
                }
                go.countDown();
                int admitted = 0;
                for (Future<InboundOutcome> copy : copies) {
                    InboundOutcome outcome = copy.get();
                    if (outcome instanceof InboundOutcome.Accepted) {
                        admitted++;
                    } else {
                        assertReplayRejected(outcome);
                    }
                }
                assertThat(admitted).as("round %d", round).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    static SamlSpec hok(SamlSpec spec) {
        return spec.signedBy(idp).holderOfKey(subjectKey).audienceRestriction(AUDIENCE);
    }

    static byte[] samlMessage(SamlSpec spec) {
        return TestMessages.soap11().timestamp(Duration.ofMinutes(5)).saml(spec).build();
    }
}
