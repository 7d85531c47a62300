package io.wssgate.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.wssgate.WssGate;
import io.wssgate.config.HeaderLayout;
import io.wssgate.config.SecurityHeaderPolicy;
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
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** {@code wssgate.policies.<name>.security-header.*} as properties, environment variables and broken values. */
class SecurityHeaderPropertiesTest {
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
    void withoutPropertiesThePolicyHasTheDefaults() {
        runner.withPropertyValues(partner()).run(context -> assertThat(context.getBean(WssGate.class)
                .policy("partner").orElseThrow().config().securityHeader()).isEqualTo(SecurityHeaderPolicy.defaults()));
    }

    @Test
    void everyKeyBindsFromProperties() {
        runner.withPropertyValues(partner())
                .withPropertyValues("wssgate.policies.partner.security-header.actor=urn:wssgate:gateway",
                        "wssgate.policies.partner.security-header.accept-next=false",
                        "wssgate.policies.partner.security-header.layout=lax-timestamp-last")
                .run(context -> assertThat(context.getBean(WssGate.class).policy("partner").orElseThrow().config()
                        .securityHeader()).isEqualTo(new SecurityHeaderPolicy(Optional.of("urn:wssgate:gateway"), false,
                        HeaderLayout.LAX_TIMESTAMP_LAST)));
    }

    @Test
    void everyKeyBindsFromEnvironmentVariables() {
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("WSSGATE_POLICIES_PARTNER_SECURITYHEADER_ACCEPTNEXT", "false");
        env.put("WSSGATE_POLICIES_PARTNER_SECURITYHEADER_LAYOUT", "strict");
        env.put("WSSGATE_POLICIES_PARTNER_SECURITYHEADER_ACTOR", "http://gateway.example/wss");
        runner.withPropertyValues(partner())
                .withInitializer(ctx -> ctx.getEnvironment().getPropertySources().addFirst(new SystemEnvironmentPropertySource(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, env)))
                .run(context -> assertThat(context.getBean(WssGate.class).policy("partner").orElseThrow().config()
                        .securityHeader()).isEqualTo(new SecurityHeaderPolicy(Optional.of("http://gateway.example/wss"),
                        false, HeaderLayout.STRICT)));
    }

    @Test
    void brokenValuesFailStartupNamingTheirProperty() {
        Map<String, Object> properties = new LinkedHashMap<>(Fixtures.partnerPolicy());
        properties.put("wssgate.policies.partner.security-header.layout", "LaxTsFirst");
        properties.put("wssgate.policies.partner.security-header.actor", "gateway");
        properties.put("wssgate.policies.partner.security-header.accept-next", "sometimes");

        Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(App.class)
                .web(WebApplicationType.NONE).properties(properties).run().close());

        FailureAnalysis analysis = new WssGateConfigurationFailureAnalyzer().analyze(failure);
        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).contains("(3 problems)")
                .contains("Property: wssgate.policies.partner.security-header.layout")
                .contains("unknown layout 'LaxTsFirst' (use lax, strict, lax-timestamp-first or lax-timestamp-last)")
                .contains("Property: wssgate.policies.partner.security-header.actor")
                .contains("actor must be an absolute URI, got 'gateway'")
                .contains("Property: wssgate.policies.partner.security-header.accept-next");
    }
}
