package io.wssgate.examples.jaxws;

import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.examples.keys.ExampleKeys;
import io.wssgate.testing.ChildJvm;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mvn -Prun -pl examples/jaxws -am verify} runs {@link JaxwsExample#main} (exec:java, the
 * example's System.exit status reported as Maven's): with an invalid configuration it must end by
 * itself, promptly, with a non-zero status and the problem under its key path, not leave an
 * endpoint answering faults. Here the same main class with the same argument runs in a JVM of
 * its own, a trust anchor pointing at a missing file, and is killed if it outlives the limit.
 */
class RunProfileFailsFastTest {

    @Test
    void aMissingTrustAnchorEndsTheRunWithTheKeyPathAndANonZeroStatus(@TempDir Path dir) throws Exception {
        Path keys = ExampleKeys.ensure(Path.of(ExampleKeys.DEFAULT_KEYS_DIR).toAbsolutePath()).directory();
        Path missing = dir.resolve("no-such-ca.pem");

        ChildJvm.Exit exit = ChildJvm.runBounded(JaxwsExample.class, List.of("-DWSSGATE_EXAMPLE_TRUST_CA=" + missing),
                Duration.ofSeconds(120), keys.toString());

        assertThat(exit.timedOut()).as("ended by itself:\n%s", exit.output()).isFalse();
        assertThat(exit.code()).as(exit.output()).isNotZero();
        assertThat(exit.output()).contains("policies.whoami.trust.certificates").contains(missing.toString());
    }
}
