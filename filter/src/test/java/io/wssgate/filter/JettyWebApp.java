package io.wssgate.filter;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import io.wssgate.testing.LocalWebApp;

/**
 * A real Jetty 12 server running a web application from a directory whose WEB-INF/web.xml
 * declares the WSS Gate filter in front of {@link EchoServlet}, exactly as a user would.
 */
public final class JettyWebApp implements AutoCloseable {
    static final String CONTEXT = "/app";
    private final LocalWebApp server;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private JettyWebApp(LocalWebApp server) {
        this.server = server;
    }

    /** Starts the app with the given filter init-params; throws if the filter refuses to start. */
    public static JettyWebApp start(Path dir, Map<String, String> initParams) throws Exception {
        return start(dir, initParams, EchoServlet.class);
    }

    /** The same, with another servlet as the application. */
    public static JettyWebApp start(Path dir, Map<String, String> initParams, Class<?> servlet) throws Exception {
        Path webInf = Files.createDirectories(dir.resolve("webapp/WEB-INF"));
        Files.writeString(webInf.resolve("web.xml"), webXml(initParams).replace(EchoServlet.class.getName(),
                servlet.getName()));
        return new JettyWebApp(LocalWebApp.start(dir.resolve("webapp"), CONTEXT));
    }

    static String webXml(Map<String, String> initParams) {
        String params = initParams.entrySet().stream()
                .map(e -> "      <init-param><param-name>" + e.getKey() + "</param-name><param-value>"
                        + e.getValue().replace("&", "&amp;").replace("<", "&lt;") + "</param-value></init-param>")
                .collect(Collectors.joining("\n"));
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                  <filter>
                    <filter-name>wssgate</filter-name>
                    <filter-class>io.wssgate.filter.WssGateFilter</filter-class>
                %s
                  </filter>
                  <filter-mapping>
                    <filter-name>wssgate</filter-name>
                    <url-pattern>/*</url-pattern>
                  </filter-mapping>
                  <servlet>
                    <servlet-name>echo</servlet-name>
                    <servlet-class>io.wssgate.filter.EchoServlet</servlet-class>
                  </servlet>
                  <servlet-mapping>
                    <servlet-name>echo</servlet-name>
                    <url-pattern>/*</url-pattern>
                  </servlet-mapping>
                </web-app>
                """.formatted(params);
    }

    public URI uri(String path) {
        return server.uri(path);
    }

    public HttpResponse<byte[]> post(String path, byte[] body, String contentType) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<byte[]> send(String method, String pathAndQuery, byte[] body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "text/xml")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    @Override
    public void close() throws Exception {
        server.close();
    }
}
