package io.wssgate.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.log.QuietLoggers;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

/** The starter's logging.level defaults for the quiet library loggers, and the engine's opt-out that removes them. */
class WssGateLoggingDefaultsTest {

    @Test
    void everyQuietLoggerDefaultsToError() {
        MockEnvironment environment = new MockEnvironment();

        new WssGateLoggingDefaults().postProcessEnvironment(environment, new SpringApplication());

        QuietLoggers.NAMES.forEach(name -> assertThat(environment.getProperty("logging.level." + name)).isEqualTo("ERROR"));
    }

    @Test
    void theOptOutLeavesTheLevelsToTheApplication() {
        MockEnvironment environment = new MockEnvironment().withProperty(QuietLoggers.OPT_OUT, "false");

        new WssGateLoggingDefaults().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getPropertySources().contains(WssGateLoggingDefaults.SOURCE)).isFalse();
        QuietLoggers.NAMES.forEach(name -> assertThat(environment.getProperty("logging.level." + name)).isNull());
    }
}
