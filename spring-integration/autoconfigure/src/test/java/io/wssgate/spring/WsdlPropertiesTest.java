package io.wssgate.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.wssgate.WssGate;
import io.wssgate.config.WsdlPolicy;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

/** {@code wssgate.policies.<name>.wsdl.*} as Spring Boot properties, and broken values. */
class WsdlPropertiesTest {
    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(WssGateAutoConfiguration.class));

    private static String[] partner() {
        return Fixtures.partnerPolicy().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
    }

    @Test
    void withoutPropertiesNothingIsPublishedOrChecked() {
        runner.withPropertyValues(partner()).run(context -> assertThat(context.getBean(WssGate.class)
                .policy("partner").orElseThrow().config().wsdl()).isEqualTo(WsdlPolicy.defaults()));
    }

    @Test
    void everyKeyBindsFromProperties() {
        runner.withPropertyValues(partner())
                .withPropertyValues("wssgate.policies.partner.wsdl.publish-policy=true",
                        "wssgate.policies.partner.wsdl.location=classpath:wsdl/none-needed-when-warn.wsdl",
                        "wssgate.policies.partner.wsdl.policy-mismatch=warn")
                .run(context -> assertThat(context).hasFailed());
        runner.withPropertyValues(partner())
                .withPropertyValues("wssgate.policies.partner.wsdl.publish-policy=true",
                        "wssgate.policies.partner.wsdl.policy-mismatch=fail")
                .run(context -> assertThat(context.getBean(WssGate.class).policy("partner").orElseThrow().config()
                        .wsdl()).isEqualTo(new WsdlPolicy(true, Optional.empty(), WsdlPolicy.Mismatch.FAIL)));
    }

    @Test
    void brokenValuesFailStartupNamingTheirProperty() {
        Map<String, Object> properties = new LinkedHashMap<>(Fixtures.partnerPolicy());
        properties.put("wssgate.policies.partner.wsdl.publish-policy", "sometimes");
        properties.put("wssgate.policies.partner.wsdl.policy-mismatch", "loud");

        Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(App.class)
                .web(WebApplicationType.NONE).properties(properties).run().close());

        FailureAnalysis analysis = new WssGateConfigurationFailureAnalyzer().analyze(failure);
        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).contains("Property: wssgate.policies.partner.wsdl.publish-policy")
                .contains("Property: wssgate.policies.partner.wsdl.policy-mismatch")
                .contains("unknown policy-mismatch 'loud' (use warn or fail)");
    }
}
