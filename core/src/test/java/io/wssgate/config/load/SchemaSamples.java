package io.wssgate.config.load;

import io.wssgate.config.schema.ConfigSchema;
import io.wssgate.config.schema.Key;
import io.wssgate.config.schema.KeyType;
import io.wssgate.config.schema.KeyType.ListOf;
import io.wssgate.config.schema.KeyType.MapOf;
import io.wssgate.config.schema.KeyType.Scalar;
import io.wssgate.config.schema.KeyType.Section;
import io.wssgate.config.schema.ValueKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Configurations built from the {@link ConfigSchema} alone: one value of the right kind for every
 * key, in the YAML tree shape, as flat keys, and as YAML text. A test that feeds them to the
 * loader proves the binders and the schema agree without listing a key by hand.
 */
final class SchemaSamples {
    static final String POLICY = "p";
    /** A key no section has; placed in every section by {@link #everything}. */
    static final String BOGUS = "zz-not-a-key";
    /** Every file key names this file (written by the test), which also serves as a password file and a passwords file. */
    static final String SAMPLE_FILE = "sample.txt";
    static final String SAMPLE_FILE_CONTENT = "user=password\n";

    /**
     * Which of the mutually exclusive forms a valid sample uses: the keystore or PEM form of
     * every private key, secrets inline or in files, STS authentication by password or
     * signature, UsernameToken passwords from a file or a class, the replay store, and the
     * outbound token's source.
     */
    record Variant(String name, boolean pemKeys, boolean secretFiles, boolean stsBySignature, boolean passwordClass,
                   String replayCache, String tokenSource, boolean tokenKeystores) {
        Variant(String name, boolean pemKeys, boolean secretFiles, boolean stsBySignature, boolean passwordClass,
                String replayCache, String tokenSource) {
            this(name, pemKeys, secretFiles, stsBySignature, passwordClass, replayCache, tokenSource, false);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** Between them, every key of every section, and every section at every place it appears. */
    static final List<Variant> VARIANTS = List.of(
            new Variant("keystore keys, inline secrets, self-issued token", false, false, false, false, "memory",
                    "self-issued"),
            new Variant("PEM keys, secret files, STS token by signature", true, true, true, true, "jcache", "sts"),
            new Variant("PKCS#11 token keys, secret files, STS token by signature", false, true, true, false, "memory", "sts",
                    true),
            new Variant("PEM keys, inline secrets, custom token", true, false, false, true, "jcache", "custom"),
            new Variant("PKCS#11 token keys, inline secrets, self-issued token", false, false, false, false, "memory",
                    "self-issued", true),
            new Variant("keystore keys, secret files, propagated token", false, true, false, false, "memory",
                    "propagated"));

    /** A sample tree and the paths of the values in it (e.g. {@code policies.p.saml.issuers[0].name}). */
    record Sample(Map<String, Object> tree, List<String> leafPaths) {
        Map<String, String> flat() {
            Map<String, String> out = new LinkedHashMap<>();
            flatten(tree, "", out);
            return out;
        }

        String yaml() {
            DumperOptions options = new DumperOptions();
            options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
            return new Yaml(options).dump(tree);
        }
    }

    private interface Rules {
        boolean include(Section section, Key key);

        Optional<String> value(String pattern);

        boolean bogusKeys();
    }

    private SchemaSamples() {
    }

    /**
     * Every key of the schema at once, each exclusive form included (so not a valid
     * configuration), with {@link #BOGUS} in every section. Only the token source and the
     * replay store are chosen, since they decide which sections the binders visit.
     */
    static Sample everything(String tokenSource, String replayCache) {
        return build(new Rules() {
            @Override
            public boolean include(Section section, Key key) {
                return true;
            }

            @Override
            public Optional<String> value(String pattern) {
                return chosen(pattern, tokenSource, replayCache);
            }

            @Override
            public boolean bogusKeys() {
                return true;
            }
        });
    }

    /** A valid configuration in the given forms. */
    static Sample valid(Variant variant) {
        return valid(variant, false);
    }

    /** A configuration in the given forms, valid but for {@link #BOGUS} in every section if {@code bogusKeys}. */
    static Sample valid(Variant variant, boolean bogusKeys) {
        return build(new Rules() {
            @Override
            public boolean include(Section section, Key key) {
                return included(variant, section, key.name());
            }

            @Override
            public Optional<String> value(String pattern) {
                if (variant.tokenKeystores() && pattern.endsWith(".keystore.type")) {
                    return Optional.of("PKCS11");
                }
                return chosen(pattern, variant.tokenSource(), variant.replayCache());
            }

            @Override
            public boolean bogusKeys() {
                return bogusKeys;
            }
        });
    }

    private static Optional<String> chosen(String pattern, String tokenSource, String replayCache) {
        return switch (pattern) {
            case "policies.*.outbound.token.source" -> Optional.of(tokenSource);
            case "replay.cache" -> Optional.of(replayCache);
            // FIPS mode changes algorithm defaults; the schema's literal defaults are those without it
            case "fips" -> Optional.of("false");
            default -> Optional.empty();
        };
    }

    private static boolean included(Variant v, Section section, String key) {
        return switch (section.name()) {
            case "Key" -> v.pemKeys()
                    ? Set.of("private-key", "certificate", v.secretFiles() ? "password-file" : "password").contains(key)
                    : Set.of("keystore", "alias", v.secretFiles() ? "key-password-file" : "key-password").contains(key);
            case "Keystore" -> v.tokenKeystores()
                    ? Set.of("type", "provider-config", v.secretFiles() ? "pin-file" : "pin").contains(key)
                    : Set.of("path", "type", v.secretFiles() ? "password-file" : "password").contains(key);
            // the same list in two places: the older trust.crls in one form, revocation.crls in the other
            case "Trust" -> !key.equals("crls") || v.secretFiles();
            case "Revocation" -> !key.equals("crls") || !v.secretFiles();
            case "StsAuthentication" -> v.stsBySignature() ? key.equals("key")
                    : Set.of("username", "password-type", v.secretFiles() ? "password-file" : "password").contains(key);
            case "UsernameToken" -> !key.equals(v.passwordClass() ? "passwords" : "password-source");
            case "Replay" -> !key.equals(v.replayCache().equals("memory") ? "jcache" : "memory");
            case "OutboundToken" -> switch (key) {
                case "class" -> v.tokenSource().equals("custom");
                case "saml" -> v.tokenSource().equals("self-issued");
                case "sts" -> v.tokenSource().equals("sts");
                default -> true;
            };
            default -> true;
        };
    }

    private static Sample build(Rules rules) {
        List<String> leaves = new ArrayList<>();
        Map<String, Object> tree = section(ConfigSchema.root(), "", "", rules, leaves);
        return new Sample(tree, leaves);
    }

    private static Map<String, Object> section(Section section, String pattern, String path, Rules rules,
                                               List<String> leaves) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Key key : section.keys()) {
            if (rules.include(section, key)) {
                String keyPattern = join(pattern, key.name());
                String keyPath = join(path, key.name());
                out.put(key.name(), value(key.type(), keyPattern, keyPath, rules, leaves));
                if (key.isLeaf()) {
                    leaves.add(keyPath);
                }
            }
        }
        if (rules.bogusKeys()) {
            out.put(BOGUS, "x");
        }
        return out;
    }

