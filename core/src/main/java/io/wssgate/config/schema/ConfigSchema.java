package io.wssgate.config.schema;

import static io.wssgate.config.schema.Define.DURATION;
import static io.wssgate.config.schema.Define.FILE;
import static io.wssgate.config.schema.Define.TEXT;
import static io.wssgate.config.schema.Define.URI;
import static io.wssgate.config.schema.Define.choice;
import static io.wssgate.config.schema.Define.flag;
import static io.wssgate.config.schema.Define.key;
import static io.wssgate.config.schema.Define.listOf;
import static io.wssgate.config.schema.Define.mapOf;
import static io.wssgate.config.schema.Define.oneOf;
import static io.wssgate.config.schema.Define.section;

import io.wssgate.config.CaptureConfig;
import io.wssgate.config.ReplayConfig;
import io.wssgate.config.schema.KeyType.ListOf;
import io.wssgate.config.schema.KeyType.MapOf;
import io.wssgate.config.schema.KeyType.Scalar;
import io.wssgate.config.schema.KeyType.Section;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every configuration key WSS Gate knows: name, type, default and a one-line description. The
 * loader's binders accept exactly these keys (they take the allowed names of each section from
 * here), the Spring Boot starter's IDE metadata and property classes are generated from it, and
 * the configuration reference in the documentation is checked against it.
 *
 * <p>Written as Java rather than a resource file so the compiler checks it, shared sections
 * (a key, a keystore, STS credentials) are one object referenced wherever they appear, and
 * choices and defaults come from the model's own constants where it has them.
 *
 * <p>Key paths are written as patterns: {@code *} stands for a name the user chooses (a policy,
 * an attribute), {@code [*]} for a list index, e.g. {@code policies.*.saml.issuers[*].name}.
 */
public final class ConfigSchema {
    private static final Section POLICY = section("Policy",
            "One named policy: which paths it guards, what inbound messages must carry, what outbound ones get.",
            key("paths", listOf(Scalar.of(ValueKind.URL_PATTERN)),
                    "Servlet URL patterns this policy guards; policies are matched in declaration order.")
                    .defaultNote("none: guards no path (a client or JAX-WS policy, used by name)"),
            flag("allow-wsdl-get", true, "Whether GET ?wsdl and ?xsd= pass through to the application."),
            key("wsdl", section("Wsdl", "The endpoint's WSDL: WS-SecurityPolicy published in it, and checked against it.",
                    flag("publish-policy", false,
                            "Whether GET ?wsdl answers (and, with the Spring Boot starter, Spring-WS WSDL definitions) "
                                    + "carry the WS-SecurityPolicy this policy enforces, per operation."),
                    key("location", TEXT,
                            "The endpoint's WSDL (classpath:name or a file), compared with this policy at start-up.")
                            .defaultNote("none: nothing is compared"),
                    key("policy-mismatch", oneOf(
                            choice(io.wssgate.config.WsdlPolicy.Mismatch.WARN.key(), "log each difference and start"),
                            choice(io.wssgate.config.WsdlPolicy.Mismatch.FAIL.key(), "refuse to start, listing each difference")),
                            "What a difference between the WSDL's WS-SecurityPolicy and this policy does at start-up.")
                            .byDefault(io.wssgate.config.WsdlPolicy.Mismatch.WARN.key())),
                    "The endpoint's WSDL and the WS-SecurityPolicy in it."),
            key("security-header", InboundSchema.SECURITY_HEADER, "Which Security header is ours, and its layout."),
            key("limits", InboundSchema.LIMITS, "Limits checked before and while parsing."),
            key("attachments", InboundSchema.ATTACHMENTS, "MIME packages (SwA, MTOM) and their bounds (off by default)."),
            key("timestamp", InboundSchema.TIMESTAMP, "Rules for the wsu:Timestamp."),
            key("signature", InboundSchema.SIGNATURE, "Rules for XML signatures."),
            key("trust", InboundSchema.TRUST, "Who may sign messages."),
            key("saml", InboundSchema.SAML, "SAML assertions accepted."),
            key("username-token", InboundSchema.USERNAME_TOKEN, "UsernameToken authentication (off by default)."),
            key("decryption", InboundSchema.DECRYPTION, "Decryption of encrypted parts (off without a key)."),
            key("roles", InboundSchema.ROLES, "Where the principal's roles come from."),
            key("require", OperationSchema.REQUIRE, "Who may call any operation of this policy.")
                    .defaultNote("everyone the policy authenticates"),
            key("required-headers", listOf(Scalar.of(ValueKind.QNAME)),
                    "Header blocks, as {namespace}LocalName, every request must carry exactly once.").defaultNote("none"),
            key("addressing", OperationSchema.ADDRESSING, "What the request's WS-Addressing headers must be."),
            key("operations", mapOf(OperationSchema.OPERATION),
                    "Operations by name: how each is recognised and the rules that replace the policy's for it."),
            key("unknown-operations", OperationSchema.unknownOperations(),
                    "What a request that is none of the operations gets (only with operations).")
                    .byDefault(io.wssgate.config.UnknownOperations.REFUSE.key()),
            key("outbound", OutboundSchema.OUTBOUND, "What this side adds to the messages it sends."));

