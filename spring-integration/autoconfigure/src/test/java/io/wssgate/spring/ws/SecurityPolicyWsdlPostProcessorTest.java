package io.wssgate.spring.ws;

import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.config.PolicyConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which publishing policy a Spring-WS definition bean gets. */
class SecurityPolicyWsdlPostProcessorTest {
    private static PolicyConfig policy(String name, String... paths) {
        return PolicyConfig.builder(name).paths(List.of(paths)).build();
    }

    @Test
    void theOnlyPublishingPolicyWhateverItsPaths() {
        assertThat(SecurityPolicyWsdlPostProcessor.choose(List.of(policy("a", "/x/*")), "orders"))
                .map(PolicyConfig::name).contains("a");
    }

    @Test
    void withSeveralThePolicyWhosePathEndsInTheBeanName() {
        List<PolicyConfig> publishing = List.of(policy("a", "/services/orders"), policy("b", "/services/billing/*"));

        assertThat(SecurityPolicyWsdlPostProcessor.choose(publishing, "orders")).map(PolicyConfig::name).contains("a");
        assertThat(SecurityPolicyWsdlPostProcessor.choose(publishing, "billing")).map(PolicyConfig::name).contains("b");
        assertThat(SecurityPolicyWsdlPostProcessor.choose(publishing, "stock")).isEmpty();
    }
}
