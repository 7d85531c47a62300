package io.wssgate.spring.ws;

import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.WssGate;
import io.wssgate.spring.GateFixture;
import io.wssgate.spring.WssGateServletAutoConfiguration;
import io.wssgate.spring.properties.WssGateProperties;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.ws.soap.server.SoapEndpointInterceptor;

/** The header interceptor exists exactly when the WSS Gate filter guards a Spring-WS server. */
class WssGateSpringWsServerAutoConfigurationTest {
    static WssGate gate;

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(WssGateServletAutoConfiguration.class,
                    WssGateSpringWsServerAutoConfiguration.class))
            .withBean(WssGateProperties.class, WssGateProperties::new);

    @BeforeAll
    static void gate(@TempDir Path dir) throws Exception {
        gate = new GateFixture(dir).gate;
    }

    @Test
    void registeredWithTheFilter() {
        runner.withBean(WssGate.class, () -> gate).run(context ->
                assertThat(context).hasSingleBean(WssGateSecurityHeaderInterceptor.class));
    }

    @Test
    void notWithoutTheFilter() {
        runner.withBean(WssGate.class, () -> gate).withPropertyValues("wssgate.filter.enabled=false").run(context ->
                assertThat(context).doesNotHaveBean(WssGateSecurityHeaderInterceptor.class));
    }

    @Test
    void notWhenTurnedOff() {
        runner.withBean(WssGate.class, () -> gate)
                .withPropertyValues("wssgate.spring-ws.understand-security-header=false").run(context ->
                        assertThat(context).doesNotHaveBean(WssGateSecurityHeaderInterceptor.class));
    }

    @Test
    void notWithoutSpringWs() {
        runner.withBean(WssGate.class, () -> gate).withClassLoader(new FilteredClassLoader(SoapEndpointInterceptor.class))
                .run(context -> assertThat(context).doesNotHaveBean(WssGateSecurityHeaderInterceptor.class));
    }

    @Test
    void notOutsideAServletApplication() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(WssGateSpringWsServerAutoConfiguration.class))
                .withBean(WssGate.class, () -> gate)
                .run(context -> assertThat(context).doesNotHaveBean(WssGateSecurityHeaderInterceptor.class));
    }
}
