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
                .contains("Property: wssgate.policies.partner.timestamp.max-ages\n    Problem:  unknown key")
                .contains("Property: wssgate.policies.partner.sigature\n    Problem:  unknown key")
                .contains("Property: wssgate.policies.partner.saml.issuers[0].certificate\n    Problem:  unknown key");
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
