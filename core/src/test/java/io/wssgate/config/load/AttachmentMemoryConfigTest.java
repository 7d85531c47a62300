package io.wssgate.config.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.wssgate.config.AttachmentPolicy;
import io.wssgate.config.ConfigProblem;
import io.wssgate.config.ConfigurationException;
import io.wssgate.config.WssGateConfig;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code attachments.memory-budget}: 16 MiB by default, a size or 0, a mistake named at its key path. */
class AttachmentMemoryConfigTest {
    private static final String POLICY = "policies:\n  p:\n    paths: [/s/*]\n    trust: {certificates: [ca.pem]}\n"
            + "    attachments:\n      enabled: true\n";

    @TempDir
    Path dir;

    private AttachmentPolicy attachments(String extra) {
        WssGateConfig config = ConfigLoader.fromYaml(new StringReader(POLICY + extra), dir, name -> Optional.empty());
        return config.policies().get(0).attachments();
    }

    @Test
    void sixteenMebibytesByDefault() {
        assertThat(attachments("").memoryBudget()).isEqualTo(16L * 1024 * 1024);
        assertThat(AttachmentPolicy.allowed().memoryBudget()).isEqualTo(AttachmentPolicy.DEFAULT_MEMORY_BUDGET);
    }

    @Test
    void aSizeOrZero() {
        assertThat(attachments("      memory-budget: 64MiB\n").memoryBudget()).isEqualTo(64L * 1024 * 1024);
        assertThat(attachments("      memory-budget: 0\n").memoryBudget()).isZero();
    }

    @Test
    void anythingElseIsAProblemAtItsKeyPath() {
        for (String value : new String[] {"-1", "lots", "1.5GB"}) {
            ConfigurationException e = catchThrowableOfType(ConfigurationException.class,
                    () -> attachments("      memory-budget: " + value + "\n"));
            assertThat(e).as(value).isNotNull();
            assertThat(e.problems()).extracting(ConfigProblem::keyPath)
                    .containsExactly("policies.p.attachments.memory-budget");
        }
    }
}
