package io.wssgate.examples.jaxws;

import java.net.URI;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.resource.ResourceFactory;

/**
 * Metro on an embedded Jetty 12, deployed the way a WAR deploys it: the web application is the
 * class path folder {@code webapp/}, whose {@code WEB-INF/web.xml} declares Metro's listener and
 * servlet and whose {@code WEB-INF/sun-jaxws.xml} lists {@link WhoAmIEndpoint}. Nothing in
 * either file mentions WSS Gate: the endpoint's annotation is enough. The same two files in a
 * WAR's {@code WEB-INF} deploy the endpoint unchanged on any Servlet 6 container.
 */
public final class WhoAmIServer implements AutoCloseable {
    /** Where the endpoint answers, below the server's root (see sun-jaxws.xml). */
    public static final String PATH = "/whoami";

    private final Server server;

    private WhoAmIServer(Server server) {
        this.server = server;
    }

    /**
     * Starts the server on {@code host}:{@code port} (0: any free port); throws if the web
     * application fails to deploy, e.g. because the WSS Gate configuration is invalid.
     */
    public static WhoAmIServer start(String host, int port) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        WebAppContext webapp = new WebAppContext();
        webapp.setContextPath("/");
        webapp.setBaseResource(ResourceFactory.of(webapp).newClassLoaderResource("webapp"));
        // the endpoint classes are on the application's class path, not in WEB-INF/classes
        webapp.setParentLoaderPriority(true);
        webapp.setThrowUnavailableOnStartupException(true);
        server.setHandler(webapp);
        try {
            server.start();
        } catch (Exception e) {
            server.stop();
            throw e;
        }
        return new WhoAmIServer(server);
    }

    /** The endpoint's address. */
    public URI endpoint() {
        ServerConnector connector = (ServerConnector) server.getConnectors()[0];
        String host = connector.getHost() == null ? "localhost" : connector.getHost();
        return URI.create("http://" + host + ":" + connector.getLocalPort() + PATH);
    }

    /** Blocks until the server is stopped (Ctrl+C). */
    public void join() throws InterruptedException {
        server.join();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
