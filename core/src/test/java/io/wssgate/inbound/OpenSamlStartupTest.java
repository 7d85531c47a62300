package io.wssgate.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.config.ConfigurationException;
import org.junit.jupiter.api.Test;

/** OpenSAML problems stop the start, clearly, instead of failing the first SAML request. */
class OpenSamlStartupTest {

    @Test
    void openSamlIsReadyWithTheProjectsDependencies() {
        assertThat(OpenSamlStartup.problem()).isEmpty();
    }

    /** As after an over-eager exclusion: opensaml-saml-impl missing from the application. */
    @Test
    void aMissingOpenSamlModuleFailsStartUpNamingIt() throws Exception {
        String output = io.wssgate.testing.ChildJvm.run(MissingOpenSamlMain.class,
                entry -> entry.contains("opensaml-saml-impl"));

        assertThat(output).contains(ConfigurationException.class.getSimpleName())
                .contains("(class path): OpenSAML")
                .contains("opensaml-saml-impl")
                .doesNotContain("NullPointerException");
    }
}
