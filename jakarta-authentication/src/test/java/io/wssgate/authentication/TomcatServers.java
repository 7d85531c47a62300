package io.wssgate.authentication;

import java.net.URI;
import java.nio.file.Path;

/** For tests in other packages: Tomcat 11 embedded with one application at /app. */
public final class TomcatServers {
    private TomcatServers() {
    }

    /** A running Tomcat with one application. */
    public interface App extends AutoCloseable {
        URI uri(String path);
    }

    public static App withApp(Path base, Path webapp) throws Exception {
        Deployed deployed = EmbeddedTomcat.withApp(base, webapp);
        return new App() {
            @Override
            public URI uri(String path) {
                return deployed.uri(path);
            }

            @Override
            public void close() throws Exception {
                deployed.close();
            }
        };
    }
}
