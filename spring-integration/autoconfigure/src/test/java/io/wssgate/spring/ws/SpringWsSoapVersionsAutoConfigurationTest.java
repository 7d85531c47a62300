package io.wssgate.spring.ws;

import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.WssGate;
import io.wssgate.filter.ApplicationSoapVersions;
import io.wssgate.spring.GateFixture;
import io.wssgate.spring.WssGateServletAutoConfiguration;
import io.wssgate.spring.properties.WssGateProperties;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.ws.transport.http.MessageDispatcherServlet;

/** The filter learns the Spring-WS servlets' SOAP versions, unless the application says otherwise. */
class SpringWsSoapVersionsAutoConfigurationTest {
    static WssGate gate;

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(WssGateServletAutoConfiguration.class))
            .withBean(WssGateProperties.class, WssGateProperties::new);

    @BeforeAll
    static void gate(@TempDir Path dir) throws Exception {
        gate = new GateFixture(dir).gate;
    }

    @Test
    void readFromSpringWs() {
        runner.withBean(WssGate.class, () -> gate).run(context ->
                assertThat(context).getBean(ApplicationSoapVersions.class).isInstanceOf(SpringWsSoapVersions.class));
    }

    @Test
    void theApplicationsOwnWins() {
        ApplicationSoapVersions own = ApplicationSoapVersions.unknown();
        runner.withBean(WssGate.class, () -> gate).withBean(ApplicationSoapVersions.class, () -> own).run(context ->
                assertThat(context).getBean(ApplicationSoapVersions.class).isSameAs(own));
    }

    @Test
    void notWithoutSpringWs() {
        runner.withBean(WssGate.class, () -> gate).withClassLoader(new FilteredClassLoader(MessageDispatcherServlet.class))
                .run(context -> assertThat(context).doesNotHaveBean(ApplicationSoapVersions.class)
                        .hasBean("wssGateFilterRegistration"));
    }
}
