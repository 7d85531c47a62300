package io.wssgate.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The load test in miniature, in every build: 20 clients for 5 seconds of mixed valid,
 * replayed and malicious traffic against the filter in a server JVM of its own, with the
 * truststore and keystore replaced meanwhile. Every decision must be the expected one.
 */
class LoadSmokeTest {

    @Test
    void mixedTrafficGetsOnlyRightDecisionsWhileKeysAreReplaced(@TempDir Path dir) throws Exception {
        LoadResult result = LoadDriver.run(new LoadDriver.Settings(20, Duration.ofSeconds(5), 200, 200,
                dir.resolve("work")));
        LoadReport.write(result, dir);
        System.out.println(LoadReport.markdown(result));

        assertThat(result.wrongExamples()).isEmpty();
        assertThat(result.errorExamples()).isEmpty();
        assertThat(result.wrongDecisions()).isZero();
        assertThat(result.unexpectedErrors()).isZero();
        assertThat(result.requestsByKind()).containsKeys("valid-x509", "valid-saml-hok", "replay", "tampered-body");
        assertThat(result.rotation()).hasSize(LoadResult.ROTATION_STEPS)
                .noneMatch(line -> line.contains("WRONG") || line.contains("failed"));
        assertThat(result.maxReplayCache()).isLessThanOrEqualTo(200);
        assertThat(result.end().replayCacheX509()).isLessThanOrEqualTo(200);
        assertThat(result.passed()).isTrue();
        assertThat(LoadReport.markdown(result)).contains("wrong decisions | 0");
    }
}
