package io.wssgate.filter.interop;

import io.wssgate.testing.LocalWebApp;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * WSS Gate's side on a real Jetty 12, as users deploy it, in one web application: our filter
 * (web.xml, {@code config-file}) in front of {@link CallerServlet} at {@code /filter/<profile>},
 * Metro endpoints with {@code @WssGateEndpoint} at {@code /metro/<profile>} (sun-jaxws.xml), and
 * {@link CaptureServlet} at {@code /capture}. The same YAML holds the client policies our
 * Metro clients use; it is found through the {@code wssgate.config} system property, set
 * while this app runs.
 */
final class GateApp implements AutoCloseable {
    private final ConfigProperty config;
    private final LocalWebApp server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private GateApp(ConfigProperty config, LocalWebApp server) {
        this.config = config;
        this.server = server;
    }

    static GateApp start(Path dir, InteropKeys keys) throws Exception {
        ConfigProperty config = ConfigProperty.install(dir, keys);
        Path webInf = Files.createDirectories(dir.resolve("gate/WEB-INF"));
        Files.writeString(webInf.resolve("web.xml"), webXml(config.file));
        Files.writeString(webInf.resolve("sun-jaxws.xml"), sunJaxwsXml());
        try {
            return new GateApp(config, LocalWebApp.start(dir.resolve("gate"), "/gate"));
        } catch (Exception e) {
            config.close();
            throw e;
        }
    }

    URI filter(Profile profile) {
        return server.uri("/filter/" + profile.slug() + "/service");
    }

    URI metro(Profile profile) {
        return server.uri("/metro/" + profile.slug());
    }

    /** A path of the filter's application by its own name. */
    URI filter(String path) {
        return server.uri(path);
    }

    URI capture() {
        return server.uri("/capture");
    }

    HttpResponse<byte[]> post(URI uri, byte[] message) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "text/xml; charset=UTF-8").header("SOAPAction", "\"\"")
                .POST(HttpRequest.BodyPublishers.ofByteArray(message)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String webXml(Path config) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                  <listener>
                    <listener-class>com.sun.xml.ws.transport.http.servlet.WSServletContextListener</listener-class>
                  </listener>
                  <filter>
                    <filter-name>wssgate</filter-name>
                    <filter-class>io.wssgate.filter.WssGateFilter</filter-class>
                    <init-param><param-name>config-file</param-name><param-value>%s</param-value></init-param>
                  </filter>
                  <filter-mapping>
                    <filter-name>wssgate</filter-name>
                    <url-pattern>/filter/*</url-pattern>
                  </filter-mapping>
                  <servlet>
                    <servlet-name>caller</servlet-name>
                    <servlet-class>%s</servlet-class>
                  </servlet>
                  <servlet-mapping>
                    <servlet-name>caller</servlet-name>
                    <url-pattern>/filter/*</url-pattern>
                  </servlet-mapping>
                  <servlet>
                    <servlet-name>capture</servlet-name>
                    <servlet-class>%s</servlet-class>
                  </servlet>
                  <servlet-mapping>
                    <servlet-name>capture</servlet-name>
                    <url-pattern>/capture</url-pattern>
                  </servlet-mapping>
                  <servlet>
                    <servlet-name>metro</servlet-name>
                    <servlet-class>com.sun.xml.ws.transport.http.servlet.WSServlet</servlet-class>
                    <load-on-startup>1</load-on-startup>
                  </servlet>
                  <servlet-mapping>
                    <servlet-name>metro</servlet-name>
                    <url-pattern>/metro/*</url-pattern>
                  </servlet-mapping>
                </web-app>
                """.formatted(config, CallerServlet.class.getName(), CaptureServlet.class.getName());
    }

    private static String sunJaxwsXml() {
        String endpoints = Arrays.stream(Profile.values())
                .map(p -> "  <endpoint name=\"" + p.slug() + "\" implementation=\""
                        + MetroEndpoints.forProfile(p).getName() + "\" url-pattern=\"/metro/" + p.slug() + "\"/>")
                .collect(Collectors.joining("\n"));
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <endpoints xmlns="http://java.sun.com/xml/ns/jax-ws/ri/runtime" version="2.0">
                %s
                </endpoints>
                """.formatted(endpoints);
    }

    @Override
    public void close() throws Exception {
        try {
            server.close();
        } finally {
            config.close();
        }
    }
}