    private static Object value(KeyType type, String pattern, String path, Rules rules, List<String> leaves) {
        if (type instanceof Section section) {
            return section(section, pattern, path, rules, leaves);
        }
        if (type instanceof ListOf list) {
            return List.of(value(list.element(), pattern + "[*]", path + "[0]", rules, leaves));
        }
        if (type instanceof MapOf map) {
            String name = map.value() instanceof Section ? POLICY : "k";
            Map<String, Object> out = new LinkedHashMap<>();
            out.put(name, value(map.value(), pattern + ".*", path + "." + name, rules, leaves));
            return out;
        }
        Scalar scalar = (Scalar) type;
        return rules.value(pattern).orElseGet(() -> sample(scalar));
    }

    /** A valid value of the kind. */
    static String sample(Scalar scalar) {
        return switch (scalar.kind()) {
            case STRING -> "sample";
            case SECRET -> "secret";
            case BOOLEAN -> "true";
            case POSITIVE_INTEGER -> "4096";
            case DURATION, DURATION_OR_OFF -> "2m";
            case SIZE -> "1MiB";
            case URI -> "urn:example:sample";
            case HTTP_URL -> "https://sample.example/services";
            case FILE -> SAMPLE_FILE;
            case CLASS_NAME -> SampleExtension.class.getName();
            case REGEX -> "CN=.*";
            case URL_PATTERN -> "/sample/*";
            case DISTINGUISHED_NAME -> "CN=sample";
            case MESSAGE_PART -> "Body";
            case QNAME -> "{urn:example:sample}sample";
            case CHOICE -> scalar.choices().get(0).value();
        };
    }