    private static final Section REPLAY = section("Replay",
            "Where admitted timestamps, nonces and single-use assertion IDs are remembered; shared by every policy.",
            key("cache", oneOf(choice("memory", "one bounded store per policy in each node"),
                    choice("jcache", "one JSR-107 cache shared by every policy and node")), "The replay store.")
                    .byDefault("memory"),
            key("memory", section("ReplayMemory", "The in-memory store (cache: memory).",
                    key("max-entries", Define.POSITIVE_INTEGER,
                            "Entries per policy; when full of live entries new messages are refused.")
                            .byDefault(String.valueOf(ReplayConfig.DEFAULT_MAX_ENTRIES))),
                    "The in-memory store (cache: memory)."),
            key("jcache", section("ReplayJCache",
                    "A JCache cache looked up at start-up (cache: jcache); needs javax.cache:cache-api and a provider.",
                    key("cache-name", TEXT, "The cache; the provider's own configuration must define it, with an entry limit.")
                            .byDefault(ReplayConfig.DEFAULT_CACHE_NAME),
                    key("provider", Define.CLASS_NAME, "The CachingProvider class; name it (WSS4J brings Ehcache too).")
                            .defaultNote("the only provider on the class path"),
                    key("uri", URI, "Handed to the provider's getCacheManager, e.g. its configuration file."),
                    key("properties", mapOf(TEXT), "Handed to the provider's getCacheManager, e.g. hazelcast.instance.name.")),
                    "The JCache store (cache: jcache)."));

    private static final Section DIAGNOSTICS = section("Diagnostics",
            "What a server keeps to explain its decisions afterwards.",
            key("capture-rejected", section("CaptureRejected",
                    "Rejected requests written to files, named by correlation id, for wssgate explain (off without a directory).",
                    key("directory", FILE, "Directory of the captures: created owner-only; an existing one must not be open to others.")
                            .defaultNote("none: nothing is captured"),
                    key("max-files", Define.POSITIVE_INTEGER, "Most captures kept; the oldest is deleted first.")
                            .byDefault(String.valueOf(CaptureConfig.DEFAULT_MAX_FILES)),
                    key("max-age", DURATION, "Captures older than this are deleted.").byDefault("7d"),
                    flag("redact-body", true, "Whether the SOAP Body's content is removed before a capture is written.")),
                    "Rejected requests written to files for wssgate explain (off without a directory)."));

    private static final Section ROOT = section("WssGate", "The whole configuration.",
            flag("fips", false, "FIPS mode: only FIPS-approved algorithms, on a FIPS provider (also -Dwssgate.fips=true)."),
            key("keys", section("Keys", "Key and trust files.",
                    key("reload-interval", Scalar.of(ValueKind.DURATION_OR_OFF),
                            "How often key and trust files are checked for replacement; 0 or off: read once at start-up.")
                            .byDefault("30s")),
                    "Key and trust files."),
            key("policies", mapOf(POLICY), "Policies by name, matched in declaration order against request paths.")
                    .defaultNote("required"),
            key("replay", REPLAY, "The replay store shared by every policy."),
            key("diagnostics", DIAGNOSTICS, "What a server keeps to explain its decisions afterwards."));

    private static final List<Entry> ENTRIES = collectEntries();

    private ConfigSchema() {
    }

    /** The root section: {@code keys}, {@code policies}, {@code replay} and {@code diagnostics}. */
    public static Section root() {
        return ROOT;
    }

    /** The section of one policy, the value type of {@code policies}. */
    public static Section policy() {
        return POLICY;
    }

    /** One key at its place in the tree: {@code path} is a pattern such as {@code policies.*.timestamp.max-age}. */
    public record Entry(String path, Key key) {
    }

    /**
     * Every key in document order, sections included (each before its keys). Entries below a
     * list of sections or a map of sections carry {@code [*]} or {@code .*} in their path.
     */
    public static List<Entry> entries() {
        return ENTRIES;
    }

    /** The keys that hold values (the leaves): what a configuration actually sets. */
    public static List<Entry> leaves() {
        return entries().stream().filter(e -> e.key().isLeaf()).toList();
    }

    /** The entry with this path pattern, e.g. {@code policies.*.saml.issuers[*].name}. */
    public static Optional<Entry> entry(String pathPattern) {
        return entries().stream().filter(e -> e.path().equals(pathPattern)).findFirst();
    }

    private static List<Entry> collectEntries() {
        List<Entry> out = new ArrayList<>();
        collect(ROOT, "", out);
        return List.copyOf(out);
    }

    private static void collect(Section section, String prefix, List<Entry> out) {
        for (Key key : section.keys()) {
            String path = prefix.isEmpty() ? key.name() : prefix + "." + key.name();
            out.add(new Entry(path, key));
            below(key.type(), path, out);
        }
    }

    private static void below(KeyType type, String path, List<Entry> out) {
        if (type instanceof Section section) {
            collect(section, path, out);
        } else if (type instanceof ListOf list && list.element() instanceof Section section) {
            collect(section, path + "[*]", out);
        } else if (type instanceof MapOf map && map.value() instanceof Section section) {
            collect(section, path + ".*", out);
        }
    }
}
