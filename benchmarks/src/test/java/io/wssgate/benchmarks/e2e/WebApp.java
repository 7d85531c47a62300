package io.wssgate.benchmarks.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The web application of one variant, written as a user deploys it: WEB-INF/web.xml (and for
 * Metro WEB-INF/sun-jaxws.xml). Every variant serves {@code /x509/orders} and
 * {@code /saml/orders}, and {@code /stats} outside every security mapping.
 */
final class WebApp {
    private static final String STATS = """
              <servlet><servlet-name>stats</servlet-name><servlet-class>%s</servlet-class></servlet>
              <servlet-mapping><servlet-name>stats</servlet-name><url-pattern>/stats</url-pattern></servlet-mapping>
            """.formatted(StatsServlet.class.getName());

    private WebApp() {
    }

    /** Writes the application of {@code variant} under {@code dir}; {@code keys} holds the PEM files and YAML. */
    static Path write(Path dir, Variant variant, Path keys) throws IOException {
        Path webInf = Files.createDirectories(dir.resolve("WEB-INF"));
        Files.writeString(webInf.resolve("web.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                %s%s</web-app>
                """.formatted(body(variant, keys), STATS));
        if (variant == Variant.METRO || variant == Variant.METRO_GATE) {
            Files.writeString(webInf.resolve("sun-jaxws.xml"), sunJaxws(variant));
        }
        return dir;
    }

    private static String body(Variant variant, Path keys) {
        return switch (variant) {
            case SERVLET -> ack();
            case FILTER -> """
                      <filter>
                        <filter-name>wssgate</filter-name>
                        <filter-class>io.wssgate.filter.WssGateFilter</filter-class>
                        <init-param><param-name>config-file</param-name><param-value>%s</param-value></init-param>
                      </filter>
                      <filter-mapping><filter-name>wssgate</filter-name><url-pattern>/x509/*</url-pattern><url-pattern>/saml/*</url-pattern></filter-mapping>
                    """.formatted(keys.resolve(E2eConfig.FILE)) + ack();
            case METRO, METRO_GATE -> """
                      <listener><listener-class>com.sun.xml.ws.transport.http.servlet.WSServletContextListener</listener-class></listener>
                      <servlet>
                        <servlet-name>metro</servlet-name>
                        <servlet-class>com.sun.xml.ws.transport.http.servlet.WSServlet</servlet-class>
                        <load-on-startup>1</load-on-startup>
                      </servlet>
                      <servlet-mapping><servlet-name>metro</servlet-name><url-pattern>/x509/orders</url-pattern><url-pattern>/saml/orders</url-pattern></servlet-mapping>
                    """;
            // CXF finds its endpoint by the path info: mapped at /*, that is the endpoint's whole path
            case CXF -> """
                      <servlet>
                        <servlet-name>cxf</servlet-name>
                        <servlet-class>%s</servlet-class>
                        <init-param><param-name>%s</param-name><param-value>%s</param-value></init-param>
                        <load-on-startup>1</load-on-startup>
                      </servlet>
                      <servlet-mapping><servlet-name>cxf</servlet-name><url-pattern>/*</url-pattern></servlet-mapping>
                    """.formatted(CxfOrdersServlet.class.getName(), CxfOrdersServlet.KEYS_DIR, keys);
        };
    }

    private static String ack() {
        return """
                  <servlet><servlet-name>ack</servlet-name><servlet-class>%s</servlet-class></servlet>
                  <servlet-mapping><servlet-name>ack</servlet-name><url-pattern>/x509/*</url-pattern><url-pattern>/saml/*</url-pattern></servlet-mapping>
                """.formatted(AckServlet.class.getName());
    }

    private static String sunJaxws(Variant variant) {
        String x509 = variant == Variant.METRO ? PlainOrdersEndpoint.class.getName() : GateX509Endpoint.class.getName();
        String saml = variant == Variant.METRO ? PlainOrdersEndpoint.class.getName() : GateSamlEndpoint.class.getName();
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <endpoints xmlns="http://java.sun.com/xml/ns/jax-ws/ri/runtime" version="2.0">
                  <endpoint name="x509" implementation="%s" url-pattern="/x509/orders"/>
                  <endpoint name="saml" implementation="%s" url-pattern="/saml/orders"/>
                </endpoints>
                """.formatted(x509, saml);
    }
}
