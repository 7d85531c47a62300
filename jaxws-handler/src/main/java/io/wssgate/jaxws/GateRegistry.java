package io.wssgate.jaxws;

import io.wssgate.PolicyRuntime;
import io.wssgate.WssGate;
import io.wssgate.config.ConfigurationException;
import io.wssgate.config.Problems;
import io.wssgate.observe.DiscoveredObservers;
import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import io.wssgate.log.GateLog;

/**
 * One {@link WssGate} per configuration file, shared by every endpoint and client that names it.
 *
 * <p>Why a cache: nothing here is created by the application. Metro instantiates the tubeline
 * decorator itself, anew for each endpoint it deploys, and clients secure ports wherever they
 * create them. Building a gate per endpoint or per port would load and check all key material
 * again each time and, worse, give each its own replay caches, so a message replayed to a
 * second endpoint of the same policy would be accepted there once more. Keyed by the file or
 * resource URL; a configuration that fails to load is not cached, so a corrected file is
 * picked up at the next deployment.
 */
public final class GateRegistry {
    private static final GateLog LOG = GateLog.of(GateRegistry.class);
    private static final ConcurrentMap<String, WssGate> GATES = new ConcurrentHashMap<>();

    private GateRegistry() {
    }

    /**
     * The gate of the configuration at {@code location} (a file path or {@code classpath:name};
     * null or blank: found the default way, see {@link WssGateEndpoint#config()}).
     *
     * @throws ConfigurationException listing every problem of the configuration
     */
    public static WssGate gate(String location, ClassLoader loader) {
        Problems problems = new Problems();
        ConfigLocation found = ConfigLocation.resolve(location, "config", loaderOrDefault(loader), problems)
                .orElse(null);
        problems.throwIfAny();
        return GATES.computeIfAbsent(found.key(), key -> load(found, observerLoader(loader)));
    }

    /**
     * Where META-INF/services/io.wssgate.GateObserver is looked up: the thread's context class
     * loader, which a container sets to the web application's while it deploys endpoints and
     * serves requests, else the loader that found the configuration.
     */
    private static ClassLoader observerLoader(ClassLoader loader) {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : loaderOrDefault(loader);
    }

    /**
     * The named policy of that configuration.
     *
     * @throws ConfigurationException if the configuration is unusable or has no such policy
     */
    public static PolicyRuntime policy(String location, String policyName, ClassLoader loader) {
        WssGate gate = gate(location, loader);
        return gate.policy(policyName).orElseThrow(() -> {
            Problems problems = new Problems();
            problems.add("policies", "no policy named '" + policyName + "' (configured: "
                    + gate.policies().stream().map(PolicyRuntime::name).toList() + ")");
            return new ConfigurationException(problems.list());
        });
    }

    private static WssGate load(ConfigLocation location, ClassLoader observers) {
        Problems problems = new Problems();
        WssGate gate = WssGate.create(location.load(problems), Clock.systemUTC(), problems,
                DiscoveredObservers.load(observers));
        LOG.info("WSS Gate loaded {} with policies {}", location,
                gate.policies().stream().map(PolicyRuntime::name).toList());
        return gate;
    }

    private static ClassLoader loaderOrDefault(ClassLoader loader) {
        return loader != null ? loader : GateRegistry.class.getClassLoader();
    }
}
