package io.wssgate.spring;

import io.wssgate.GateObserver;
import io.wssgate.WssGate;
import io.wssgate.config.ConfigurationException;
import io.wssgate.config.Problems;
import io.wssgate.config.WssGateConfig;
import io.wssgate.config.load.ConfigLoader;
import io.wssgate.spi.ReplayCache;
import io.wssgate.spring.properties.WssGateProperties;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The WSS Gate engine, built from the {@code wssgate.policies.*}, {@code wssgate.replay.*} and
 * {@code wssgate.keys.*} properties through the core's own loader (one binding path: the same key
 * names, defaults and error messages as the YAML file), with the application's
 * {@link ReplayCache} bean as the replay store if it defines one. Backs off when the application
 * defines its own {@link WssGate} bean.
 */
@AutoConfiguration
@ConditionalOnProperty(prefix = "wssgate", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(WssGateProperties.class)
public class WssGateAutoConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(WssGateAutoConfiguration.class);

    /**
     * Fails start-up with every problem of the configuration (bad values, missing or expired key
     * material), which {@link WssGateConfigurationFailureAnalyzer} lists by property name.
     */
    @Bean
    @ConditionalOnMissingBean
    public WssGate wssGate(Environment environment, ObjectProvider<GateObserver> observers,
                           ObjectProvider<ReplayCache> replayCaches) {
        EnvironmentKeys.Collected collected = EnvironmentKeys.collect(environment);
        // relative file names in the properties resolve against the working directory
        Path baseDir = Path.of("").toAbsolutePath();
        Problems problems = new Problems();
        Map<String, String> origins = new LinkedHashMap<>(collected.origins());
        // a misspelled starter key (wssgate.secuirty.enabled) fails like a misspelled engine key
        StarterKeys.check(environment, problems, origins);
        try {
            WssGateConfig config = ConfigLoader.fromProperties(collected.keys(), baseDir,
                    EnvironmentKeys.variables(environment), problems);
            config = ApplicationReplayCache.apply(config, replayCaches.getIfAvailable(), collected.keys(), problems);
            // Spring closes the bean (AutoCloseable) with the context, which stops the key-file watcher
            WssGate gate = WssGate.create(config, Clock.systemUTC(), problems, observers.orderedStream().toList());
            LOG.info("WSS Gate started with policies {}", config.policies().stream().map(p -> p.name()).toList());
            return gate;
        } catch (ConfigurationException e) {
            throw new InvalidWssGatePropertiesException(e, origins);
        }
    }
}
