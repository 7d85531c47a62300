package io.wssgate.spring.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.config.schema.ConfigSchema;
import io.wssgate.config.schema.Key;
import io.wssgate.config.schema.KeyType.Scalar;
import io.wssgate.config.schema.ValueKind;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the generator writes; the auto-configuration's ConfigurationMetadataTest checks the compiled result. */
class GenerateMetadataTest {

    @Test
    void writesOneClassPerSectionAndTheMetadataWhereTheAnnotationProcessorLooks(@TempDir Path dir) throws Exception {
        GenerateMetadata.main(new String[] {dir.resolve("src").toString(), dir.resolve("classes").toString()});

        Path classes = dir.resolve("src/io/wssgate/spring/properties");
        assertThat(classes.resolve("WssGateCoreProperties.java")).content()
                .contains("@ConfigurationProperties(prefix = \"wssgate\")")
                .contains("private Map<String, PolicyProperties> policies = new LinkedHashMap<>();")
                .contains("private ReplayProperties replay = new ReplayProperties();");
        assertThat(classes.resolve("TimestampProperties.java")).content()
                .contains("/** How old the Timestamp's Created may be. */\n    private Duration maxAge = Duration.ofMinutes(5);")
                .contains("public Duration getMaxAge()").contains("public void setMaxAge(Duration maxAge)");
        assertThat(classes.resolve("OutboundTokenProperties.java")).content()
                .contains("@Name(\"class\")\n    private String className;");
        assertThat(classes.resolve("SignatureProperties.java")).content()
                .contains("private List<String> parts = new ArrayList<>(List.of(\"Body\", \"Timestamp\"));");
        assertThat(classes.resolve("KeyProperties.java")).exists();
        assertThat(classes.resolve("WssGateProperties.java")).as("the starter's own, hand-written").doesNotExist();
        assertThat(dir.resolve("classes/META-INF/additional-spring-configuration-metadata.json")).content()
                .contains("\"name\": \"wssgate.policies.*.timestamp.max-age\"")
                .contains("\"type\": \"java.time.Duration\"");
    }

    @Test
    void everySectionOfTheSchemaHasItsClass() {
        Map<String, String> files = GenerateMetadata.files();
        java.util.Set<String> sections = new java.util.TreeSet<>();
        ConfigSchema.entries().stream().map(ConfigSchema.Entry::key).map(Key::type).forEach(type -> {
            // a section stands as a key's value, or as the element of a list or the value of a map
            io.wssgate.config.schema.KeyType inner = type instanceof io.wssgate.config.schema.KeyType.ListOf list
                    ? list.element() : type instanceof io.wssgate.config.schema.KeyType.MapOf map ? map.value() : type;
            if (inner instanceof io.wssgate.config.schema.KeyType.Section section) {
                sections.add(section.name());
            }
        });
        sections.forEach(name -> assertThat(files).containsKey("io/wssgate/spring/properties/" + name + "Properties.java"));
        assertThat(sections).contains("Policy", "Operation", "Require", "Condition", "Addressing", "OutboundAddressing",
                "Revocation", "Ocsp", "Diagnostics", "CaptureRejected", "Attachments");
        // one class per section, the root's (WssGateCoreProperties) and the metadata file
        assertThat(files).hasSize(sections.size() + 2);
    }

    @Test
    void javaNamesAndLiterals() {
        assertThat(JavaTypes.fieldName(Key.of("bearer-confirmation-window-required", Scalar.of(ValueKind.BOOLEAN), "x.")))
                .isEqualTo("bearerConfirmationWindowRequired");
        assertThat(JavaTypes.fieldName(Key.of("class", Scalar.of(ValueKind.CLASS_NAME), "x."))).isEqualTo("className");
        assertThat(JavaTypes.durationLiteral("500ms")).isEqualTo("Duration.ofMillis(500)");
        assertThat(JavaTypes.durationLiteral("60s")).isEqualTo("Duration.ofSeconds(60)");
        assertThat(JavaTypes.durationLiteral("1d")).isEqualTo("Duration.ofDays(1)");
        assertThat(JavaTypes.durationLiteral("PT90M")).isEqualTo("Duration.parse(\"PT1H30M\")");
        assertThat(JavaTypes.quoted("a\"b\\c")).isEqualTo("\"a\\\"b\\\\c\"");
        assertThat(PropertiesSource.javadoc("", "a <b> & c@d */")).isEqualTo("/** a &lt;b&gt; &amp; c&#64;d *&#47; */\n");
    }

    @Test
    void jsonIsEscapedAndIndented() {
        assertThat(Json.write(Map.of("k", List.of("a\"b", 1, true, "tab\there\u0001"))))
                .isEqualTo("{\n  \"k\": [\n    \"a\\\"b\",\n    1,\n    true,\n    \"tab\\there\\u0001\"\n  ]\n}\n");
    }
}
