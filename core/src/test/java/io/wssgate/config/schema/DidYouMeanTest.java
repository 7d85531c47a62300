package io.wssgate.config.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.config.ConfigProblem;
import io.wssgate.config.ConfigurationException;
import io.wssgate.config.load.ConfigLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DidYouMeanTest {
    @Test
    void aCloseKeyIsSuggested() {
        List<String> keys = List.of("trust", "timestamp", "signature", "saml", "paths");

        assertThat(DidYouMean.unknownKey("trsut", keys)).isEqualTo("unknown key; did you mean trust?");
        assertThat(DidYouMean.unknownKey("signatur", keys)).isEqualTo("unknown key; did you mean signature?");
        assertThat(DidYouMean.unknownKey("Paths", keys)).isEqualTo("unknown key; did you mean paths?");
    }

    @Test
    void nothingIsSuggestedForAKeyFarFromEveryKnownOne() {
        assertThat(DidYouMean.unknownKey("colour", List.of("trust", "timestamp")))
                .isEqualTo("unknown key");
        assertThat(DidYouMean.closest("ab", List.of("xy"))).isEmpty();
        assertThat(DidYouMean.closest("anything", List.of())).isEmpty();
    }

    @Test
    void formOnlyDifferencesAreTheClosestMatch() {
        assertThat(DidYouMean.closest("max_age", List.of("max-age", "max-depth"))).contains("max-age");
        assertThat(DidYouMean.closest("maxAge", List.of("max-age", "max-depth"))).contains("max-age");
    }

    @Test
    void swappingNeighboursIsOneEdit() {
        assertThat(DidYouMean.distance("trsut", "trust")).isEqualTo(1);
        assertThat(DidYouMean.distance("secuirty", "security")).isEqualTo(1);
        assertThat(DidYouMean.distance("ordr", "order")).isEqualTo(1);
        assertThat(DidYouMean.distance("abc", "abc")).isZero();
    }

    /** The same message from flat keys (web.xml init-params, Spring properties) as from YAML. */
    @Test
    void flatKeysGetTheSameSuggestion() {
        Map<String, String> flat = Map.of("policies.example.paths", "/s/*",
                "policies.example.trsut.certificates", "ca.pem",
                "policiez.other.paths", "/o/*");

        List<ConfigProblem> problems = problems(flat);

        assertThat(problems).contains(new ConfigProblem("policies.example.trsut", "unknown key; did you mean trust?"),
                new ConfigProblem("policiez", "unknown key; did you mean policies?"));
    }

    private static List<ConfigProblem> problems(Map<String, String> flat) {
        try {
            ConfigLoader.fromProperties(flat, Path.of("."), name -> Optional.empty());
        } catch (ConfigurationException e) {
            return e.problems();
        }
        throw new AssertionError("expected problems");
    }
}
