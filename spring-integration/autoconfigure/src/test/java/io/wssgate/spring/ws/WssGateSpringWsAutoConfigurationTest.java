package io.wssgate.spring.ws;

import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.WssGate;
import io.wssgate.spring.GateFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.ws.client.core.WebServiceTemplate;

class WssGateSpringWsAutoConfigurationTest {
    static WssGate gate;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(WssGateSpringWsAutoConfiguration.class));

    @BeforeAll
    static void gate(@TempDir Path dir) throws Exception {
        gate = new GateFixture(dir).gate;
    }

    @Test
    void interceptorsForTheEnginesPolicies() {
        runner.withBean(WssGate.class, () -> gate).run(context ->
                assertThat(context.getBean(WssGateSpringWs.class).interceptor("client")).hasToString(
                        "WssGateClientInterceptor[policy=client]"));
    }

    @Test
    void nothingWithoutAnEngine() {
        runner.run(context -> assertThat(context).doesNotHaveBean(WssGateSpringWs.class));
    }

    @Test
    void nothingWithoutSpringWs() {
        runner.withBean(WssGate.class, () -> gate).withClassLoader(new FilteredClassLoader(WebServiceTemplate.class))
                .run(context -> assertThat(context).doesNotHaveBean(WssGateSpringWs.class));
    }
}
