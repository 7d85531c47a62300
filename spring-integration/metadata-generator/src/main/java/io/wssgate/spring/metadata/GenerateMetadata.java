package io.wssgate.spring.metadata;

import io.wssgate.config.schema.ConfigSchema;
import io.wssgate.config.schema.Key;
import io.wssgate.config.schema.KeyType;
import io.wssgate.config.schema.KeyType.ListOf;
import io.wssgate.config.schema.KeyType.MapOf;
import io.wssgate.config.schema.KeyType.Section;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes, from the core's {@link ConfigSchema}, what the Spring Boot starter needs for IDE
 * support of the core's properties (below {@code wssgate.policies}, {@code wssgate.replay},
 * {@code wssgate.keys} and {@code wssgate.diagnostics}): one property class per section (package {@value JavaTypes#PACKAGE}, the root as
 * {@value #ROOT_CLASS}) and the additional configuration metadata. Run by the auto-configuration
 * module's build before it compiles; arguments: the generated-sources directory and the class
 * output directory (where Spring's annotation processor looks for the additional metadata).
 */
public final class GenerateMetadata {
    static final String PREFIX = "wssgate";
    static final String ROOT_CLASS = "WssGateCoreProperties";
    static final String ADDITIONAL_METADATA = "META-INF/additional-spring-configuration-metadata.json";

    private GenerateMetadata() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: GenerateMetadata <generated-sources dir> <class output dir>");
        }
        Map<String, String> files = files();
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path target = Path.of(file.getKey().endsWith(".java") ? args[0] : args[1]).resolve(file.getKey());
            write(target, file.getValue());
        }
    }

    /** Relative path to content: the Java sources and the metadata file. */
    static Map<String, String> files() {
        Map<String, String> out = new LinkedHashMap<>();
        String dir = JavaTypes.PACKAGE.replace('.', '/') + "/";
        out.put(dir + ROOT_CLASS + ".java", PropertiesSource.root(ConfigSchema.root(), ROOT_CLASS, PREFIX));
        Map<String, Section> sections = new LinkedHashMap<>();
        ConfigSchema.root().keys().forEach(key -> sectionsOf(key.type(), sections));
        sections.values().forEach(section ->
                out.put(dir + JavaTypes.className(section) + ".java", PropertiesSource.section(section)));
        out.put(ADDITIONAL_METADATA, AdditionalMetadata.json(PREFIX));
        return out;
    }

    /** Every section below this type, once each; two different sections with one name would overwrite each other. */
    private static void sectionsOf(KeyType type, Map<String, Section> out) {
        KeyType inner = type instanceof ListOf list ? list.element() : type instanceof MapOf map ? map.value() : type;
        if (!(inner instanceof Section section)) {
            return;
        }
        Section known = out.putIfAbsent(section.name(), section);
        if (known != null && known != section) {
            throw new IllegalStateException("two sections are named " + section.name());
        }
        if (known == null) {
            for (Key key : section.keys()) {
                sectionsOf(key.type(), out);
            }
        }
    }

    /** Writes only when the content changed, so an unchanged schema does not make the compiler start over. */
    private static void write(Path target, String content) throws IOException {
        if (Files.exists(target) && Files.readString(target, StandardCharsets.UTF_8).equals(content)) {
            return;
        }
        Files.createDirectories(target.getParent());
        Files.writeString(target, content, StandardCharsets.UTF_8);
    }
}
