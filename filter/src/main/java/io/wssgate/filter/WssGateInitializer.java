package io.wssgate.filter;

import io.wssgate.WssGate;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import java.util.Map;
import java.util.Set;

/**
 * Makes a broken configuration stop the deployment on every container: builds the engine of each
 * {@link WssGateFilter} declared with init-params when the application starts, before any
 * request, instead of when the container first initialises the filter (Undertow, WildFly's web
 * container, does that lazily: the application deployed and every request got an HTML 500). An
 * invalid configuration fails the start with the problem list. The filter then uses the prepared
 * engine, and the engine is closed (and the application's JCE providers removed) when the
 * application stops. Found by the container through
 * {@code META-INF/services/jakarta.servlet.ServletContainerInitializer}.
 *
 * <p>A filter registered without init-params (e.g. created programmatically around an engine) is
 * not touched.
 */
public final class WssGateInitializer implements ServletContainerInitializer {

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) throws ServletException {
        for (FilterRegistration registration : context.getFilterRegistrations().values()) {
            Map<String, String> params = registration.getInitParameters();
            if (!WssGateFilter.class.getName().equals(registration.getClassName()) || params == null || params.isEmpty()) {
                continue;
            }
            WebAppGates.prepareCleanup(context);
            WssGate gate = WebAppGates.create(context, params, "filter '" + registration.getName() + "'");
            context.setAttribute(WebAppGates.attributeFor(registration.getName()), gate);
            WebAppGates.closeOnShutdown(context, gate);
        }
    }
}
