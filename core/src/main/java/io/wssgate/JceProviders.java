package io.wssgate;

import java.security.Provider;
import java.security.Security;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes the JCE providers an application's libraries put into the JVM-wide provider list back
 * out when the application goes away. WSS4J's initialisation registers its STR and attachment
 * transforms and Santuario's ApacheXMLDSig from whatever class loader loaded WSS4J; on an app
 * server that is the application's loader, and the provider list, a JVM-wide static, then keeps
 * that loader (and every class it loaded) alive after undeploy; the next deployment even runs on
 * the first one's classes. Only providers whose class was loaded by the application's loader
 * (or a loader below it) are removed, so a provider the server itself installed, or another
 * application's, stays.
 *
 * <p>WSS4J registers its transforms by removing whatever provider of the same name is installed
 * (the server's own WSS4J, on WildFly) and adding its own. Removing the application's would then
 * leave the server without them, so a snapshot taken when the application starts
 * ({@link #snapshot()}) lets {@link #removeLoadedBy(ClassLoader, List)} put back the providers
 * the application displaced.
 */
public final class JceProviders {
    private static final Logger LOG = LoggerFactory.getLogger(JceProviders.class);

    private JceProviders() {
    }

    /** The providers registered now, to restore the displaced ones later. */
    public static List<Provider> snapshot() {
        return List.of(Security.getProviders());
    }

    /**
     * {@link #removeLoadedBy(ClassLoader)}, then registers again each provider of {@code before}
     * (not the application's) whose name no provider holds any more: those the application's
     * libraries displaced.
     */
    public static synchronized List<String> removeLoadedBy(ClassLoader applicationLoader, List<Provider> before) {
        List<String> removed = removeLoadedBy(applicationLoader);
        for (Provider provider : before) {
            if (Security.getProvider(provider.getName()) == null
                    && !loadedBy(provider.getClass().getClassLoader(), applicationLoader)) {
                Security.addProvider(provider);
                LOG.info("WSS Gate put back the JCE provider {} the application had displaced", provider.getName());
            }
        }
        return removed;
    }

    /**
     * Removes every registered provider whose class comes from {@code applicationLoader} or a
     * loader below it; returns their names. Idempotent.
     */
    public static synchronized List<String> removeLoadedBy(ClassLoader applicationLoader) {
        List<String> removed = new ArrayList<>();
        if (applicationLoader == null) {
            return removed;
        }
        for (Provider provider : Security.getProviders()) {
            if (loadedBy(provider.getClass().getClassLoader(), applicationLoader)) {
                Security.removeProvider(provider.getName());
                removed.add(provider.getName());
            }
        }
        if (!removed.isEmpty()) {
            LOG.info("WSS Gate removed the JCE providers the application registered: {}", removed);
        }
        return removed;
    }

    private static boolean loadedBy(ClassLoader loader, ClassLoader applicationLoader) {
        for (ClassLoader l = loader; l != null; l = l.getParent()) {
            if (l == applicationLoader) {
                return true;
            }
        }
        return false;
    }
}
