package io.wssgate.testing;

import com.hazelcast.config.CacheSimpleConfig;
import com.hazelcast.config.Config;
import com.hazelcast.config.EvictionConfig;
import com.hazelcast.config.EvictionPolicy;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MaxSizePolicy;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Embedded Hazelcast members forming one cluster on loopback only: TCP-IP join to 127.0.0.1,
 * no multicast, no auto-detection, no phone-home, a cluster name of its own so parallel test
 * runs never meet. Each member defines the replay cache {@value #CACHE_NAME}, bounded by entry
 * count as a deployment should bound it.
 */
public final class HazelcastCluster implements AutoCloseable {
    public static final String CACHE_NAME = "wssgate-replay";
    /** The embedded-member JCache provider (the client one would need a separate cluster). */
    public static final String PROVIDER = "com.hazelcast.cache.impl.HazelcastServerCachingProvider";

    private final List<HazelcastInstance> members;

    private HazelcastCluster(List<HazelcastInstance> members) {
        this.members = members;
    }

    /** Starts one member per name, in parallel, and returns once they all see each other. */
    public static HazelcastCluster start(String... memberNames) throws IOException {
        String cluster = "wssgate-test-" + UUID.randomUUID();
        List<Integer> ports = new ArrayList<>();
        for (int i = 0; i < memberNames.length; i++) {
            ports.add(freePort());
        }
        List<CompletableFuture<HazelcastInstance>> starting = new ArrayList<>();
        for (int i = 0; i < memberNames.length; i++) {
            Config config = config(cluster, memberNames[i], ports.get(i), ports);
            starting.add(CompletableFuture.supplyAsync(() -> Hazelcast.newHazelcastInstance(config)));
        }
        List<HazelcastInstance> members = starting.stream().map(CompletableFuture::join).toList();
        HazelcastCluster started = new HazelcastCluster(members);
        started.awaitSize(memberNames.length);
        return started;
    }

    private static Config config(String cluster, String name, int port, List<Integer> allPorts) {
        Config config = new Config();
        config.setClusterName(cluster);
        config.setInstanceName(name);
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.logging.type", "slf4j");
        config.setProperty("hazelcast.wait.seconds.before.join", "0");
        config.setProperty("hazelcast.socket.bind.any", "false");
        config.setProperty("hazelcast.local.localAddress", "127.0.0.1");
        config.setProperty("hazelcast.shutdownhook.enabled", "false");
        config.setProperty("hazelcast.partition.count", "31");
        NetworkConfig network = config.getNetworkConfig();
        network.setPort(port).setPortAutoIncrement(false);
        network.getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        network.getRestApiConfig().setEnabled(false);
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true);
        allPorts.forEach(p -> join.getTcpIpConfig().addMember("127.0.0.1:" + p));
        config.getJetConfig().setEnabled(false);
        config.addCacheConfig(new CacheSimpleConfig().setName(CACHE_NAME).setBackupCount(1)
                .setEvictionConfig(new EvictionConfig().setEvictionPolicy(EvictionPolicy.LRU)
                        .setMaxSizePolicy(MaxSizePolicy.ENTRY_COUNT).setSize(10_000)));
        return config;
    }

    private void awaitSize(int size) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (members.stream().anyMatch(m -> m.getCluster().getMembers().size() < size)) {
            if (System.nanoTime() > deadline) {
                close();
                throw new IllegalStateException("the members did not form one cluster of " + size);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /**
     * The flat configuration keys that make a WSS Gate node use this cluster's replay cache
     * through the named member (as each node of a real cluster uses its own embedded member).
     */
    public static Map<String, String> replayKeys(String memberName) {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("replay.cache", "jcache");
        keys.put("replay.jcache.cache-name", CACHE_NAME);
        keys.put("replay.jcache.provider", PROVIDER);
        keys.put("replay.jcache.properties.hazelcast.instance.name", memberName);
        return keys;
    }

    @Override
    public void close() {
        members.forEach(HazelcastInstance::shutdown);
    }
}
