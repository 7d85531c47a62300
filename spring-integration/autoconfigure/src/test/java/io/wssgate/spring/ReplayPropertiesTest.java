package io.wssgate.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.fault.FaultCode;
import io.wssgate.PolicyRuntime;
import io.wssgate.WssGate;
import io.wssgate.config.ReplayConfig;
import io.wssgate.InboundOutcome;
import io.wssgate.spi.ReplayCache;
import io.wssgate.spring.properties.ReplayProperties;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * {@code wssgate.replay.*} selects the replay store exactly as the root {@code replay} keys of
 * the YAML file do (same names, defaults and errors), and an application's {@link ReplayCache}
 * bean is the store, but never together with the properties.
 */
class ReplayPropertiesTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(WssGateAutoConfiguration.class))
            .withPropertyValues(Fixtures.partnerPolicy().entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).toArray(String[]::new));

    @Test
    void withoutPropertiesEachPolicyHasTheDefaultInMemoryStore() {
        runner.run(context -> assertThat(context.getBean(WssGate.class).config().replay())
                .isEqualTo(new ReplayConfig.Memory(ReplayConfig.DEFAULT_MAX_ENTRIES)));
    }

    @Test
    void memoryMaxEntriesBoundsThePolicysStoreAndAFullStoreRefusesNewMessages() {
        runner.withPropertyValues("wssgate.replay.cache=memory", "wssgate.replay.memory.max-entries=1").run(context -> {
            PolicyRuntime partner = context.getBean(WssGate.class).policy("partner").orElseThrow();
            assertThat(partner.validate(Fixtures.samlRequest("clerk"), Fixtures.SOAP11))
                    .isInstanceOf(InboundOutcome.Accepted.class);

            InboundOutcome second = partner.validate(Fixtures.samlRequest("clerk"), Fixtures.SOAP11);

            assertThat(second).isInstanceOfSatisfying(InboundOutcome.Rejected.class,
                    r -> assertThat(r.code()).isEqualTo(FaultCode.INVALID_SECURITY));
            assertThat(partner.replayCacheSize()).hasValue(1);
        });
    }

    @Test
    void environmentVariablesBindThroughRelaxedNames() {
        Map<String, Object> env = Map.of("WSSGATE_REPLAY_MEMORY_MAXENTRIES", "7");
        runner.withInitializer(ctx -> ctx.getEnvironment().getPropertySources().addFirst(
                        new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, env)))
                .run(context -> assertThat(context.getBean(WssGate.class).config().replay())
                        .isEqualTo(new ReplayConfig.Memory(7)));
    }

    @Test
    void providerPropertiesKeepTheirDottedNames() {
        assertThat(coreKey("wssgate.replay.jcache.properties.hazelcast.instance.name"))
                .isEqualTo("replay.jcache.properties.hazelcast.instance.name");
        assertThat(coreKey("wssgate.replay.jcache.properties[hazelcast.instance.name]"))
                .isEqualTo("replay.jcache.properties.hazelcast.instance.name");
        assertThat(coreKey("wssgate.replay.jcache.cachename")).isEqualTo("replay.jcache.cache-name");
    }

    @Test
    void badReplayPropertiesFailStartupNamedByProperty() {
        runner.withPropertyValues("wssgate.replay.memory.max-entries=0", "wssgate.replay.memory.size=5",
                "wssgate.replay.cache=redis").run(context -> {
            FailureAnalysis analysis = new WssGateConfigurationFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis).isNotNull();
            assertThat(analysis.getDescription())
                    .contains("Property: wssgate.replay.memory.max-entries\n    Problem:  must be greater than 0, was 0")
                    .contains("Property: wssgate.replay.memory.size\n    Problem:  unknown key")
                    .contains("Property: wssgate.replay.cache\n    Problem:  unknown replay cache 'redis' (memory or jcache)");
        });
    }

    @Test
    void anApplicationReplayCacheBeanIsTheStoreOfEveryPolicy() {
        RecordingReplayCache bean = new RecordingReplayCache();
        runner.withBean(ReplayCache.class, () -> bean).run(context -> {
            WssGate gate = context.getBean(WssGate.class);
            assertThat(gate.config().replay()).isEqualTo(new ReplayConfig.Shared(bean));
            assertThat(gate.policy("partner").orElseThrow().replayCacheSize()).isEmpty();
        });
    }

    @Test
    void aReplayCacheBeanTogetherWithReplayPropertiesFailsStartup() {
        runner.withBean(ReplayCache.class, RecordingReplayCache::new)
                .withPropertyValues("wssgate.replay.memory.max-entries=50").run(context -> {
                    assertThat(context).hasFailed();
                    FailureAnalysis analysis = new WssGateConfigurationFailureAnalyzer()
                            .analyze(context.getStartupFailure());
                    assertThat(analysis.getDescription()).contains("(1 problem)")
                            .contains("Property: wssgate.replay\n    Problem:  the application defines a ReplayCache bean ("
                                    + RecordingReplayCache.class.getName() + "), which is the replay store");
                });
    }

    @Test
    void typedDefaultsAreTheCoresDefaults() {
        ReplayProperties properties = new ReplayProperties();
        assertThat(properties.getCache()).isEqualTo("memory");
        assertThat(properties.getMemory().getMaxEntries()).isEqualTo(ReplayConfig.DEFAULT_MAX_ENTRIES);
        assertThat(properties.getJcache().getCacheName()).isEqualTo(ReplayConfig.DEFAULT_CACHE_NAME);
    }

    private static String coreKey(String springName) {
        return CoreKeyNames.of(ConfigurationPropertyName.of(springName)).path();
    }

    /** A shared store as an application might supply one; remembers what it was asked to record. */
    static final class RecordingReplayCache implements ReplayCache {
        private final Map<String, Instant> recorded = new LinkedHashMap<>();

        @Override
        public synchronized boolean addIfAbsent(String identifier, Instant expiry) {
            return recorded.putIfAbsent(identifier, expiry) == null;
        }

        synchronized int size() {
            return recorded.size();
        }

        synchronized java.util.List<String> identifiers() {
            return java.util.List.copyOf(recorded.keySet());
        }
    }
}
