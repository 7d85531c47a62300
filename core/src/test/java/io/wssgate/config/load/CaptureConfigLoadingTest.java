package io.wssgate.config.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.wssgate.config.CaptureConfig;
import io.wssgate.config.ConfigProblem;
import io.wssgate.config.ConfigurationException;
import io.wssgate.config.WssGateConfig;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code diagnostics.capture-rejected}: off by default, YAML, flat keys and the builder alike, mistakes at their key path. */
class CaptureConfigLoadingTest {
    private static final VariableResolver VARS = name -> Optional.empty();
    private static final String POLICY = "policies:\n  p:\n    paths: [/s/*]\n    trust: {certificates: [ca.pem]}\n";

    @TempDir
    Path dir;

    private WssGateConfig yaml(String yaml) {
        return ConfigLoader.fromYaml(new StringReader(yaml), dir, VARS);
    }

    private Map<String, String> flat(String... keyValues) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("policies.p.paths", "/s/*");
        out.put("policies.p.trust.certificates", "ca.pem");
        for (int i = 0; i < keyValues.length; i += 2) {
            out.put(keyValues[i], keyValues[i + 1]);
        }
        return out;
    }

    @Test
    void nothingIsCapturedUnlessConfigured() {
        assertThat(yaml(POLICY).captureRejected()).isEmpty();
    }

    @Test
    void aDirectoryTurnsCaptureOnWithBoundsAndRedactionByDefault() {
        assertThat(yaml(POLICY + "diagnostics:\n  capture-rejected:\n    directory: rejected\n").captureRejected())
                .contains(CaptureConfig.in(dir.resolve("rejected")));
        assertThat(CaptureConfig.in(dir).maxFiles()).isEqualTo(100);
        assertThat(CaptureConfig.in(dir).maxAge()).isEqualTo(Duration.ofDays(7));
        assertThat(CaptureConfig.in(dir).redactBody()).isTrue();
    }

    @Test
    void yamlFlatKeysAndTheBuilderGiveTheSameCapture() {
        WssGateConfig fromYaml = yaml(POLICY + """
                diagnostics:
                  capture-rejected:
                    directory: /var/lib/wssgate/rejected
                    max-files: 20
                    max-age: 2d
                    redact-body: false
                """);
        WssGateConfig fromFlat = ConfigLoader.fromProperties(flat(
                "diagnostics.capture-rejected.directory", "/var/lib/wssgate/rejected",
                "diagnostics.capture-rejected.max-files", "20",
                "diagnostics.capture-rejected.max-age", "2d",
                "diagnostics.capture-rejected.redact-body", "false"), dir, VARS);
        CaptureConfig built = CaptureConfig.in(Path.of("/var/lib/wssgate/rejected")).withMaxFiles(20)
                .withMaxAge(Duration.ofDays(2)).withRedactBody(false);

        assertThat(fromYaml.captureRejected()).contains(built);
        assertThat(fromFlat.captureRejected()).contains(built);
        assertThat(yaml(POLICY).withCaptureRejected(Optional.of(built)).captureRejected()).contains(built);
    }

    @Test
    void everyMistakeIsReportedAtItsKeyPath() {
        ConfigurationException e = catchThrowableOfType(ConfigurationException.class, () -> yaml(POLICY + """
                diagnostics:
                  capture-rejected:
                    max-files: 0
                    max-age: 0s
                    redact-body: maybe
                    keep: forever
                """));

        assertThat(e.problems()).extracting(ConfigProblem::keyPath).containsExactlyInAnyOrder(
                "diagnostics.capture-rejected.directory", "diagnostics.capture-rejected.max-files",
                "diagnostics.capture-rejected.max-age", "diagnostics.capture-rejected.redact-body",
                "diagnostics.capture-rejected.keep");
        assertThat(e.getMessage()).contains("diagnostics.capture-rejected.directory: required");
    }

    @Test
    void aDiagnosticsSectionOfTheWrongShapeIsRefused() {
        ConfigurationException e = catchThrowableOfType(ConfigurationException.class,
                () -> yaml(POLICY + "diagnostics: on\n"));

        assertThat(e.problems()).extracting(ConfigProblem::keyPath).containsExactly("diagnostics");
    }
}
