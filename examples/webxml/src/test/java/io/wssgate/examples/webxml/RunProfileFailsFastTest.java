package io.wssgate.examples.webxml;

import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.examples.keys.ExampleKeys;
import io.wssgate.testing.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mvn -Prun -pl examples/webxml -am verify} runs the WAR with jetty-ee10-maven-plugin's
 * {@code run-war}: with an invalid configuration the filter refuses to start, and the run must end
 * with the problems listed and Maven exiting non-zero, not serve 503 forever. Jetty only fails the
 * start for an unavailable filter with the profile's {@code throwUnavailableOnStartupException},
 * so the test reads that setting from this module's pom.xml and runs the example's web
 * application with it in a JVM of its own (RunWarMain), a trust anchor pointing at a missing
 * file, killed if it outlives the limit.
 */
class RunProfileFailsFastTest {

    @Test
    void aMissingTrustAnchorEndsTheRunWithTheKeyPathAndANonZeroStatus(@TempDir Path dir) throws Exception {
        Path keys = ExampleKeys.ensure(ExampleKeys.configuredDirectory()).directory().toAbsolutePath();
        Path missing = dir.resolve("no-such-ca.pem");

        ChildJvm.Exit exit = ChildJvm.runBounded(RunWarMain.class, List.of(
                "-D" + ExampleKeys.KEYS_DIR_VARIABLE + "=" + keys, "-DWSSGATE_EXAMPLE_TRUST_CA=" + missing),
                Duration.ofSeconds(120), runProfileThrowsUnavailable(), Path.of("src/main/webapp").toAbsolutePath().toString());

        assertThat(exit.timedOut()).as("ended by itself:\n%s", exit.output()).isFalse();
        assertThat(exit.code()).as(exit.output()).isNotZero();
        assertThat(exit.output()).contains("policies.example.trust.certificates").contains(missing.toString());
    }

    /** The run profile's throwUnavailableOnStartupException, as the plugin gets it. */
    private static String runProfileThrowsUnavailable() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"));
        String profile = pom.substring(pom.indexOf("<id>run</id>"));
        Matcher setting = Pattern.compile("<throwUnavailableOnStartupException>(\\w+)</throwUnavailableOnStartupException>")
                .matcher(profile);
        return setting.find() ? setting.group(1) : "false";
    }
}
