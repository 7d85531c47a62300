package io.wssgate.filter;

import io.wssgate.JceProviders;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What WSS Gate leaves behind in the JVM when an application stops, undone: the engines it
 * started are closed (their key-reload threads end) and the JCE providers that WSS4J registered
 * from the application's class loader are removed ({@link JceProviders}), so undeploying leaves
 * no thread and pins no class loader. One per application, registered as its listener by the
 * first initializer that needs it; the Servlet spec destroys filters before listeners hear of it.
 */
final class WebAppCleanup implements ServletContextListener {
    private static final Logger LOG = LoggerFactory.getLogger(WebAppCleanup.class);
    private static final String ATTRIBUTE = "io.wssgate.filter.cleanup";

    private final List<AutoCloseable> resources = new ArrayList<>();
    /** Taken before WSS Gate's libraries first ran in this application, see {@link JceProviders}. */
    private final List<java.security.Provider> providersBefore = JceProviders.snapshot();

    private WebAppCleanup() {
    }

    static synchronized WebAppCleanup of(ServletContext context) {
        if (context.getAttribute(ATTRIBUTE) instanceof WebAppCleanup existing) {
            return existing;
        }
        WebAppCleanup cleanup = new WebAppCleanup();
        context.setAttribute(ATTRIBUTE, cleanup);
        context.addListener(cleanup);
        return cleanup;
    }

    synchronized void add(AutoCloseable resource) {
        resources.add(resource);
    }

    @Override
    public void contextInitialized(ServletContextEvent event) {
        // everything was prepared by the initializers already
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        release(event.getServletContext());
    }

    /**
     * Releases now what the initializers prepared so far: for an initializer that fails the start,
     * since a container that stops calling initializers after a failure never tells listeners.
     */
    static void releaseIfAny(ServletContext context) {
        if (context.getAttribute(ATTRIBUTE) instanceof WebAppCleanup cleanup) {
            cleanup.release(context);
        }
    }

    private synchronized void release(ServletContext context) {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                LOG.warn("WSS Gate could not release {} on shutdown: {}", resources.get(i), e.toString());
            }
        }
        resources.clear();
        context.removeAttribute(ATTRIBUTE);
        JceProviders.removeLoadedBy(context.getClassLoader(), providersBefore);
    }
}
