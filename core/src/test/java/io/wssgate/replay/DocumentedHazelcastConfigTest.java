package io.wssgate.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.config.CacheSimpleConfig;
import com.hazelcast.config.Config;
import com.hazelcast.config.EvictionPolicy;
import com.hazelcast.config.InMemoryYamlConfig;
import com.hazelcast.config.MaxSizePolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The Hazelcast configuration docs/operations.md shows is valid and bounds the replay cache as it says. */
class DocumentedHazelcastConfigTest {
    private static final String MARKER = "# hazelcast.yaml of every node\n";

    @Test
    void theDocumentedExampleDefinesABoundedReplayCacheWithABackupAndNoMulticast() throws Exception {
        String readme = Files.readString(Path.of("..", "docs", "operations.md"));
        int start = readme.indexOf(MARKER);
        assertThat(start).as("documented example present").isPositive();
        String yaml = readme.substring(start + MARKER.length(), readme.indexOf("```", start));

        Config config = new InMemoryYamlConfig(yaml);

        CacheSimpleConfig cache = config.getCacheConfig("wssgate-replay");
        assertThat(cache.getEvictionConfig().getSize()).isEqualTo(1_000_000);
        assertThat(cache.getEvictionConfig().getMaxSizePolicy()).isEqualTo(MaxSizePolicy.ENTRY_COUNT);
        assertThat(cache.getEvictionConfig().getEvictionPolicy()).isEqualTo(EvictionPolicy.LRU);
        assertThat(cache.getBackupCount()).isEqualTo(1);
        assertThat(cache.getExpiryPolicyFactoryConfig()).as("no expiry shorter than a token's life").isNull();
        assertThat(config.getNetworkConfig().getJoin().getMulticastConfig().isEnabled()).isFalse();
        assertThat(config.getNetworkConfig().getJoin().getTcpIpConfig().getMembers())
                .containsExactly("10.0.0.11", "10.0.0.12");
    }
}
