package io.wssgate.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.wssgate.WssGate;
import io.wssgate.config.PolicyConfig;
import io.wssgate.config.load.ConfigLoader;
import io.wssgate.config.load.VariableResolver;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

/**
 * {@code wssgate.policies.<name>.operations.*}, {@code require.*} and {@code addressing.*} as
 * Spring Boot properties: they give the policy the same operations, authorization rule and
 * addressing rules as the same keys in a WSS Gate YAML file, and a broken value fails start-up
 * naming its property.
 */
class OperationsPropertiesTest {
    private static final String P = "wssgate.policies.partner.";
    private static final String SUBMIT = P + "operations.submit-order.";

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(WssGateAutoConfiguration.class));

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
    }

    /** The keys of the YAML below, in Spring's property form. */
    private static Map<String, String> operations() {
        Map<String, String> p = new LinkedHashMap<>(Fixtures.partnerPolicy());
        p.put(P + "require.subjects[0]", "CN=[^,]+,O=Partner [AB],C=DE");
        p.put(P + "require.subjects[1]", "[a-z]+");
        p.put(P + "required-headers[0]", "{urn:example:routing}Route");
        p.put(P + "addressing.required", "true");
        p.put(P + "addressing.addresses[0]", "https://orders.example.com/services/orders");
        p.put(P + "addressing.message-id-replay", "false");
        p.put(P + "unknown-operations", "default");
        String status = P + "operations.get-status.";
        p.put(status + "payload-roots[0]", "{urn:example:orders}getStatus");
        p.put(status + "soap-actions[0]", "urn:example:orders:getStatus");
        p.put(status + "addressing-actions[0]", "urn:example:orders/getStatus");
        p.put(status + "required-headers", "");
        p.put(SUBMIT + "payload-roots[0]", "{urn:example:orders}submitOrder");
        p.put(SUBMIT + "token-types[0]", "saml");
        p.put(SUBMIT + "confirmation-methods[0]", "holder-of-key");
        p.put(SUBMIT + "signed-parts[0]", "Body");
        p.put(SUBMIT + "signed-parts[1]", "Timestamp");
        p.put(SUBMIT + "signed-parts[2]", "{urn:example:routing}Route");
        p.put(SUBMIT + "response-action", "urn:example:orders/submitOrderDone");
        p.put(SUBMIT + "require.roles[0]", "buyer");
        p.put(SUBMIT + "require.saml-attributes.clearance[0]", "secret");
        p.put(SUBMIT + "require.saml-attributes.clearance[1]", "top-secret");
        p.put(SUBMIT + "require.any-of[0].confirmation[0]", "holder-of-key");
        p.put(SUBMIT + "require.any-of[0].authn-context[0]", "urn:oasis:names:tc:SAML:2.0:ac:classes:X509");
        p.put(SUBMIT + "require.any-of[1].subjects[0]", "CN=partner-a,.*");
        p.put(SUBMIT + "require.all-of[0].roles[0]", "verified");
        return p;
    }

    private static final String YAML = """
            policies:
              partner:
                paths: [/services/*]
                trust: { certificates: [ca.pem] }
                saml:
                  issuers: [{ name: https://idp.example, certificates: [idp.pem] }]
                  audiences: [urn:x]
                require:
                  subjects: ["CN=[^,]+,O=Partner [AB],C=DE", "[a-z]+"]
                required-headers: ["{urn:example:routing}Route"]
                addressing:
                  required: true
                  addresses: [https://orders.example.com/services/orders]
                  message-id-replay: false
                unknown-operations: default
                operations:
                  get-status:
                    payload-roots: ["{urn:example:orders}getStatus"]
                    soap-actions: [urn:example:orders:getStatus]
                    addressing-actions: [urn:example:orders/getStatus]
                    required-headers: []
                  submit-order:
                    payload-roots: ["{urn:example:orders}submitOrder"]
                    token-types: [saml]
                    confirmation-methods: [holder-of-key]
                    signed-parts: [Body, Timestamp, "{urn:example:routing}Route"]
                    response-action: urn:example:orders/submitOrderDone
                    require:
                      roles: [buyer]
                      saml-attributes: { clearance: [secret, top-secret] }
                      any-of:
                        - confirmation: [holder-of-key]
                          authn-context: [urn:oasis:names:tc:SAML:2.0:ac:classes:X509]
                        - subjects: ["CN=partner-a,.*"]
                      all-of:
                        - roles: [verified]
            """;

    @Test
    void propertiesGiveTheModelTheSameKeysGiveInYaml() {
        PolicyConfig yaml = ConfigLoader.fromYaml(new StringReader(YAML), Path.of("."), name -> java.util.Optional.empty())
                .policies().get(0);
        runner.withPropertyValues(operations().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .toArray(String[]::new)).run(context -> {
                    PolicyConfig bound = context.getBean(WssGate.class).policy("partner").orElseThrow().config();
                    assertThat(bound.operations().entries()).extracting(o -> o.name())
                            .containsExactly("get-status", "submit-order");
                    assertSame(bound.operations(), yaml.operations());
                    assertSame(bound.require(), yaml.require());
                    assertSame(bound.requiredHeaders(), yaml.requiredHeaders());
                    assertSame(bound.addressing(), yaml.addressing());
                });
    }

    private static void assertSame(Object actual, Object expected) {
        assertThat(actual).usingRecursiveComparison()
                .withComparatorForType(Comparator.comparing(Pattern::pattern), Pattern.class)
                .withComparatorForType(Comparator.comparing(Duration::toMillis), Duration.class)
                .isEqualTo(expected);
    }

    @Test
    void brokenValuesFailStartupNamingTheirProperty() {
        Map<String, Object> properties = new LinkedHashMap<>(Fixtures.partnerPolicy());
        properties.put(SUBMIT + "payload-roots[0]", "{urn:example:orders");
        properties.put(SUBMIT + "token-types[0]", "kerberos");
        properties.put(SUBMIT + "require.any-of[0].confirmation[0]", "magic");
        properties.put(P + "addressing.addresses[0]", "/orders");

        Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(App.class)
                .web(WebApplicationType.NONE).properties(properties).run().close());

        FailureAnalysis analysis = new WssGateConfigurationFailureAnalyzer().analyze(failure);
        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).contains("(4 problems)")
                .contains("Property: " + SUBMIT + "payload-roots[0]")
                .contains("invalid element name '{urn:example:orders'")
                .contains("Property: " + SUBMIT + "token-types[0]")
                .contains("unknown token type 'kerberos' (use x509, saml or username-token)")
                .contains("Property: " + SUBMIT + "require.any-of[0].confirmation[0]")
                .contains("unknown confirmation method 'magic' (use holder-of-key, sender-vouches or bearer)")
                .contains("Property: " + P + "addressing.addresses[0]")
                .contains("'/orders' is not an absolute URI");
    }
}
