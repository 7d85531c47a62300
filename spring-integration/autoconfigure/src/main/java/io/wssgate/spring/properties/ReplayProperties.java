package io.wssgate.spring.properties;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where admitted timestamps, nonces and single-use assertion IDs are remembered: the root
 * {@code replay} keys of the YAML configuration. An application's {@code ReplayCache} bean
 * replaces these properties (setting both fails start-up).
 */
public class ReplayProperties {

    /**
     * The store: memory (one bounded store per policy in each node, so a message accepted by one
     * node is not a replay for another) or jcache (one JSR-107 cache shared by every policy and
     * node).
     */
    private String cache = "memory";

    /** The in-memory store (replay.cache: memory). */
    private final Memory memory = new Memory();

    /** The JCache store (replay.cache: jcache). */
    private final JCache jcache = new JCache();

    public String getCache() {
        return cache;
    }

    public void setCache(String cache) {
        this.cache = cache;
    }

    public Memory getMemory() {
        return memory;
    }

    public JCache getJcache() {
        return jcache;
    }

    /** One bounded store per policy. */
    public static class Memory {
        /**
         * Entries per policy; when full of live entries new messages are refused. Size it above
         * the messages a policy accepts within one Timestamp lifetime.
         */
        private int maxEntries = 100_000; // ReplayConfig.DEFAULT_MAX_ENTRIES, written out so the metadata shows it

        public int getMaxEntries() {
            return maxEntries;
        }

        public void setMaxEntries(int maxEntries) {
            this.maxEntries = maxEntries;
        }
    }

    /** A JCache cache looked up at start-up; needs javax.cache:cache-api and a provider. */
    public static class JCache {
        /**
         * The cache; the provider's own configuration must define it, with an entry limit (the
         * engine never creates it).
         */
        private String cacheName = "wssgate-replay"; // ReplayConfig.DEFAULT_CACHE_NAME

        /**
         * The CachingProvider class; name it, since WSS4J brings Ehcache, a second (in-process)
         * provider.
         */
        private String provider;

        /** Handed to the provider's getCacheManager, e.g. its configuration file. */
        private String uri;

        /** Handed to the provider's getCacheManager, e.g. hazelcast.instance.name. */
        private Map<String, String> properties = new LinkedHashMap<>();

        public String getCacheName() {
            return cacheName;
        }

        public void setCacheName(String cacheName) {
            this.cacheName = cacheName;
        }

        public String getProvider() {
            return provider;
        }

        public void setProvider(String provider) {
            this.provider = provider;
        }

        public String getUri() {
            return uri;
        }

        public void setUri(String uri) {
            this.uri = uri;
        }

        public Map<String, String> getProperties() {
            return properties;
        }

        public void setProperties(Map<String, String> properties) {
            this.properties = properties;
        }
    }
}
