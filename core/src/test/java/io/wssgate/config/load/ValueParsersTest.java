package io.wssgate.config.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import javax.xml.namespace.QName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ValueParsersTest {

    @ParameterizedTest
    @CsvSource({"500ms,PT0.5S", "30s,PT30S", "5m,PT5M", "1h,PT1H", "1d,PT24H", "PT5M,PT5M", "P1D,PT24H", "0,PT0S",
            "0s,PT0S"})
    void durations(String text, String iso) {
        assertThat(ValueParsers.duration(text)).isEqualTo(Duration.parse(iso));
    }

    @ParameterizedTest
    @ValueSource(strings = {"5 minutes", "5", "-5s", "5M", "1.5s", "PT", "", "99999999999999999999d"})
    void badDurations(String text) {
        assertThatThrownBy(() -> ValueParsers.duration(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid duration '" + text + "'");
    }

    @ParameterizedTest
    @CsvSource({"1024,1024", "1KB,1000", "1kB,1000", "2MB,2000000", "1GB,1000000000", "1KiB,1024",
            "10MiB,10485760", "1GiB,1073741824", "10 MiB,10485760", "100B,100"})
    void sizes(String text, long bytes) {
        assertThat(ValueParsers.size(text)).isEqualTo(bytes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"10 furlongs", "1.5MB", "-1", "MB", ""})
    void badSizes(String text) {
        assertThatThrownBy(() -> ValueParsers.size(text)).hasMessageStartingWith("invalid size");
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "no", "1", "on", ""})
    void onlyTrueAndFalseAreBooleans(String text) {
        assertThatThrownBy(() -> ValueParsers.bool(text)).hasMessage("invalid boolean '" + text + "' (use true or false)");
        assertThat(ValueParsers.bool("true")).isTrue();
        assertThat(ValueParsers.bool("FALSE")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Routing", "{}Routing", "{urn:x}", "{urn:x}1abc", "urn:x}Routing", "{urn:x}a:b"})
    void headerNamesMustBeNamespaceQualified(String text) {
        assertThatThrownBy(() -> ValueParsers.headerQName(text)).hasMessageStartingWith("invalid QName");
        assertThat(ValueParsers.headerQName("{urn:x:y}Routing-Info")).isEqualTo(new QName("urn:x:y", "Routing-Info"));
    }
}
