package io.wssgate.authentication;

import jakarta.security.auth.message.AuthException;
import jakarta.security.auth.message.AuthStatus;
import jakarta.security.auth.message.MessageInfo;
import jakarta.security.auth.message.config.AuthConfigFactory;
import jakarta.security.auth.message.config.AuthConfigProvider;
import jakarta.security.auth.message.config.ClientAuthConfig;
import jakarta.security.auth.message.config.ServerAuthConfig;
import jakarta.security.auth.message.config.ServerAuthContext;
import jakarta.security.auth.message.module.ServerAuthModule;
import jakarta.servlet.ServletContext;
import java.util.Map;
import javax.security.auth.Subject;
import javax.security.auth.callback.CallbackHandler;

/**
 * The module's registration with the server's {@link AuthConfigFactory} for one application, and
 * its removal. Registered as a provider for the Servlet layer and the application's context id
 * with {@code registerConfigProvider}, the API every factory implements, not with Jakarta
 * Authentication 3's {@code registerServerAuthModule}: Jetty 12's factory does not implement that
 * (it throws UnsupportedOperationException), and Tomcat's registers the module without ever
 * initializing it with the container's callback handler, so the module could not tell Tomcat the
 * caller. The provider hands the module the handler the container asks with.
 *
 * <p>The context id is the Servlet profile's: the virtual server name, a blank, the context path
 * (Tomcat: {@code "Catalina/localhost /app"}, WildFly: {@code "default-host /app"}). Jetty, whose
 * contexts have no virtual server name unless virtual hosts are set, looks the provider up as
 * {@code "server /app"}, with {@code "/"} for the root context: so does this, for a context
 * without a virtual server name.
 */
final class ModuleRegistration implements AutoCloseable {
    static final String LAYER = "HttpServlet";

    private final Runnable removal;

    private ModuleRegistration(Runnable removal) {
        this.removal = removal;
    }

    static ModuleRegistration register(AuthConfigFactory factory, ServerAuthModule module, ServletContext context) {
        String appContext = appContextId(context);
        String id = factory.registerConfigProvider(new Provider(module, appContext), LAYER, appContext,
                "WSS Gate Jakarta Authentication module");
        return new ModuleRegistration(() -> factory.removeRegistration(id));
    }

    static String appContextId(ServletContext context) {
        String host = context.getVirtualServerName();
        String path = context.getContextPath() == null ? "" : context.getContextPath();
        if (host == null || host.isEmpty()) {
            return "server " + (path.isEmpty() ? "/" : path);
        }
        return host + " " + path;
    }

    /** Takes the module out of the server's factory: the factory outlives the application. */
    @Override
    public void close() {
        removal.run();
    }

    /** One module for one application, server side only. */
    private record Provider(ServerAuthModule module, String appContext) implements AuthConfigProvider {
        @Override
        public ClientAuthConfig getClientAuthConfig(String layer, String appContext, CallbackHandler handler)
                throws AuthException {
            throw new AuthException("WSS Gate's module is a server module only");
        }

        @Override
        public ServerAuthConfig getServerAuthConfig(String layer, String appContext, CallbackHandler handler)
                throws AuthException {
            module.initialize(null, null, handler, Map.of());
            return new Config(new Context(module), appContext);
        }

        @Override
        public void refresh() {
            // nothing cached
        }
    }

    private record Config(ServerAuthContext context, String appContext) implements ServerAuthConfig {
        @Override
        @SuppressWarnings("rawtypes") // the interface's raw Map
        public ServerAuthContext getAuthContext(String authContextId, Subject serviceSubject, Map properties) {
            return context;
        }

        @Override
        public String getMessageLayer() {
            return LAYER;
        }

        @Override
        public String getAppContext() {
            return appContext;
        }

        @Override
        public String getAuthContextID(MessageInfo messageInfo) {
            return appContext;
        }

        @Override
        public void refresh() {
            // nothing cached
        }

        @Override
        public boolean isProtected() {
            return true;
        }
    }

    private record Context(ServerAuthModule module) implements ServerAuthContext {
        @Override
        public AuthStatus validateRequest(MessageInfo messageInfo, Subject client, Subject service) throws AuthException {
            return module.validateRequest(messageInfo, client, service);
        }

        @Override
        public AuthStatus secureResponse(MessageInfo messageInfo, Subject service) throws AuthException {
            return module.secureResponse(messageInfo, service);
        }

        @Override
        public void cleanSubject(MessageInfo messageInfo, Subject subject) throws AuthException {
            module.cleanSubject(messageInfo, subject);
        }
    }
}
