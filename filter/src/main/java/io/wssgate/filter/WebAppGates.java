package io.wssgate.filter;

import io.wssgate.PolicyRuntime;
import io.wssgate.WssGate;
import io.wssgate.config.ConfigurationException;
import io.wssgate.config.Problems;
import io.wssgate.log.GateLog;
import io.wssgate.observe.DiscoveredObservers;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import java.time.Clock;
import java.util.Map;

/**
 * The engines of one web application: built from Servlet parameters (a filter's init-params, or
 * the {@code wssgate.config-file} context-param of the Jakarta Authentication route) when the
 * application starts, and closed with it.
 */
public final class WebAppGates {
    private static final GateLog LOG = GateLog.of(WebAppGates.class);
    private static final String PREFIX = "io.wssgate.filter.gate.";

    private WebAppGates() {
    }

    /**
     * Loads and checks the configuration {@code params} name ({@code config-file}, or the keys
     * themselves), exactly as the filter reads its init-params.
     *
     * @param user who asks, for the log and the error (e.g. "filter 'wssgate'")
     * @throws ServletException listing every problem with its key path: the application must not start
     */
    public static WssGate create(ServletContext context, Map<String, String> params, String user)
            throws ServletException {
        try {
            Problems problems = new Problems();
            // observers the application declares in META-INF/services/io.wssgate.GateObserver
            WssGate gate = WssGate.create(FilterConfiguration.load(context, params, problems), Clock.systemUTC(), problems,
                    DiscoveredObservers.load(context.getClassLoader()));
            requirePaths(gate);
            LOG.info("WSS Gate {} started with policies {}", user,
                    gate.policies().stream().map(PolicyRuntime::name).toList());
            return gate;
        } catch (ConfigurationException e) {
            LOG.error("WSS Gate {} refuses to start. {}", user, e.getMessage());
            // the application will not start: what was prepared for it must not outlive it
            WebAppCleanup.releaseIfAny(context);
            throw new ServletException("WSS Gate " + user + ": " + e.getMessage(), e);
        }
    }

    /**
     * A policy without paths is one a client or a JAX-WS endpoint uses by name; a filter (or module)
     * whose policies all lack paths would guard nothing, which is a mistake to report, not to run with.
     */
    private static void requirePaths(WssGate gate) {
        if (gate.policies().stream().allMatch(p -> p.config().paths().isEmpty())) {
            gate.close();
            Problems problems = new Problems();
            problems.add("policies", "no policy has paths, so this filter would guard nothing: give the policies "
                    + "that guard requests their URL patterns (paths: [/services/*])");
            problems.throwIfAny();
        }
    }

    /** The context attribute under which the engine prepared for the filter named {@code filterName} waits. */
    static String attributeFor(String filterName) {
        return PREFIX + filterName;
    }

    /**
     * Prepares the application's cleanup before an initializer builds its first engine: notes the
     * JCE providers registered now (WSS4J replaces some by name when it first runs, and they are
     * put back when the application stops) and registers the listener that releases everything.
     * Call from a {@code ServletContainerInitializer}, before {@link #create}.
     */
    public static void prepareCleanup(ServletContext context) {
        WebAppCleanup.of(context);
    }

    /**
     * Closes {@code resource} when the application stops, then takes out the JCE providers it
     * registered (see {@link WebAppCleanup}). Call from a {@code ServletContainerInitializer}.
     */
    public static void closeOnShutdown(ServletContext context, AutoCloseable resource) {
        WebAppCleanup.of(context).add(resource);
    }

    /** Releases what was registered with {@link #closeOnShutdown} so far: for an initializer about to fail the start. */
    public static void releaseNow(ServletContext context) {
        WebAppCleanup.releaseIfAny(context);
    }
}
