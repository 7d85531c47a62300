package io.wssgate.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.WssGate;
import io.wssgate.config.load.ConfigLoader;
import io.wssgate.config.load.VariableResolver;
import io.wssgate.filter.WssGateFilter;
import io.wssgate.jaxws.WssGateHandler;
import io.wssgate.spring.properties.FilterOrder;
import io.wssgate.spring.properties.WssGateProperties;
import jakarta.xml.ws.Dispatch;
import jakarta.xml.ws.Service;
import jakarta.xml.ws.soap.SOAPBinding;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.namespace.QName;
import javax.xml.transform.Source;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** Conditions, back-off, ordering and the client beans, without starting a server. */
class WssGateAutoConfigurationTest {
    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(WssGateAutoConfiguration.class, WssGateClientAutoConfiguration.class,
                    WssGateServletAutoConfiguration.class, WssGateSecurityAutoConfiguration.class));

    private static String[] partner() {
        return Fixtures.partnerPolicy().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
    }

    @Test
    void filterCoversEveryPolicyPathAndRunsBeforeSpringSecurityWithTheBridgeRightAfterIt() {
        runner.withPropertyValues(partner()).run(context -> {
            FilterRegistrationBean<?> gate = context.getBean("wssGateFilterRegistration", FilterRegistrationBean.class);
            FilterRegistrationBean<?> bridge = context.getBean("wssGateSecurityFilterRegistration",
                    FilterRegistrationBean.class);
            assertThat(gate.getFilter()).isInstanceOf(WssGateFilter.class);
            assertThat(gate.getUrlPatterns()).containsExactly("/services/*", "/admin/*");
            assertThat(gate.getOrder()).isEqualTo(FilterOrder.DEFAULT).isLessThan(SecurityFilterProperties.DEFAULT_FILTER_ORDER);
            assertThat(bridge.getOrder()).isEqualTo(gate.getOrder() + 1).isLessThan(SecurityFilterProperties.DEFAULT_FILTER_ORDER);
            assertThat(bridge.getUrlPatterns()).isEqualTo(gate.getUrlPatterns());
        });
    }

    @Test
    void filterOrderIsAProperty() {
        runner.withPropertyValues(partner()).withPropertyValues("wssgate.filter.order=5").run(context -> {
            assertThat(context.getBean("wssGateFilterRegistration", FilterRegistrationBean.class).getOrder()).isEqualTo(5);
            assertThat(context.getBean("wssGateSecurityFilterRegistration", FilterRegistrationBean.class).getOrder())
                    .isEqualTo(6);
        });
    }

    @Test
    void theKeyFileWatcherRunsWithTheContextAndItsIntervalIsAProperty() {
        io.wssgate.WssGate[] gate = new io.wssgate.WssGate[1];
        runner.withPropertyValues(partner()).run(context -> {
            gate[0] = context.getBean(io.wssgate.WssGate.class);
            assertThat(gate[0].config().keyReloadInterval()).isEqualTo(java.time.Duration.ofSeconds(30));
            assertThat(gate[0].watchesKeyFiles()).isTrue();
        });
        assertThat(gate[0].watchesKeyFiles()).as("stopped when the context closed").isFalse();
        runner.withPropertyValues(partner()).withPropertyValues("wssgate.keys.reload-interval=off").run(context ->
                assertThat(context.getBean(io.wssgate.WssGate.class).watchesKeyFiles()).isFalse());
    }

    @Test
    void metadataDefaultOfTheOrderIsTheConstant() {
        assertThat(new WssGateProperties().getFilter().getOrder()).isEqualTo(FilterOrder.DEFAULT);
    }

    @Test
    void applicationDefinedGateIsUsedInstead() {
        runner.withUserConfiguration(OwnGate.class).run(context -> {
            assertThat(context).hasSingleBean(WssGate.class);
            assertThat(context.getBean(WssGate.class).policy("own")).isPresent();
            assertThat(context.getBean("wssGateFilterRegistration", FilterRegistrationBean.class).getUrlPatterns())
                    .containsExactly("/own/*");
        });
    }

    @Test
    void applicationDefinedFilterRegistrationIsUsedInstead() {
        runner.withPropertyValues(partner()).withUserConfiguration(OwnRegistration.class).run(context ->
                assertThat(context.getBean("wssGateFilterRegistration", FilterRegistrationBean.class).getUrlPatterns())
                        .containsExactly("/mine/*"));
    }

    @Test
    void switchesOff() {
        runner.withPropertyValues("wssgate.enabled=false").run(context ->
                assertThat(context).doesNotHaveBean(WssGate.class).doesNotHaveBean("wssGateFilterRegistration"));
        runner.withPropertyValues(partner()).withPropertyValues("wssgate.filter.enabled=false").run(context ->
                assertThat(context).hasSingleBean(WssGate.class).doesNotHaveBean("wssGateFilterRegistration")
                        .doesNotHaveBean("wssGateSecurityFilterRegistration"));
        runner.withPropertyValues(partner()).withPropertyValues("wssgate.security.enabled=false").run(context ->
                assertThat(context).hasBean("wssGateFilterRegistration")
                        .doesNotHaveBean("wssGateSecurityFilterRegistration"));
    }

    @Test
    void environmentVariablesBindThroughRelaxedNames() {
        Map<String, Object> env = new LinkedHashMap<>();
        Fixtures.partnerPolicy().forEach((k, v) -> env.put(k.replace('.', '_').replace("[", "_").replace("]", "")
                .replace("-", "").toUpperCase(java.util.Locale.ROOT), v));
        env.put("WSSGATE_POLICIES_PARTNER_TIMESTAMP_MAXAGE", "2m");
        runner.withInitializer(ctx -> ctx.getEnvironment().getPropertySources().addFirst(
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, env)))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    var policy = context.getBean(WssGate.class).policy("partner").orElseThrow().config();
                    assertThat(policy.paths()).containsExactly("/services/*", "/admin/*");
                    assertThat(policy.timestamp().maxAge()).hasMinutes(2);
                    assertThat(policy.roles().samlAttributes()).containsExactly("role");
                });
    }

    @Test
    void encryptedAssertionKeysBindFromPropertiesAndRelaxedEnvironmentNames() {
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("WSSGATE_POLICIES_PARTNER_SAML_ENCRYPTEDASSERTIONS", "true");
        env.put("WSSGATE_POLICIES_PARTNER_OUTBOUND_ENCRYPTION_ASSERTION", "true");
        runner.withPropertyValues(partner())
                .withPropertyValues("wssgate.policies.partner.decryption.key.private-key=" + Fixtures.SERVER_KEY,
                        "wssgate.policies.partner.decryption.key.certificate=" + Fixtures.SERVER_PEM,
                        "wssgate.policies.partner.outbound.token.source=propagated",
                        "wssgate.policies.partner.outbound.encryption.recipient-certificate=" + Fixtures.SERVER_PEM)
                .withInitializer(ctx -> ctx.getEnvironment().getPropertySources().addFirst(
                        new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, env)))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    var policy = context.getBean(WssGate.class).policy("partner").orElseThrow().config();
                    assertThat(policy.saml().encryptedAssertions()).isTrue();
                    assertThat(policy.outbound().encryption().orElseThrow().encryptAssertion()).isTrue();
                });
    }

    @Test
    void higherPrecedenceListReplacesTheWholeList() {
        runner.withPropertyValues(partner())
                .withInitializer(ctx -> ctx.getEnvironment().getPropertySources().addFirst(
                        new MapPropertySource("override", Map.of("wssgate.policies.partner.paths", "/only/*"))))
                .run(context -> assertThat(context.getBean(WssGate.class).policy("partner").orElseThrow().config().paths())
                        .containsExactly("/only/*"));
    }

    @Test
    void clientBeanInstallsTheHandlerOnAPort() {
        runner.withPropertyValues(partner()).run(context -> {
            QName portName = new QName("urn:wssgate:test", "OrdersPort");
            Service service = Service.create(new QName("urn:wssgate:test", "Orders"));
            service.addPort(portName, SOAPBinding.SOAP11HTTP_BINDING, "http://localhost:1/orders");
            Dispatch<Source> port = service.createDispatch(portName, Source.class, Service.Mode.MESSAGE);

            assertThat(context.getBean(WssGateClients.class).secure(port, "partner")).isSameAs(port);
            assertThat(port.getBinding().getHandlerChain()).hasAtLeastOneElementOfType(WssGateHandler.class);
        });
    }

    @Test
    void annotatedPortFieldsOfBeansAreSecured() {
        runner.withPropertyValues(partner()).withBean(PortHolder.class).run(context ->
                assertThat(context.getBean(PortHolder.class).port.getBinding().getHandlerChain())
                        .hasAtLeastOneElementOfType(WssGateHandler.class));
    }

    static class PortHolder {
        @io.wssgate.jaxws.WssGateClient.Secured(policy = "partner")
        final Dispatch<Source> port;

        PortHolder() {
            QName portName = new QName("urn:wssgate:test", "OrdersPort");
            Service service = Service.create(new QName("urn:wssgate:test", "Orders"));
            service.addPort(portName, SOAPBinding.SOAP11HTTP_BINDING, "http://localhost:1/orders");
            this.port = service.createDispatch(portName, Source.class, Service.Mode.MESSAGE);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnGate {
        @Bean
        WssGate myGate() {
            Map<String, String> keys = Map.of("policies.own.paths", "/own/*",
                    "policies.own.trust.certificates", Fixtures.CA.toString());
            return WssGate.create(ConfigLoader.fromProperties(keys, Path.of("."), VariableResolver.system()));
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnRegistration {
        @Bean
        FilterRegistrationBean<WssGateFilter> wssGateFilterRegistration(WssGate gate) {
            FilterRegistrationBean<WssGateFilter> registration = new FilterRegistrationBean<>(new WssGateFilter(gate));
            registration.addUrlPatterns("/mine/*");
            return registration;
        }
    }
}
