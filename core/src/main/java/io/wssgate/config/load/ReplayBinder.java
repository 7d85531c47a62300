package io.wssgate.config.load;

import io.wssgate.config.ReplayConfig;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Binds {@code replay}: which store replay detection uses, shared by every policy. */
final class ReplayBinder {
    private static final String MEMORY = "memory";
    private static final String JCACHE = "jcache";

    private ReplayBinder() {
    }

    static ReplayConfig replay(Node node) {
        if (!node.expectMap()) {
            return ReplayConfig.defaults();
        }
        String kind = node.get("cache").parse(ReplayBinder::kind).orElse(MEMORY);
        Node memory = node.get("memory");
        Node jcache = node.get("jcache");
        if (JCACHE.equals(kind)) {
            if (memory.present()) {
                memory.problem("only used with replay.cache: memory");
            }
            return jcache(jcache);
        }
        if (jcache.present()) {
            jcache.problem("only used with replay.cache: jcache");
        }
        return memory(memory);
    }

    private static String kind(String text) {
        if (MEMORY.equals(text) || JCACHE.equals(text)) {
            return text;
        }
        throw new IllegalArgumentException("unknown replay cache '" + text + "' (memory or jcache)");
    }

    private static ReplayConfig memory(Node node) {
        if (!node.expectMap()) {
            return ReplayConfig.defaults();
        }
        return new ReplayConfig.Memory(node.get("max-entries").parse(ValueParsers::positiveInt)
                .orElse(ReplayConfig.DEFAULT_MAX_ENTRIES));
    }

    private static ReplayConfig jcache(Node node) {
        if (node.present()) {
            node.expectMap();
        }
        Node name = node.get("cache-name");
        String cacheName = name.present() ? name.requiredText().orElse(ReplayConfig.DEFAULT_CACHE_NAME)
                : ReplayConfig.DEFAULT_CACHE_NAME;
        Optional<String> provider = node.get("provider").text().filter(t -> !t.isEmpty());
        Optional<URI> uri = node.get("uri").parse(ReplayBinder::uri);
        Map<String, String> properties = new LinkedHashMap<>();
        flatten(node.get("properties"), "", properties);
        return new ReplayConfig.JCache(cacheName, provider, uri, properties);
    }

    private static URI uri(String text) {
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("invalid URI '" + text + "': " + e.getReason());
        }
    }

    /**
     * Provider properties have dotted names ({@code hazelcast.instance.name}); flat keys turn
     * those dots into nesting, so nested maps are joined back into the dotted name here, which
     * makes YAML and flat keys give the same properties.
     */
    private static void flatten(Node node, String prefix, Map<String, String> out) {
        node.entries().forEach((key, child) -> {
            String name = prefix.isEmpty() ? key : prefix + "." + key;
            if (child.isMap()) {
                flatten(child, name, out);
            } else {
                child.text().ifPresent(value -> out.put(name, value));
            }
        });
    }
}
