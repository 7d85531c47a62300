package io.wssgate.replay;

import io.wssgate.spi.ReplayCache;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.wssgate.InboundOutcome;
import io.wssgate.WssGate;
import io.wssgate.config.ConfigurationException;
import io.wssgate.config.PolicyConfig;
import io.wssgate.config.ReplayConfig;
import io.wssgate.config.TrustConfig;
import io.wssgate.config.WssGateConfig;
import io.wssgate.fault.FaultCode;
import io.wssgate.testing.KeyIdType;
import io.wssgate.testing.TestKeys;
import io.wssgate.testing.TestMessages;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Choosing the replay store when building a {@link WssGate} from Java, and how a store's failure is handled. */
class ReplayStoreSelectionTest {
    static final TestKeys KEYS = TestKeys.create();
    static WssGateConfig twoPolicies;

    @BeforeAll
    static void writeKeys(@TempDir Path dir) throws Exception {
        Path ca = TestKeys.writePem(dir.resolve("ca.pem"), KEYS.ca().certificate());
        TrustConfig trust = new TrustConfig(List.of(ca), Optional.empty(), List.of(), List.of());
        twoPolicies = WssGateConfig.of(PolicyConfig.builder("orders").path("/orders/*").trust(trust).build(),
                PolicyConfig.builder("billing").path("/billing/*").trust(trust).build());
    }

    /** A store an application supplies, remembering what it was asked (and answering like a map). */
    static final class RecordingStore implements ReplayCache {
        final Map<String, Instant> entries = new ConcurrentHashMap<>();

        @Override
        public boolean addIfAbsent(String identifier, Instant expiry) {
            return entries.putIfAbsent(identifier, expiry) == null;
        }
    }

    static byte[] signed() {
        return TestMessages.soap11().timestamp(Duration.ofMinutes(5)).signWith(KEYS.issue("client"), KeyIdType.BST)
                .build();
    }

    static InboundOutcome send(WssGate gate, String path, byte[] message) {
        return gate.policyFor(path).orElseThrow().validate(message, "text/xml");
    }

    @Test
    void aSuppliedStoreServesEveryPolicyWithTheirIdentifiersKeptApart() {
        RecordingStore store = new RecordingStore();
        WssGate gate = WssGate.create(twoPolicies.withReplay(new ReplayConfig.Shared(store)));
        byte[] message = signed();

        assertThat(send(gate, "/orders/x", message)).isInstanceOf(InboundOutcome.Accepted.class);
        assertThat(send(gate, "/billing/x", message)).isInstanceOf(InboundOutcome.Accepted.class);
        assertThat(send(gate, "/orders/x", message)).isInstanceOf(InboundOutcome.Rejected.class);
        assertThat(store.entries.keySet()).hasSize(2)
                .anySatisfy(k -> assertThat(k).startsWith("orders\ntimestamp:"))
                .anySatisfy(k -> assertThat(k).startsWith("billing\ntimestamp:"));
        // remembered until the Timestamp expires (plus the allowed clock skew), no longer
        assertThat(store.entries.values()).allSatisfy(expiry -> assertThat(expiry)
                .isBetween(Instant.now().plus(Duration.ofMinutes(5)), Instant.now().plus(Duration.ofMinutes(7))));
    }

    @Test
    void aFarFutureExpiresDoesNotPinAnEntryBeyondTheTimestampsFreshness() {
        RecordingStore store = new RecordingStore();
        WssGate gate = WssGate.create(twoPolicies.withReplay(new ReplayConfig.Shared(store)));
        byte[] message = TestMessages.soap11().timestamp(Duration.ofDays(365))
                .signWith(KEYS.issue("client"), KeyIdType.BST).build();

        assertThat(send(gate, "/orders/x", message)).isInstanceOf(InboundOutcome.Accepted.class);
        // Created + max-age (5m) + future-skew (60s): after that the Timestamp is stale anyway
        assertThat(store.entries.values()).singleElement().satisfies(expiry -> assertThat(expiry)
                .isBetween(Instant.now().plus(Duration.ofMinutes(5)), Instant.now().plus(Duration.ofMinutes(7))));
    }

