package io.wssgate.observe;

import io.wssgate.GateObserver;
import io.wssgate.log.GateLog;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * The observers an application declares without code: every implementation named in a
 * {@code META-INF/services/io.wssgate.GateObserver} file its class loader sees, each created
 * through its public no-argument constructor, fresh for each engine. One that cannot be loaded
 * (e.g. the Micrometer observer in an application without Micrometer) is left out with a
 * warning; it never stops the application.
 */
public final class DiscoveredObservers {
    private static final GateLog LOG = GateLog.of(DiscoveredObservers.class);

    private DiscoveredObservers() {
    }

    public static List<GateObserver> load(ClassLoader loader) {
        List<GateObserver> found = new ArrayList<>();
        Iterator<GateObserver> providers = ServiceLoader.load(GateObserver.class, loader).iterator();
        // an error is followed by the next provider; the bound guards against a loader that never moves on
        for (int errors = 0; errors < 100; ) {
            try {
                if (!providers.hasNext()) {
                    break;
                }
                found.add(providers.next());
            } catch (ServiceConfigurationError | LinkageError e) {
                errors++;
                // the iterator goes on with the next provider after an error
                LOG.warn("WSS Gate: an observer named in META-INF/services/io.wssgate.GateObserver is left out: {}",
                        e.toString());
            }
        }
        if (!found.isEmpty()) {
            LOG.info("WSS Gate observers from META-INF/services: {}", found);
        }
        return List.copyOf(found);
    }
}
