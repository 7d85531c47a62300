package io.wssgate.authentication;

import jakarta.security.auth.message.config.AuthConfigFactory;
import jakarta.servlet.ServletContainerInitializer;
import java.net.URI;
import java.nio.file.Path;
import java.security.Security;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Jetty 12 ee10 embedded on a free loopback port with its Jakarta Authentication support
 * (jetty-ee10-jaspi, taken from the jetty-home distribution): Jetty's {@code DefaultAuthConfigFactory}
 * as the factory, as Jetty's {@code ee10-jaspi-default-auth-config-factory} module sets it, and its
 * {@code JaspiAuthenticatorFactory}, which the web application's security handler finds through
 * its service file and which answers for every context a provider is registered for. The
 * application's web.xml is read from a directory; the initializers that a distribution discovers by
 * annotation scanning ({@code ee10-annotations}) are added to the context, which is how embedded
 * Jetty runs them.
 */
final class EmbeddedJetty implements Deployed {
    private static final String JETTY_FACTORY = "org.eclipse.jetty.ee10.security.jaspi.DefaultAuthConfigFactory";
    private final Server server;
    private final String contextPath;

    private EmbeddedJetty(Server server, String contextPath) {
        this.server = server;
        this.contextPath = contextPath;
    }

    /** Jetty with the application in {@code webapp} at {@code /app}; throws (Jetty stopped) if it does not start. */
    static EmbeddedJetty withApp(Path webapp, ServletContainerInitializer... initializers) throws Exception {
        // the API jar names no default factory: Jetty's, created now from the container's class
        // loader, as the distribution's ee10-jaspi-default-auth-config-factory module does at start-up
        // (a web application's loader hides Jetty's classes, so it could not create it)
        Security.setProperty("authconfigprovider.factory", JETTY_FACTORY);
        AuthConfigFactory.getFactory();
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        WebAppContext context = new WebAppContext();
        context.setContextPath("/app");
        context.setBaseResourceAsPath(webapp);
        // the application's classes are this test's: the container's class path holds them
        context.setParentLoaderPriority(true);
        context.setThrowUnavailableOnStartupException(true);
        for (ServletContainerInitializer initializer : initializers) {
            context.addServletContainerInitializer(initializer);
        }
        server.setHandler(context);
        try {
            server.start();
        } catch (Exception e) {
            server.stop();
            throw e;
        }
        return new EmbeddedJetty(server, "/app");
    }

    @Override
    public URI uri(String path) {
        return server.getURI().resolve(contextPath + path);
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
