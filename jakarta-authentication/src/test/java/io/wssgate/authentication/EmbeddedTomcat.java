package io.wssgate.authentication;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.core.StandardContext;
import org.apache.catalina.startup.Constants;
import org.apache.catalina.startup.ContextConfig;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.scan.StandardJarScanner;

/**
 * Tomcat 11 embedded (tomcat-embed-core) on a free loopback port, deploying web applications from
 * directories the way Tomcat deploys a WAR: web.xml read by ContextConfig, servlet container
 * initializers found through their service files, Tomcat's own Jakarta Authentication
 * implementation ({@code AuthConfigFactoryImpl}) as the factory.
 */
final class EmbeddedTomcat implements Deployed {
    private final Tomcat tomcat;

    private EmbeddedTomcat(Tomcat tomcat) {
        this.tomcat = tomcat;
    }

    static EmbeddedTomcat start(Path base) throws LifecycleException, java.io.IOException {
        // the API jar on this test class path may be the official one (no default factory): name Tomcat's
        java.security.Security.setProperty("authconfigprovider.factory",
                "org.apache.catalina.authenticator.jaspic.AuthConfigFactoryImpl");
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(Files.createDirectories(base).toString());
        Connector connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        tomcat.setConnector(connector);
        tomcat.getHost().setAppBase(Files.createDirectories(base.resolve("webapps")).toString());
        tomcat.getHost().setAutoDeploy(false);
        tomcat.start();
        return new EmbeddedTomcat(tomcat);
    }

    /** Deploys the directory at {@code path}; throws (having undeployed it) if it does not start. */
    Context deploy(String path, Path docBase) {
        StandardContext context = new StandardContext();
        context.setName(path);
        context.setPath(path);
        context.setDocBase(docBase.toString());
        ContextConfig config = new ContextConfig();
        config.setDefaultWebXml(Constants.NoDefaultWebXml);
        context.addLifecycleListener(config);
        context.setParentClassLoader(EmbeddedTomcat.class.getClassLoader());
        StandardJarScanner scanner = new StandardJarScanner();
        scanner.setScanClassPath(false); // the test class path is the container's, not the application's
        context.setJarScanner(scanner);
        tomcat.getHost().addChild(context);
        if (!context.getState().isAvailable()) {
            tomcat.getHost().removeChild(context);
            throw new IllegalStateException("the application at " + path + " failed to start: " + context.getState());
        }
        return context;
    }

    void undeploy(Context context) {
        tomcat.getHost().removeChild(context);
    }

    @Override
    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + tomcat.getConnector().getLocalPort() + path);
    }

    @Override
    public void close() throws LifecycleException {
        tomcat.stop();
        tomcat.destroy();
    }

    /** The Tomcat with one application deployed at /app. */
    static Deployed withApp(Path base, Path webapp) throws Exception {
        EmbeddedTomcat tomcat = start(base);
        try {
            tomcat.deploy("/app", webapp);
        } catch (RuntimeException e) {
            tomcat.close();
            throw e;
        }
        return new Deployed() {
            @Override
            public URI uri(String path) {
                return tomcat.uri("/app" + path);
            }

            @Override
            public void close() throws Exception {
                tomcat.close();
            }
        };
    }
}
