package io.wssgate.spring;

import io.wssgate.config.Problems;
import io.wssgate.config.ReplayConfig;
import io.wssgate.config.WssGateConfig;
import io.wssgate.spi.ReplayCache;
import java.util.Map;

/**
 * An application's {@link ReplayCache} bean becomes the replay store of every policy
 * ({@link ReplayConfig.Shared}). Setting {@code wssgate.replay.*} as well is a start-up error,
 * not a silent choice: the store decides whether the nodes of a cluster see each other's
 * messages, and properties are often set by operators (environment, config server) who cannot
 * see the bean, so quietly ignoring either side could leave a cluster replayable while its
 * configuration says otherwise.
 */
final class ApplicationReplayCache {
    private static final String REPLAY = "replay";

    private ApplicationReplayCache() {
    }

    /**
     * @param bean the application's store, or null
     * @param keys the collected core keys, to see whether {@code replay.*} was set
     */
    static WssGateConfig apply(WssGateConfig config, ReplayCache bean, Map<String, String> keys, Problems problems) {
        if (bean == null) {
            return config;
        }
        if (keys.keySet().stream().anyMatch(k -> k.equals(REPLAY) || k.startsWith(REPLAY + "."))) {
            problems.add(REPLAY, "the application defines a ReplayCache bean (" + bean.getClass().getName()
                    + "), which is the replay store; remove these properties or the bean");
        }
        return config.withReplay(new ReplayConfig.Shared(bean));
    }
}
