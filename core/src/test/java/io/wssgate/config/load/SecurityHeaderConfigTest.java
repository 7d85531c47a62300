package io.wssgate.config.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.wssgate.config.ConfigProblem;
import io.wssgate.config.ConfigurationException;
import io.wssgate.config.HeaderLayout;
import io.wssgate.config.PolicyConfig;
import io.wssgate.config.SecurityHeaderPolicy;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code security-header.actor / accept-next / layout}: YAML, flat keys and the builder agree; bad values name their key. */
class SecurityHeaderConfigTest {
    private static final VariableResolver NO_VARS = name -> Optional.empty();

    @TempDir
    Path dir;

    private PolicyConfig fromYaml(String securityHeader) {
        String yaml = "policies:\n  p:\n    paths: [/s/*]\n    trust:\n      certificates: [ca.pem]\n" + securityHeader;
        return ConfigLoader.fromYaml(new StringReader(yaml), dir, NO_VARS).policies().get(0);
    }

    private List<ConfigProblem> problemsOfYaml(String securityHeader) {
        return catchThrowableOfType(ConfigurationException.class, () -> fromYaml(securityHeader)).problems();
    }

    private PolicyConfig fromFlat(Map<String, String> extra) {
        Map<String, String> flat = new LinkedHashMap<>();
        flat.put("policies.p.paths", "/s/*");
        flat.put("policies.p.trust.certificates", "ca.pem");
        flat.putAll(extra);
        return ConfigLoader.fromProperties(flat, dir, NO_VARS).policies().get(0);
    }

    @Test
    void withoutTheBlockTheHeaderWithoutActorOrNextIsOursAndAnyLayoutGoes() {
        SecurityHeaderPolicy d = fromYaml("").securityHeader();

        assertThat(d).isEqualTo(SecurityHeaderPolicy.defaults());
        assertThat(d.actor()).isEmpty();
        assertThat(d.acceptNext()).isTrue();
        assertThat(d.layout()).isEqualTo(HeaderLayout.LAX);
        assertThat(PolicyConfig.builder("p").build().securityHeader()).isEqualTo(d);
    }

    @Test
    void everyKeyInYamlFlatKeysAndTheBuilderGivesTheSamePolicy() {
        PolicyConfig yaml = fromYaml("""
                    security-header:
                      actor: urn:wssgate:gateway
                      accept-next: false
                      layout: strict
                """);
        PolicyConfig flat = fromFlat(Map.of("policies.p.security-header.actor", "urn:wssgate:gateway",
                "policies.p.security-header.accept-next", "false",
                "policies.p.security-header.layout", "strict"));
        SecurityHeaderPolicy built = new SecurityHeaderPolicy(Optional.of("urn:wssgate:gateway"), false, HeaderLayout.STRICT);

        assertThat(yaml.securityHeader()).isEqualTo(built);
        assertThat(flat.securityHeader()).isEqualTo(built);
        assertThat(PolicyConfig.builder("p").securityHeader(built).build().securityHeader()).isEqualTo(built);
    }

    @ParameterizedTest
    @EnumSource(HeaderLayout.class)
    void everyLayoutHasItsWsSecurityPolicyName(HeaderLayout layout) {
        assertThat(fromYaml("    security-header:\n      layout: " + layout.key() + "\n").securityHeader().layout())
                .isEqualTo(layout);
        assertThat(fromFlat(Map.of("policies.p.security-header.layout", layout.key())).securityHeader().layout())
                .isEqualTo(layout);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            actor: gateway               | policies.p.security-header.actor       | actor must be an absolute URI, got 'gateway'
            actor: 'urn:a b'             | policies.p.security-header.actor       | actor must be an absolute URI, got 'urn:a b'
            actor: http://schemas.xmlsoap.org/soap/actor/next | policies.p.security-header.actor | 'http://schemas.xmlsoap.org/soap/actor/next' is not an actor of its own: leave actor out for the header without actor (or the ultimate receiver), use accept-next for next; none addresses nobody
            actor: http://www.w3.org/2003/05/soap-envelope/role/ultimateReceiver | policies.p.security-header.actor | 'http://www.w3.org/2003/05/soap-envelope/role/ultimateReceiver' is not an actor of its own: leave actor out for the header without actor (or the ultimate receiver), use accept-next for next; none addresses nobody
            accept-next: yes             | policies.p.security-header.accept-next | invalid boolean 'yes' (use true or false)
            layout: LaxTsFirst           | policies.p.security-header.layout      | unknown layout 'LaxTsFirst' (use lax, strict, lax-timestamp-first or lax-timestamp-last)
            role: urn:a                  | policies.p.security-header.role        | unknown key
            """)
    void aBadValueIsReportedAtItsKey(String entry, String key, String message) {
        List<ConfigProblem> problems = problemsOfYaml("    security-header:\n      " + entry + "\n");

        assertThat(problems).containsExactly(new ConfigProblem(key, message));
    }

    @Test
    void aBadFlatKeyValueIsReportedAtItsKey() {
        List<ConfigProblem> problems = catchThrowableOfType(ConfigurationException.class,
                () -> fromFlat(Map.of("policies.p.security-header.layout", "tight"))).problems();

        assertThat(problems).containsExactly(new ConfigProblem("policies.p.security-header.layout",
                "unknown layout 'tight' (use lax, strict, lax-timestamp-first or lax-timestamp-last)"));
    }

    @ParameterizedTest
    @CsvSource({"lax-timestamp-first", "lax-timestamp-last"})
    void aLayoutPlacingTheTimestampNeedsOneRequired(String layout) {
        List<ConfigProblem> problems = problemsOfYaml("    timestamp:\n      required: false\n"
                + "    security-header:\n      layout: " + layout + "\n");

        assertThat(problems).containsExactly(new ConfigProblem("policies.p.security-header.layout",
                "layout " + layout + " needs timestamp.required: true"));
    }

    @Test
    void anActorUriLosesOnlyItsSurroundingBlanks() {
        assertThat(fromYaml("    security-header:\n      actor: ' http://gateway.example/wss '\n").securityHeader().actor())
                .contains("http://gateway.example/wss");
    }
}