    /**
     * Flat keys as a web.xml would give them: nested keys dotted, a list of sections indexed as
     * {@code [0]}, a list of values as one comma-separated value (where the schema splits it).
     */
    @SuppressWarnings("unchecked")
    private static void flatten(Object value, String path, Map<String, String> out) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> flatten(v, join(path, String.valueOf(k)), out));
        } else if (value instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map<?, ?>) {
            for (int i = 0; i < list.size(); i++) {
                flatten(list.get(i), path + "[" + i + "]", out);
            }
        } else if (value instanceof List<?> list) {
            out.put(path, String.join(",", (List<String>) list));
        } else {
            out.put(path, String.valueOf(value));
        }
    }

    private static final Pattern SEGMENT = Pattern.compile("([^.\\[]+)|\\[(\\d+)]");

    /**
     * The schema pattern of a concrete key path: {@code policies.p.saml.issuers[0].name} gives
     * {@code policies.*.saml.issuers[*].name}. Names the schema does not know are kept as they are.
     */
    static String patternOf(String path) {
        StringBuilder out = new StringBuilder();
        KeyType type = ConfigSchema.root();
        Matcher m = SEGMENT.matcher(path);
        while (m.find()) {
            if (m.group(2) != null) {
                out.append("[*]");
                type = type instanceof ListOf list ? list.element() : null;
                continue;
            }
            String segment = m.group(1);
            if (type instanceof MapOf map) {
                if (!(map.value() instanceof Section section)) {
                    return out.toString(); // the rest names an entry of a map that is itself the leaf
                }
                out.append(".*");
                type = section;
                continue;
            }
            out.append(out.length() == 0 ? "" : ".").append(segment);
            type = type instanceof Section section ? section.key(segment).map(Key::type).orElse(null) : null;
        }
        return out.toString();
    }

    static String join(String prefix, String name) {
        return prefix.isEmpty() ? name : prefix + "." + name;
    }

    /** {@code Section.key} names of the schema, by the pattern of each key. */
    static Map<String, String> ownerByPattern() {
        Map<String, String> out = new LinkedHashMap<>();
        owners(ConfigSchema.root(), "", out);
        return out;
    }

    private static void owners(Section section, String pattern, Map<String, String> out) {
        for (Key key : section.keys()) {
            String keyPattern = join(pattern, key.name());
            out.put(keyPattern, section.name() + "." + key.name());
            KeyType type = key.type();
            if (type instanceof Section nested) {
                owners(nested, keyPattern, out);
            } else if (type instanceof ListOf list && list.element() instanceof Section nested) {
                owners(nested, keyPattern + "[*]", out);
            } else if (type instanceof MapOf map && map.value() instanceof Section nested) {
                owners(nested, keyPattern + ".*", out);
            }
        }
    }

    static boolean isChoice(KeyType type) {
        KeyType single = type instanceof ListOf list ? list.element() : type;
        return single instanceof Scalar scalar && scalar.kind() == ValueKind.CHOICE;
    }
}
