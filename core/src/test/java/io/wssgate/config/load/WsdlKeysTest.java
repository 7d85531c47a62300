package io.wssgate.config.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wssgate.config.ConfigurationException;
import io.wssgate.config.PolicyConfig;
import io.wssgate.config.TrustConfig;
import io.wssgate.config.WsdlPolicy;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code policies.<name>.wsdl.*} in YAML, as web.xml flat keys and from the builder; bad values name their key. */
class WsdlKeysTest {
    static final Path BASE = Path.of(".");

    @Test
    void yamlFlatKeysAndTheBuilderGiveTheSameModel() {
        WsdlPolicy expected = new WsdlPolicy(true, Optional.of("classpath:wsdl/orders.wsdl"), WsdlPolicy.Mismatch.FAIL);
        PolicyConfig fromYaml = ConfigLoader.fromYaml(new StringReader("""
                policies:
                  p:
                    username-token: { enabled: true, password-source: io.wssgate.config.load.FixedPasswordSource }
                    wsdl: { publish-policy: true, location: "classpath:wsdl/orders.wsdl", policy-mismatch: fail }
                """), BASE, name -> Optional.empty()).policies().get(0);
        Map<String, String> flat = new LinkedHashMap<>();
        flat.put("policies.p.username-token.enabled", "true");
        flat.put("policies.p.username-token.password-source", "io.wssgate.config.load.FixedPasswordSource");
        flat.put("policies.p.wsdl.publish-policy", "true");
        flat.put("policies.p.wsdl.location", "classpath:wsdl/orders.wsdl");
        flat.put("policies.p.wsdl.policy-mismatch", "fail");
        PolicyConfig fromFlat = ConfigLoader.fromProperties(flat, BASE, name -> Optional.empty()).policies().get(0);

        assertThat(fromYaml.wsdl()).isEqualTo(expected);
        assertThat(fromFlat.wsdl()).isEqualTo(expected);
        assertThat(PolicyConfig.builder("p").wsdl(expected).build().wsdl()).isEqualTo(expected);
    }

    @Test
    void withoutKeysNothingIsPublishedOrChecked() {
        PolicyConfig p = PolicyConfig.builder("p").trust(TrustConfig.none()).build();

        assertThat(p.wsdl()).isEqualTo(WsdlPolicy.defaults());
        assertThat(p.wsdl().publishPolicy()).isFalse();
        assertThat(p.wsdl().mismatch()).isEqualTo(WsdlPolicy.Mismatch.WARN);
    }

    @Test
    void badValuesNameTheirKey() {
        assertThatThrownBy(() -> ConfigLoader.fromYaml(new StringReader("""
                policies:
                  p:
                    username-token: { enabled: true, password-source: io.wssgate.config.load.FixedPasswordSource }
                    wsdl: { publish-policy: yes, policy-mismatch: sometimes, locaton: x }
                """), BASE, name -> Optional.empty())).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("policies.p.wsdl.publish-policy: invalid boolean 'yes'")
                .hasMessageContaining("policies.p.wsdl.policy-mismatch: unknown policy-mismatch 'sometimes' (use warn or fail)")
                .hasMessageContaining("policies.p.wsdl.locaton: unknown key; did you mean location?");
    }
}
