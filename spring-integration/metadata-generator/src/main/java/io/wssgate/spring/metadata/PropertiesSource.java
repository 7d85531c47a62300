package io.wssgate.spring.metadata;

import io.wssgate.config.schema.Key;
import io.wssgate.config.schema.KeyType.Section;

/**
 * The Java source of one generated property class: a field with the key's description as its
 * Javadoc (the IDE's documentation of the key) and a getter and setter per key. Spring's
 * annotation processor reads these classes for the metadata of the keys it can reach, and IDEs
 * resolve the keys below a policy name from them.
 */
final class PropertiesSource {
    private PropertiesSource() {
    }

    /** A plain class for a section. */
    static String section(Section section) {
        return render(section, JavaTypes.className(section), null);
    }

    /** The class bearing {@code @ConfigurationProperties(prefix)} for the root section. */
    static String root(Section section, String className, String prefix) {
        return render(section, className, prefix);
    }

    private static String render(Section section, String className, String prefix) {
        StringBuilder out = new StringBuilder();
        out.append("package ").append(JavaTypes.PACKAGE).append(";\n\n");
        out.append("import java.time.Duration;\n");
        out.append("import java.util.ArrayList;\n");
        out.append("import java.util.LinkedHashMap;\n");
        out.append("import java.util.List;\n");
        out.append("import java.util.Map;\n");
        if (prefix != null) {
            out.append("import org.springframework.boot.context.properties.ConfigurationProperties;\n");
        }
        out.append("import org.springframework.boot.context.properties.NestedConfigurationProperty;\n");
        out.append("import org.springframework.boot.context.properties.bind.Name;\n\n");
        out.append(javadoc("", section.description()
                + (prefix == null ? "" : " These keys are handed to the WSS Gate core's configuration loader; this"
                        + " class only describes them for IDEs and is never bound.")
                + " Generated at build time from io.wssgate.config.schema.ConfigSchema: do not edit."));
        if (prefix != null) {
            out.append("@ConfigurationProperties(prefix = ").append(JavaTypes.quoted(prefix)).append(")\n");
        }
        out.append("public class ").append(className).append(" {\n");
        for (Key key : section.keys()) {
            field(key, out);
        }
        for (Key key : section.keys()) {
            accessors(key, out);
        }
        out.append("}\n");
        return out.toString();
    }

    private static void field(Key key, StringBuilder out) {
        out.append('\n').append(javadoc("    ", key.description()));
        if (key.type() instanceof Section) {
            out.append("    @NestedConfigurationProperty\n");
        }
        if (JavaTypes.renamed(key)) {
            out.append("    @Name(").append(JavaTypes.quoted(key.name())).append(")\n");
        }
        out.append("    private ").append(JavaTypes.sourceType(key.type())).append(' ').append(JavaTypes.fieldName(key));
        String initializer = JavaTypes.initializer(key);
        if (initializer != null) {
            out.append(" = ").append(initializer);
        }
        out.append(";\n");
    }

    private static void accessors(Key key, StringBuilder out) {
        String type = JavaTypes.sourceType(key.type());
        String field = JavaTypes.fieldName(key);
        String suffix = JavaTypes.capitalized(field);
        out.append("\n    public ").append(type).append(" get").append(suffix).append("() {\n")
                .append("        return ").append(field).append(";\n    }\n");
        out.append("\n    public void set").append(suffix).append('(').append(type).append(' ').append(field)
                .append(") {\n        this.").append(field).append(" = ").append(field).append(";\n    }\n");
    }

    /** A Javadoc comment; the text is plain, so HTML and Javadoc syntax in it are escaped. */
    static String javadoc(String indent, String text) {
        String escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("@", "&#64;").replace("*/", "*&#47;");
        return indent + "/** " + escaped + " */\n";
    }
}