    @Test
    void aStoreThatCannotAnswerRefusesTheMessage() {
        ReplayCache unreachable = (identifier, expiry) -> {
            throw new IllegalStateException("cluster unreachable");
        };
        WssGate gate = WssGate.create(twoPolicies.withReplay(new ReplayConfig.Shared(unreachable)));

        assertThat(send(gate, "/orders/x", signed())).isInstanceOfSatisfying(InboundOutcome.Rejected.class,
                r -> assertThat(r.code()).isEqualTo(FaultCode.INVALID_SECURITY));
    }

    @Test
    void theDefaultIsABoundedMemoryStorePerPolicy() {
        WssGate gate = WssGate.create(twoPolicies);
        byte[] message = signed();

        assertThat(gate.config().replay()).isEqualTo(new ReplayConfig.Memory(100_000));
        assertThat(send(gate, "/orders/x", message)).isInstanceOf(InboundOutcome.Accepted.class);
        assertThat(send(gate, "/billing/x", message)).isInstanceOf(InboundOutcome.Accepted.class);
        assertThat(send(gate, "/orders/x", message)).isInstanceOf(InboundOutcome.Rejected.class);
    }

    @Test
    void theMemoryBoundIsAppliedPerPolicy() {
        WssGate gate = WssGate.create(twoPolicies.withReplay(new ReplayConfig.Memory(2)));
        byte[] first = signed();
        send(gate, "/orders/x", first);
        send(gate, "/orders/x", signed());
        assertThat(send(gate, "/orders/x", first)).as("still remembered").isInstanceOf(InboundOutcome.Rejected.class);

        // full of live entries: a new message is refused rather than forgetting one (which could then be replayed)
        assertThat(send(gate, "/orders/x", signed())).isInstanceOfSatisfying(InboundOutcome.Rejected.class,
                r -> assertThat(r.code()).isEqualTo(FaultCode.INVALID_SECURITY));
        assertThat(send(gate, "/orders/x", first)).as("still remembered").isInstanceOf(InboundOutcome.Rejected.class);
        assertThat(send(gate, "/billing/x", signed())).as("the other policy has its own bound")
                .isInstanceOf(InboundOutcome.Accepted.class);
    }

    @Test
    void javaBuiltMistakesAreReportedWithTheirKeyPaths() {
        List<String> paths = new ArrayList<>();
        catchThrowableOfType(ConfigurationException.class,
                () -> WssGate.create(twoPolicies.withReplay(new ReplayConfig.Memory(0)))).problems()
                .forEach(p -> paths.add(p.keyPath() + ": " + p.message()));
        catchThrowableOfType(ConfigurationException.class, () -> WssGate.create(twoPolicies.withReplay(
                new ReplayConfig.JCache("wssgate-replay", Optional.of("com.example.NoSuchProvider"), Optional.empty(),
                        Map.of())))).problems()
                .forEach(p -> paths.add(p.keyPath() + ": " + p.message()));

        assertThat(paths).containsExactly("replay.memory.max-entries: must be at least 1",
                "replay.jcache.provider: " + paths.get(1).substring("replay.jcache.provider: ".length()));
        assertThat(paths.get(1)).contains("com.example.NoSuchProvider");
    }

    @Test
    void withoutANamedProviderTwoProvidersOnTheClassPathStopStartUp() {
        // Ehcache (brought by WSS4J) and Hazelcast are both JCache providers on this class path
        ConfigurationException e = catchThrowableOfType(ConfigurationException.class, () -> WssGate.create(
                twoPolicies.withReplay(ReplayConfig.JCache.named("wssgate-replay"))));

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.keyPath()).isEqualTo("replay.cache");
            assertThat(p.message()).contains("no single JCache provider", "replay.jcache.provider");
        });
    }

    @Test
    void aUriTheProviderCannotUseIsReportedAtReplayJcacheUri() {
        ConfigurationException e = catchThrowableOfType(ConfigurationException.class, () -> WssGate.create(
                twoPolicies.withReplay(new ReplayConfig.JCache("wssgate-replay",
                        Optional.of("com.hazelcast.cache.impl.HazelcastServerCachingProvider"),
                        Optional.of(URI.create("file:/nonexistent/hazelcast.xml")), Map.of()))));

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.keyPath()).isEqualTo("replay.jcache.uri");
            assertThat(p.message()).startsWith("cannot open the JCache cache manager: ").contains("hazelcast.xml");
        });
    }
}
