package io.wssgate.benchmarks.http;

import io.wssgate.benchmarks.GateFixture;
import io.wssgate.testing.LocalWebApp;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Jetty 12 on a loopback port running a web application whose WEB-INF/web.xml declares the
 * WSS Gate filter (reading the benchmarks' YAML) in front of {@link OkServlet}, as a user deploys it.
 */
final class FilterApp implements AutoCloseable {
    private final LocalWebApp server;

    private FilterApp(LocalWebApp server) {
        this.server = server;
    }

    static FilterApp start(Path dir) throws Exception {
        Path webInf = Files.createDirectories(dir.resolve("webapp/WEB-INF"));
        Files.writeString(webInf.resolve("web.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                  <filter>
                    <filter-name>wssgate</filter-name>
                    <filter-class>io.wssgate.filter.WssGateFilter</filter-class>
                    <init-param><param-name>config-file</param-name><param-value>%s</param-value></init-param>
                  </filter>
                  <filter-mapping><filter-name>wssgate</filter-name><url-pattern>/*</url-pattern></filter-mapping>
                  <servlet><servlet-name>ok</servlet-name><servlet-class>%s</servlet-class></servlet>
                  <servlet-mapping><servlet-name>ok</servlet-name><url-pattern>/*</url-pattern></servlet-mapping>
                </web-app>
                """.formatted(GateFixture.configFile(), OkServlet.class.getName()));
        return new FilterApp(LocalWebApp.start(dir.resolve("webapp"), "/app"));
    }

    URI uri(String path) {
        return server.uri(path);
    }

    @Override
    public void close() throws Exception {
        server.close();
    }
}
