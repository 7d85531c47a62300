package io.wssgate.authentication;

import io.wssgate.WssGate;
import io.wssgate.filter.WebAppGates;
import io.wssgate.filter.WssGateFilter;
import jakarta.security.auth.message.config.AuthConfigFactory;
import io.wssgate.InboundOutcome;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Puts {@link WssGateAuthModule} in front of a web application when it starts, the way Jakarta
 * Authentication applications do it: when the context-param {@value #CONFIG_FILE} names a WSS
 * Gate configuration (the same value as the filter's {@code config-file} init-param), the
 * configuration is loaded and checked now (a problem fails the deployment with the list), the
 * module is registered for this application with
 * the server's {@link AuthConfigFactory} (see {@link ModuleRegistration}), and {@link WssGateFilter#behindAuthModule}
 * is mapped to every request in front of the application's own filters. When the application
 * stops the registration is removed, the engine closed and the application's JCE providers
 * removed. Found by the container through
 * {@code META-INF/services/jakarta.servlet.ServletContainerInitializer}.
 */
public final class AuthModuleInitializer implements ServletContainerInitializer {
    /** The context-param that switches the module on: a YAML file, as the filter's {@code config-file}. */
    public static final String CONFIG_FILE = "wssgate.config-file";
    static final String FILTER_NAME = "wssgate-behind-auth-module";

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) throws ServletException {
        String file = context.getInitParameter(CONFIG_FILE);
        if (file == null || file.isBlank()) {
            return;
        }
        AuthConfigFactory factory = factory(context);
        WebAppGates.prepareCleanup(context);
        WssGate gate = WebAppGates.create(context, Map.of("config-file", file.trim()), "Jakarta Authentication module");
        WebAppGates.closeOnShutdown(context, gate);
        ModuleRegistration registration;
        try {
            registration = ModuleRegistration.register(factory, new WssGateAuthModule(gate), context);
        } catch (RuntimeException e) {
            WebAppGates.releaseNow(context);
            throw new ServletException("WSS Gate: the container refused to register the Jakarta Authentication module: "
                    + e, e);
        }
        // the factory is the server's: without this it would keep the module, and so the application, alive
        WebAppGates.closeOnShutdown(context, registration);
        FilterRegistration.Dynamic filter = context.addFilter(FILTER_NAME, WssGateFilter.behindAuthModule(gate));
        filter.setAsyncSupported(true);
        filter.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
        // a request the container refuses after the module accepted it (403) never reaches that
        // filter: what the accepted request holds (a spooled MIME package) is released at its end
        context.addListener(new ReleaseAcceptedRequest());
    }

    /** Releases the accepted request of every request when the container is done with it. */
    public static final class ReleaseAcceptedRequest implements ServletRequestListener {
        @Override
        public void requestDestroyed(ServletRequestEvent event) {
            if (event.getServletRequest().getAttribute(InboundOutcome.Accepted.KEY) instanceof InboundOutcome.Accepted a) {
                a.release();
            }
        }
    }

    private static AuthConfigFactory factory(ServletContext context) throws ServletException {
        try {
            AuthConfigFactory factory = AuthConfigFactory.getFactory();
            if (factory != null) {
                return factory;
            }
        } catch (RuntimeException e) {
            WebAppGates.releaseNow(context);
            throw new ServletException("WSS Gate: " + CONFIG_FILE + " asks for Jakarta Authentication, but the"
                    + " container has no usable AuthConfigFactory: " + e, e);
        }
        WebAppGates.releaseNow(context);
        throw new ServletException("WSS Gate: " + CONFIG_FILE + " asks for Jakarta Authentication, but the container"
                + " has no AuthConfigFactory (enable its Jakarta Authentication support)");
    }
}
