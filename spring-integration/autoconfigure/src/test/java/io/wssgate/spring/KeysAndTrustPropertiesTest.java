package io.wssgate.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.WssGate;
import io.wssgate.config.OcspPolicy;
import io.wssgate.config.RevocationPolicy;
import io.wssgate.config.WssGateConfig;
import io.wssgate.testing.SoftHsm;
import io.wssgate.testing.TestKeys;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** Keys on a PKCS#11 token, OCSP revocation checking and FIPS mode as Spring Boot properties and environment variables. */
class KeysAndTrustPropertiesTest {
    static final TestKeys KEYS = TestKeys.create();
    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(WssGateAutoConfiguration.class));

    private static String[] partner() {
        return Fixtures.partnerPolicy().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
    }

    @Test
    void ocspBindsFromProperties() {
        runner.withPropertyValues(partner())
                .withPropertyValues("wssgate.policies.partner.trust.revocation.ocsp.enabled=true",
                        "wssgate.policies.partner.trust.revocation.ocsp.responder-url=http://ocsp.example/",
                        "wssgate.policies.partner.trust.revocation.ocsp.soft-fail=true",
                        "wssgate.policies.partner.trust.revocation.ocsp.cache-ttl=10m",
                        "wssgate.policies.partner.trust.revocation.ocsp.timeout=2s",
                        "wssgate.policies.partner.trust.revocation.ocsp.nonce=false",
                        "wssgate.policies.partner.trust.revocation.prefer=crl")
                .run(context -> assertThat(context.getBean(WssGate.class).policy("partner").orElseThrow().config()
                        .trust().revocation()).isEqualTo(new RevocationPolicy(new OcspPolicy(true,
                        Optional.of(URI.create("http://ocsp.example/")), true, Duration.ofMinutes(10),
                        Duration.ofSeconds(2), false), RevocationPolicy.Prefer.CRL)));
    }

    @Test
    void aSigningKeyOnAPkcs11TokenBindsFromEnvironmentVariables() {
        SoftHsm hsm = SoftHsm.get();
        X509Certificate certificate = hsm.generateRsa("spring-signer", "hsm-spring", KEYS.ca());
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("WSSGATE_POLICIES_PARTNER_OUTBOUND_SIGNATURE_KEY_KEYSTORE_TYPE", "PKCS11");
        env.put("WSSGATE_POLICIES_PARTNER_OUTBOUND_SIGNATURE_KEY_KEYSTORE_PROVIDERCONFIG", hsm.keysConfig().toString());
        env.put("WSSGATE_POLICIES_PARTNER_OUTBOUND_SIGNATURE_KEY_KEYSTORE_PIN", SoftHsm.PIN);
        env.put("WSSGATE_POLICIES_PARTNER_OUTBOUND_SIGNATURE_KEY_ALIAS", "spring-signer");
        runner.withPropertyValues(partner())
                .withInitializer(ctx -> ctx.getEnvironment().getPropertySources().addFirst(new SystemEnvironmentPropertySource(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, env)))
                .run(context -> assertThat(context.getBean(WssGate.class).certificates())
                        .anySatisfy(c -> {
                            assertThat(c.use()).isEqualTo("outbound-signature");
                            assertThat(c.certificate()).isEqualTo(certificate);
                        }));
    }

    @Test
    void fipsModeIsRequestedByAProperty() {
        // this JVM has the regular Bouncy Castle: the engine refuses FIPS mode, naming why
        assertThat(io.wssgate.config.load.ConfigLoader.fromProperties(Map.of("fips", "true",
                "policies.p.paths", "/p/*", "policies.p.trust.certificates", "ca.pem"), java.nio.file.Path.of("."),
                name -> Optional.empty())).extracting(WssGateConfig::fips).isEqualTo(true);
        runner.withPropertyValues(partner()).withPropertyValues("wssgate.fips=true").run(context ->
                assertThat(context.getStartupFailure()).hasStackTraceContaining("FIPS mode needs bc-fips instead"));
    }
}
