package io.wssgate.jaxws;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wssgate.testing.TestKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An annotated endpoint whose configuration is unusable is not deployed, and with Metro's
 * servlet listener neither is the web application; the message lists every problem.
 */
class EndpointDeploymentTest {
    static final TestKeys KEYS = TestKeys.create();

    @AfterEach
    void clearConfig() {
        System.clearProperty(ConfigLocation.SYSTEM_PROPERTY);
    }

    @Test
    void misconfigurationStopsDeploymentListingEveryProblemWithItsKeyPath(@TempDir Path dir) throws Exception {
        Path expired = TestKeys.writePem(dir.resolve("expired.pem"), KEYS.expired("old-idp").certificate());
        Path config = Files.writeString(dir.resolve("wssgate.yaml"), """
                policies:
                  saml:
                    paths: [/whoami]
                    timestamp:
                      max-age: five minutes
                    trust:
                      certificates: [%s]
                    saml:
                      issuers:
                        - name: https://idp
                          certificates: [%s]
                      audiences: [urn:x]
                    unknown-section: true
                """.formatted(dir.resolve("missing.pem"), expired));
        System.setProperty(ConfigLocation.SYSTEM_PROPERTY, config.toString());

        assertThatThrownBy(() -> MetroWebApp.start(dir, List.of(new MetroWebApp.Endpoint("/whoami", WhoAmIEndpoint.class))))
                .hasMessageContaining("Invalid WSS Gate configuration (4 problems)")
                .hasMessageContaining("policies.saml.timestamp.max-age")
                .hasMessageContaining("policies.saml.trust.certificates")
                .hasMessageContaining("policies.saml.saml.issuers[0].certificates")
                .hasMessageContaining("policies.saml.unknown-section");
    }

    @Test
    void policyTheAnnotationNamesMustExist(@TempDir Path dir) throws Exception {
        Path ca = TestKeys.writePem(dir.resolve("ca.pem"), KEYS.ca().certificate());
        Path config = Files.writeString(dir.resolve("wssgate.yaml"), """
                policies:
                  partner:
                    paths: [/whoami]
                    trust:
                      certificates: [%s]
                """.formatted(ca));
        System.setProperty(ConfigLocation.SYSTEM_PROPERTY, config.toString());

        assertThatThrownBy(() -> MetroWebApp.start(dir, List.of(new MetroWebApp.Endpoint("/whoami", WhoAmIEndpoint.class))))
                .hasMessageContaining("no policy named 'saml' (configured: [partner])");
    }
}
