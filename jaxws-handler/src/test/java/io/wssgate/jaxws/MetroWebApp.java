package io.wssgate.jaxws;

import io.wssgate.testing.LocalWebApp;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A real Jetty 12 server running Metro the way a user deploys it: a web application whose
 * WEB-INF/web.xml declares Metro's listener and servlet and whose WEB-INF/sun-jaxws.xml lists
 * the endpoints. WSS Gate is only on the classpath; no web.xml entry mentions it.
 */
public final class MetroWebApp implements AutoCloseable {
    static final String CONTEXT = "/app";
    private final LocalWebApp server;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** An endpoint implementation class served at {@code /path}. */
    public record Endpoint(String path, Class<?> implementation) {
    }

    private MetroWebApp(LocalWebApp server) {
        this.server = server;
    }

    /** Starts the app; throws if it fails to deploy (e.g. because Metro refused an endpoint). */
    public static MetroWebApp start(Path dir, List<Endpoint> endpoints) throws Exception {
        Path webInf = Files.createDirectories(dir.resolve("webapp/WEB-INF"));
        Files.writeString(webInf.resolve("web.xml"), webXml(endpoints));
        Files.writeString(webInf.resolve("sun-jaxws.xml"), sunJaxwsXml(endpoints));
        return new MetroWebApp(LocalWebApp.start(dir.resolve("webapp"), CONTEXT));
    }

    private static String webXml(List<Endpoint> endpoints) {
        String mappings = endpoints.stream()
                .map(e -> "    <url-pattern>" + e.path() + "</url-pattern>")
                .collect(Collectors.joining("\n"));
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                  <listener>
                    <listener-class>com.sun.xml.ws.transport.http.servlet.WSServletContextListener</listener-class>
                  </listener>
                  <servlet>
                    <servlet-name>metro</servlet-name>
                    <servlet-class>com.sun.xml.ws.transport.http.servlet.WSServlet</servlet-class>
                    <load-on-startup>1</load-on-startup>
                  </servlet>
                  <servlet-mapping>
                    <servlet-name>metro</servlet-name>
                %s
                  </servlet-mapping>
                </web-app>
                """.formatted(mappings);
    }

    private static String sunJaxwsXml(List<Endpoint> endpoints) {
        String list = endpoints.stream()
                .map(e -> "  <endpoint name=\"" + e.implementation().getSimpleName() + "\" implementation=\""
                        + e.implementation().getName() + "\" url-pattern=\"" + e.path() + "\"/>")
                .collect(Collectors.joining("\n"));
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <endpoints xmlns="http://java.sun.com/xml/ns/jax-ws/ri/runtime" version="2.0">
                %s
                </endpoints>
                """.formatted(list);
    }

    public URI uri(String path) {
        return server.uri(path);
    }

    URL wsdl(String path) throws IOException {
        return uri(path + "?wsdl").toURL();
    }

    public HttpResponse<byte[]> post(String path, byte[] body, String contentType) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    @Override
    public void close() throws Exception {
        server.close();
    }
}
