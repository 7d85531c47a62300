package io.wssgate.testing;

import java.net.URI;
import java.nio.file.Path;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * A real Jetty 12 server on a free loopback port running one web application from a
 * directory (WEB-INF/web.xml and friends), with the test class path as its parent loader.
 * Fails to start, and stops again, if the application fails to deploy.
 */
public final class LocalWebApp implements AutoCloseable {
    private final Server server;
    private final String contextPath;

    private LocalWebApp(Server server, String contextPath) {
        this.server = server;
        this.contextPath = contextPath;
    }

    public static LocalWebApp start(Path webappDir, String contextPath) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        WebAppContext context = new WebAppContext();
        context.setContextPath(contextPath);
        context.setWar(webappDir.toString());
        context.setParentLoaderPriority(true);
        context.setThrowUnavailableOnStartupException(true);
        server.setHandler(context);
        try {
            server.start();
        } catch (Exception e) {
            server.stop();
            throw e;
        }
        return new LocalWebApp(server, contextPath);
    }

    /** The URI of a path inside the application. */
    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort()
                + contextPath + path);
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
