package io.wssgate.sts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wssgate.WssGate;
import io.wssgate.config.ConfigurationException;
import io.wssgate.config.OutboundToken;
import io.wssgate.config.PolicyConfig;
import io.wssgate.config.Problems;
import io.wssgate.config.StsAuthentication;
import io.wssgate.config.StsSettings;
import io.wssgate.config.WssGateConfig;
import io.wssgate.config.load.ConfigLoader;
import io.wssgate.config.load.VariableResolver;
import java.io.StringReader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The STS keys bind to the model as documented, and mistakes are reported with their key paths. */
class StsConfigurationTest {

    @Test
    void everyStsKeyBinds(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("sts-password"), "s3cret\n");
        WssGateConfig config = ConfigLoader.fromYaml(new StringReader("""
                policies:
                  client:
                    paths: [/client]
                    outbound:
                      token:
                        source: sts
                        sts:
                          endpoint: https://sts.example.com/idp/sts.wst
                          version: "1.4"
                          applies-to: urn:example:orders
                          token-type: saml11
                          key-type: bearer
                          lifetime: 30m
                          claims: [urn:claim:role, urn:claim:mail]
                          authentication: { username: wsc, password-file: sts-password, password-type: text }
                          delegation: act-as
                          timeout: 3s
                          refresh-before: 2m
                  provider:
                    paths: [/provider]
                    saml:
                      issuers: [{ name: https://sts, certificates: [x.pem] }]
                      audiences: [urn:example:orders]
                      sts-validation:
                        endpoint: http://127.0.0.1:8080/sts
                        authentication: { username: wsp, password: pw }
                """), dir, VariableResolver.system());

        PolicyConfig client = config.policies().get(0);
        StsSettings sts = ((OutboundToken.FromSts) client.outbound().token().orElseThrow()).sts();
        assertThat(sts.endpoint()).isEqualTo(URI.create("https://sts.example.com/idp/sts.wst"));
        assertThat(sts.wsTrust14()).isTrue();
        assertThat(sts.saml2()).isFalse();
        assertThat(sts.publicKey()).isFalse();
        assertThat(sts.lifetime()).contains(Duration.ofMinutes(30));
        assertThat(sts.claims()).containsExactly("urn:claim:role", "urn:claim:mail");
        assertThat(sts.delegation()).isEqualTo(StsSettings.Delegation.ACT_AS);
        assertThat(sts.timeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(sts.refreshBefore()).isEqualTo(Duration.ofMinutes(2));
        assertThat(sts.authentication()).isInstanceOfSatisfying(StsAuthentication.Username.class, u -> {
            assertThat(u.username()).isEqualTo("wsc");
            assertThat(u.password().asString()).isEqualTo("s3cret");
            assertThat(u.passwordText()).isTrue();
        });
        assertThat(config.policies().get(1).saml().stsValidation()).hasValueSatisfying(v ->
                assertThat(v.endpoint()).isEqualTo(URI.create("http://127.0.0.1:8080/sts")));
    }

    @Test
    void mistakesAreListedWithTheirKeyPaths(@TempDir Path dir) {
        String yaml = """
                policies:
                  client:
                    paths: [/client]
                    outbound:
                      token:
                        source: sts
                        sts:
                          endpoint: ftp://sts.example.com
                          applies-to: urn:x
                          key-type: symmetric
                          delegation: act-as
                          authentication: { username: wsc }
                  holder:
                    paths: [/holder]
                    outbound:
                      token:
                        source: sts
                        sts:
                          endpoint: https://sts.example.com
                          applies-to: urn:x
                          key-type: public-key
                          delegation: act-as
                          authentication: { username: wsc, password: pw }
                """;
        Problems problems = new Problems();
        WssGateConfig config = ConfigLoader.fromYaml(new StringReader(yaml), dir, VariableResolver.system(), problems);

        assertThatThrownBy(() -> WssGate.create(config, Clock.systemUTC(), problems))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("policies.client.outbound.token.sts.endpoint: STS endpoint must be an http(s) URL")
                .hasMessageContaining("policies.client.outbound.token.sts.key-type: unknown key type 'symmetric'")
                .hasMessageContaining("policies.client.outbound.token.sts.authentication.password: required")
                .hasMessageContaining("policies.holder.outbound.signature: a public-key (holder-of-key) STS token needs")
                .hasMessageContaining("policies.holder.outbound.token.sts.delegation: act-as needs WS-Trust 1.4");
    }
}
