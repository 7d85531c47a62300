package io.wssgate.examples.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.examples.keys.ExampleKeys;
import io.wssgate.testing.ChildJvm;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mvn -Prun -pl examples/spring-boot -am verify} runs {@link WhoAmIApplication#main} in a
 * JVM of its own (spring-boot:run, working directory the module, the demo caller on), and Maven
 * fails when that JVM exits non-zero. With an invalid configuration it must do so by itself,
 * promptly, naming the key: here that JVM is started the same way with a trust anchor pointing
 * at a missing file, and killed if it outlives the limit.
 */
class RunProfileFailsFastTest {

    @Test
    void aMissingTrustAnchorEndsTheRunWithTheKeyPathAndANonZeroStatus(@TempDir Path dir) throws Exception {
        Path keys = ExampleKeys.ensure(Path.of(ExampleKeys.DEFAULT_KEYS_DIR).toAbsolutePath()).directory();
        Path missing = dir.resolve("no-such-ca.pem");

        ChildJvm.Exit exit = ChildJvm.runBounded(WhoAmIApplication.class, List.of(
                "-Dexample.demo-caller.enabled=true", "-Dserver.port=0",
                "-D" + ExampleKeys.KEYS_DIR_VARIABLE + "=" + keys, "-DWSSGATE_EXAMPLE_TRUST_CA=" + missing),
                Duration.ofSeconds(120));

        assertThat(exit.timedOut()).as("ended by itself:\n%s", exit.output()).isFalse();
        assertThat(exit.code()).as(exit.output()).isNotZero();
        assertThat(exit.output()).contains("wssgate.policies.whoami.trust.certificates").contains(missing.toString());
    }
}
