package io.wssgate.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A broken {@code wssgate.*} property fails start-up, explained by property name, all problems at once. */
@ExtendWith(OutputCaptureExtension.class)
class StartupFailureTest {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
    }

    @Test
    void brokenPropertiesFailStartupListingEveryProblemByPropertyName(CapturedOutput output) {
        Map<String, Object> properties = new LinkedHashMap<>(Fixtures.partnerPolicy());
        properties.put("wssgate.policies.partner.timestamp.max-age", "forever");
        properties.put("wssgate.policies.partner.trust.certificates[0]", Fixtures.DIR.resolve("missing.pem").toString());

        Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(App.class)
                .web(WebApplicationType.NONE).properties(properties).run().close());

        assertThat(failure).isNotNull();
        FailureAnalysis analysis = new WssGateConfigurationFailureAnalyzer().analyze(failure);
        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription())
                .contains("(2 problems)")
                .contains("Property: wssgate.policies.partner.timestamp.max-age")
                .contains("invalid duration 'forever'")
                .contains("Property: wssgate.policies.partner.trust.certificates\n")
                .contains("file not found")
                .contains("Origin:   \"wssgate.policies.partner.trust.certificates[0]\" from property source");
        assertThat(analysis.getAction()).contains("wssgate.enabled=false");
        // registered in spring.factories: Boot itself printed the analysis
        assertThat(output).contains("APPLICATION FAILED TO START")
                .contains("Property: wssgate.policies.partner.timestamp.max-age");
    }

    /** The key schema knows every policy key, so a misspelled one is named, never silently ignored. */
    @Test
    void misspelledPolicyKeysFailStartupNamedByProperty() {
        Map<String, Object> properties = new LinkedHashMap<>(Fixtures.partnerPolicy());
        properties.put("wssgate.policies.partner.timestamp.max-ages", "2m");
        properties.put("wssgate.policies.partner.sigature.required", "false");
        properties.put("wssgate.policies.partner.saml.issuers[0].certificate", Fixtures.CA.toString());

        Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(App.class)
                .web(WebApplicationType.NONE).properties(properties).run().close());

        FailureAnalysis analysis = new WssGateConfigurationFailureAnalyzer().analyze(failure);
        assertThat(analysis.getDescription()).contains("(3 problems)")
                .contains("Property: wssgate.policies.partner.timestamp.max-ages\n    Problem:  unknown key; did you mean max-age?")
                .contains("Property: wssgate.policies.partner.sigature\n    Problem:  unknown key; did you mean signature?")
                .contains("Property: wssgate.policies.partner.saml.issuers[0].certificate\n    Problem:  unknown key");
    }

    /** Spring would ignore a misspelled starter key and keep its default; WSS Gate names it instead. */
    @Test
    void misspelledStarterKeysFailStartupWithWhatWasMeant(CapturedOutput output) {
        Map<String, Object> properties = new LinkedHashMap<>(Fixtures.partnerPolicy());
        properties.put("wssgate.secuirty.enabled", "false");
        properties.put("wssgate.filter.ordr", "5");
        properties.put("wssgate.polices.other.paths[0]", "/other/*");
        properties.put("wssgate.health.expiry-warning", "10d");  // a real key of the starter
        properties.put("wssgate.config", "/somewhere/wssgate.yaml");  // the JAX-WS handler's, not the starter's
        properties.put("wssgate.logging.quiet-libraries", "true");  // the engine's JVM-wide opt-out, not the starter's

        Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(App.class)
                .web(WebApplicationType.NONE).properties(properties).run().close());

        FailureAnalysis analysis = new WssGateConfigurationFailureAnalyzer().analyze(failure);
        assertThat(analysis.getDescription()).contains("(3 problems)")
                .contains("Property: wssgate.secuirty.enabled\n    Problem:  unknown key; did you mean "
                        + "wssgate.security.enabled?\n    Origin:   \"wssgate.secuirty.enabled\" from property source")
                .contains("Property: wssgate.filter.ordr\n    Problem:  unknown key; did you mean wssgate.filter.order?")
                .contains("Property: wssgate.polices.other.paths[0]\n    Problem:  unknown key; did you mean "
                        + "wssgate.policies.other.paths[0]?")
                .doesNotContain("health").doesNotContain("wssgate.config").doesNotContain("quiet-libraries");
        assertThat(output).contains("APPLICATION FAILED TO START");
    }

    @Test
    void theStartersKeysAreReadOffItsPropertyClasses() {
        assertThat(StarterKeys.knownKeys()).containsExactlyInAnyOrder("enabled", "filter.enabled", "filter.order",
                "security.enabled", "spring-ws.understand-security-header", "health.expiry-warning", "health.sts-timeout");
    }

    @Test
    void encryptedAssertionsWithoutADecryptionKeyFailStartup() {
        Map<String, Object> properties = new LinkedHashMap<>(Fixtures.partnerPolicy());
        properties.put("wssgate.policies.partner.saml.encrypted-assertions", "true");

        Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(App.class)
                .web(WebApplicationType.NONE).properties(properties).run().close());

        FailureAnalysis analysis = new WssGateConfigurationFailureAnalyzer().analyze(failure);
        assertThat(analysis.getDescription()).contains("Property: wssgate.policies.partner.saml.encrypted-assertions")
                .contains("requires decryption.key");
    }

    @Test
    void startingWithoutAnyPolicyIsAnErrorNotASilentlyUnprotectedApp() {
        Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(App.class)
                .web(WebApplicationType.NONE).run().close());

        FailureAnalysis analysis = new WssGateConfigurationFailureAnalyzer().analyze(failure);
        assertThat(analysis.getDescription()).contains("Property: wssgate.policies")
                .contains("at least one policy");
    }

    @Test
    void disabledStarterStartsWithoutPolicies() {
        new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE)
                .properties("wssgate.enabled=false").run().close();
    }
}
