package io.wssgate.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.InboundOutcome;
import io.wssgate.WssGate;
import io.wssgate.config.CaptureConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** {@code wssgate.diagnostics.capture-rejected.*} turns capture on exactly as the YAML keys do. */
class CapturePropertiesTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(WssGateAutoConfiguration.class))
            .withPropertyValues(Fixtures.partnerPolicy().entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).toArray(String[]::new));

    @TempDir
    Path dir;

    @Test
    void offWithoutProperties() {
        runner.run(context -> assertThat(context.getBean(WssGate.class).config().captureRejected()).isEmpty());
    }

    @Test
    void propertiesCaptureEveryRefusedRequest() {
        Path captures = dir.resolve("rejected");
        runner.withPropertyValues("wssgate.diagnostics.capture-rejected.directory=" + captures,
                "wssgate.diagnostics.capture-rejected.max-files=5",
                "wssgate.diagnostics.capture-rejected.max-age=1h",
                "wssgate.diagnostics.capture-rejected.redact-body=false").run(context -> {
            WssGate gate = context.getBean(WssGate.class);
            assertThat(gate.config().captureRejected()).contains(CaptureConfig.in(captures).withMaxFiles(5)
                    .withMaxAge(Duration.ofHours(1)).withRedactBody(false));

            InboundOutcome refused = gate.policy("partner").orElseThrow()
                    .validate("<not-soap/>".getBytes(), Fixtures.SOAP11);

            String id = ((InboundOutcome.Rejected) refused).correlationId();
            assertThat(captures.resolve(id + ".properties")).exists();
            assertThat(Files.readString(captures.resolve(id + ".xml"))).isEqualTo("<not-soap/>");
        });
    }

    @Test
    void environmentVariablesBindThroughRelaxedNames() {
        Map<String, Object> env = Map.of("WSSGATE_DIAGNOSTICS_CAPTUREREJECTED_DIRECTORY", dir.resolve("env").toString(),
                "WSSGATE_DIAGNOSTICS_CAPTUREREJECTED_MAXFILES", "3");
        runner.withInitializer(ctx -> ctx.getEnvironment().getPropertySources().addFirst(
                        new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, env)))
                .run(context -> assertThat(context.getBean(WssGate.class).config().captureRejected())
                        .contains(CaptureConfig.in(dir.resolve("env")).withMaxFiles(3)));
    }

    @Test
    void badValuesFailStartupNamedByProperty() {
        runner.withPropertyValues("wssgate.diagnostics.capture-rejected.max-files=0").run(context -> {
            FailureAnalysis analysis = new WssGateConfigurationFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis).isNotNull();
            assertThat(analysis.getDescription())
                    .contains("Property: wssgate.diagnostics.capture-rejected.max-files")
                    .contains("Property: wssgate.diagnostics.capture-rejected.directory");
        });
    }
}
