package io.wssgate.config.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.wssgate.config.ConfigProblem;
import io.wssgate.config.ConfigurationException;
import io.wssgate.config.PolicyConfig;
import io.wssgate.config.WssGateConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rules specific to the flat dotted-key form (web.xml init-params, Spring properties). */
class ConfigLoaderFlatKeysTest {
    private static final VariableResolver NO_VARS = name -> Optional.empty();

    @TempDir
    Path dir;

    private static Map<String, String> base() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("policies.p.paths", "/s/*");
        m.put("policies.p.trust.certificates", "ca.pem");
        return m;
    }

    private List<ConfigProblem> problemsOf(Map<String, String> flat) {
        return catchThrowableOfType(ConfigurationException.class,
                () -> ConfigLoader.fromProperties(flat, dir, NO_VARS)).problems();
    }

    @Test
    void commaSeparatedScalarsAreListsButDistinguishedNamesAreNotSplit() {
        Map<String, String> m = base();
        m.put("policies.p.paths", " /a/* , /b ");
        m.put("policies.p.trust.subject-dn-patterns", "CN=.*,O=Partner,C=DE");
        m.put("policies.p.roles.certificate-subjects.0.subject", "CN=x,O=Example");
        m.put("policies.p.roles.certificate-subjects.0.roles", "a, b");

        PolicyConfig p = ConfigLoader.fromProperties(m, dir, NO_VARS).policies().get(0);

        assertThat(p.paths()).containsExactly("/a/*", "/b");
        assertThat(p.trust().subjectDnPatterns()).extracting(Pattern::pattern).containsExactly("CN=.*,O=Partner,C=DE");
        assertThat(p.roles().certificateSubjects()).containsExactly(Map.entry("CN=x,O=Example", Set.of("a", "b")));
    }

    @Test
    void problemsUseTheCanonicalKeyPathWhicheverIndexFormWasGiven() {
        Map<String, String> m = base();
        m.put("policies.p.saml.issuers.0.certificates", "idp.pem");
        m.put("policies.p.saml.issuers[1].name", "idp2");
        m.put("policies.p.saml.issuers[1].certificates", "idp2.pem");
        m.put("policies.p.saml.audiences", "urn:a");

        assertThat(problemsOf(m)).containsExactly(new ConfigProblem("policies.p.saml.issuers[0].name", "required"));
    }

    @Test
    void malformedAndConflictingKeysAreReported() {
        Map<String, String> m = base();
        m.put("policies.p.limits", "big");
        m.put("policies.p.limits.max-depth", "5");
        m.put("policies.p.paths[x]", "/y");
        m.put("policies.p.saml.issuers.0.name", "a");
        m.put("policies.p.saml.issuers[0].name", "b");

        assertThat(problemsOf(m)).containsExactly(
                new ConfigProblem("policies.p.limits.max-depth",
                        "conflicts with the single value given for policies.p.limits"),
                new ConfigProblem("policies.p.paths[x]", "invalid key (use dotted names, list indexes as .0 or [0])"),
                new ConfigProblem("policies.p.saml.issuers[0].name", "given more than once (e.g. as both .0 and [0])"),
                new ConfigProblem("policies.p.limits", "expected a map of keys, found a single value"),
                new ConfigProblem("policies.p.saml.issuers[0].certificates", "at least one certificate is required"),
                new ConfigProblem("policies.p.saml.audiences",
                        "at least one audience is required when SAML is enabled"));
    }

    @Test
    void aGapInListIndexesIsReported() {
        Map<String, String> m = base();
        m.put("policies.p.trust.subject-dn-patterns.0", "CN=a");
        m.put("policies.p.trust.subject-dn-patterns.2", "CN=c");

        assertThat(problemsOf(m)).containsExactly(
                new ConfigProblem("policies.p.trust.subject-dn-patterns", "list index [1] is missing"));
    }

    @Test
    void policyOrderFollowsTheMapOrder() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("policies.second.paths", "/x/special");
        m.put("policies.second.trust.certificates", "a.pem");
        m.put("policies.first.paths", "/x/*");
        m.put("policies.first.trust.certificates", "a.pem");

        WssGateConfig config = ConfigLoader.fromProperties(m, dir, NO_VARS);

        assertThat(config.policies()).extracting(PolicyConfig::name).containsExactly("second", "first");
        assertThat(config.policyFor("/x/special")).map(PolicyConfig::name).hasValue("second");
    }
}
