package io.wssgate.config.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.wssgate.config.ConfigProblem;
import io.wssgate.config.ConfigurationException;
import io.wssgate.config.ReplayConfig;
import io.wssgate.config.WssGateConfig;
import java.io.StringReader;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The {@code replay} section: defaults, YAML and flat keys alike, and every mistake at its key path. */
class ReplayConfigLoadingTest {
    private static final VariableResolver VARS = name -> Optional.empty();
    private static final String POLICY = "policies:\n  p:\n    paths: [/s/*]\n    trust: {certificates: [ca.pem]}\n";

    @TempDir
    Path dir;

    private WssGateConfig yaml(String yaml) {
        return ConfigLoader.fromYaml(new StringReader(yaml), dir, VARS);
    }

    @Test
    void withoutAReplaySectionEachPolicyKeepsItsOwnBoundedMemoryStore() {
        assertThat(yaml(POLICY).replay()).isEqualTo(new ReplayConfig.Memory(100_000));
    }

    @Test
    void theMemoryBoundIsConfigurable() {
        assertThat(yaml(POLICY + "replay:\n  cache: memory\n  memory:\n    max-entries: 500\n").replay())
                .isEqualTo(new ReplayConfig.Memory(500));
    }

    @Test
    void aJCacheStoreFromYamlAndFromFlatKeysIsTheSame() {
        WssGateConfig fromYaml = yaml(POLICY + """
                replay:
                  cache: jcache
                  jcache:
                    cache-name: replay-prod
                    provider: com.hazelcast.cache.HazelcastCachingProvider
                    uri: classpath:hazelcast.xml
                    properties:
                      hazelcast.instance.name: node-1
                """);
        Map<String, String> flat = new LinkedHashMap<>();
        flat.put("policies.p.paths", "/s/*");
        flat.put("policies.p.trust.certificates", "ca.pem");
        flat.put("replay.cache", "jcache");
        flat.put("replay.jcache.cache-name", "replay-prod");
        flat.put("replay.jcache.provider", "com.hazelcast.cache.HazelcastCachingProvider");
        flat.put("replay.jcache.uri", "classpath:hazelcast.xml");
        flat.put("replay.jcache.properties.hazelcast.instance.name", "node-1");
        WssGateConfig fromFlat = ConfigLoader.fromProperties(flat, dir, VARS);

        ReplayConfig expected = new ReplayConfig.JCache("replay-prod",
                Optional.of("com.hazelcast.cache.HazelcastCachingProvider"), Optional.of(URI.create("classpath:hazelcast.xml")),
                Map.of("hazelcast.instance.name", "node-1"));
        assertThat(fromYaml.replay()).isEqualTo(expected);
        assertThat(fromFlat.replay()).isEqualTo(expected);
    }

    @Test
    void aJCacheStoreDefaultsToTheCacheNamedWssgateReplay() {
        assertThat(yaml(POLICY + "replay:\n  cache: jcache\n").replay())
                .isEqualTo(ReplayConfig.JCache.named("wssgate-replay"));
    }

    static Stream<Arguments> problems() {
        return Stream.of(
                arguments("replay: memory", "replay", "expected a map of keys, found a single value"),
                arguments("replay:\n  cache: redis", "replay.cache", "unknown replay cache 'redis' (memory or jcache)"),
                arguments("replay:\n  store: memory", "replay.store", "unknown key"),
                arguments("replay:\n  memory:\n    max-entries: 0", "replay.memory.max-entries", "must be greater than 0"),
                arguments("replay:\n  memory:\n    max-entries: lots", "replay.memory.max-entries", "lots"),
                arguments("replay:\n  memory:\n    size: 5", "replay.memory.size", "unknown key"),
                arguments("replay:\n  memory:\n    max-entires: 5", "replay.memory.max-entires",
                        "unknown key; did you mean max-entries?"),
                arguments("replay:\n  jcache:\n    cache-name: c", "replay.jcache",
                        "only used with replay.cache: jcache"),
                arguments("replay:\n  cache: jcache\n  memory:\n    max-entries: 5", "replay.memory",
                        "only used with replay.cache: memory"),
                arguments("replay:\n  cache: jcache\n  jcache:\n    name: c", "replay.jcache.name", "unknown key"),
                arguments("replay:\n  cache: jcache\n  jcache:\n    cache-name: ''", "replay.jcache.cache-name",
                        "must not be empty"),
                arguments("replay:\n  cache: jcache\n  jcache:\n    uri: 'a b'", "replay.jcache.uri", "invalid URI"),
                arguments("replay:\n  cache: jcache\n  jcache:\n    properties: [a]", "replay.jcache.properties",
                        "expected a map of keys"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("problems")
    void eachMistakeIsReportedAtItsKeyPath(String replayYaml, String keyPath, String message) {
        List<ConfigProblem> problems = catchThrowableOfType(ConfigurationException.class,
                () -> yaml(POLICY + replayYaml + "\n")).problems();

        assertThat(problems).anySatisfy(p -> {
            assertThat(p.keyPath()).isEqualTo(keyPath);
            assertThat(p.message()).contains(message);
        });
    }
}
