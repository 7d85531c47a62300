package io.wssgate.authentication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wssgate.fault.FaultCode;
import io.wssgate.testing.TestMessages;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ContainerSecurityContract} on Tomcat 11 embedded: the module registered by its
 * initializer from the web.xml context-param, Tomcat's own Jakarta Authentication and
 * {@code <security-constraint>} enforcement; and a broken configuration failing the deployment.
 */
class TomcatContainerSecurityTest extends ContainerSecurityContract {

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        app = new SecuredWebApp(dir);
        server = EmbeddedTomcat.withApp(dir.resolve("tomcat"), app.webapp);
    }

    @Test
    void servletSecurityAnnotationAdmitsOnlyTheRoleItNames(@TempDir Path dir) throws Exception {
        // web.xml without metadata-complete, so Tomcat reads @ServletSecurity on the servlet it declares
        SecuredWebApp annotated = new SecuredWebApp(dir);
        String callerMapping = "  <servlet-mapping>\n    <servlet-name>caller</servlet-name>";
        String webXml = SecuredWebApp.webXml(annotated.config.toString())
                .replace(" metadata-complete=\"true\"", " metadata-complete=\"false\"")
                .replace(callerMapping, """
                          <servlet>
                            <servlet-name>annotated</servlet-name>
                            <servlet-class>io.wssgate.authentication.AnnotatedCallerServlet</servlet-class>
                          </servlet>
                          <servlet-mapping>
                            <servlet-name>annotated</servlet-name>
                            <url-pattern>/x509/annotated/*</url-pattern>
                          </servlet-mapping>
                        """ + callerMapping);
        assertThat(webXml).contains("AnnotatedCallerServlet").contains("metadata-complete=\"false\"");
        Files.writeString(annotated.webapp.resolve("WEB-INF/web.xml"), webXml);
        // its own context path: AuthConfigFactory is one per JVM, and /app is the contract's application
        EmbeddedTomcat tomcat = EmbeddedTomcat.start(dir.resolve("tomcat"));
        try {
            tomcat.deploy("/annotated", annotated.webapp);
            int before = CallerServlet.INVOCATIONS.get();
            // client is a clerk, not an admin: no <security-constraint> covers the path, only the annotation
            Http.assertForbiddenByContainer(Http.post(tomcat.uri("/annotated/x509/annotated"), signedBy(annotated.client)));
            assertThat(CallerServlet.INVOCATIONS.get()).as("application invocations").isEqualTo(before);

            HttpResponse<byte[]> admin = Http.post(tomcat.uri("/annotated/x509/annotated"), signedBy(annotated.boss));
            assertThat(admin.statusCode()).as(() -> Http.text(admin)).isEqualTo(200);
            assertThat(admin.headers().firstValue("X-Principal")).contains(SecuredWebApp.BOSS_DN);

            Http.assertFault(Http.post(tomcat.uri("/annotated/x509/annotated"), TestMessages.tamperBody(signedBy(annotated.boss))),
                    FaultCode.FAILED_CHECK);
            assertThat(CallerServlet.INVOCATIONS.get()).as("application invocations").isEqualTo(before + 1);
        } finally {
            tomcat.close();
        }
    }

    @Test
    void brokenConfigurationFailsTheDeploymentWithTheProblemList(@TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("broken.yaml"), """
                policies:
                  broken:
                    paths: [/x/*]
                    trust:
                      certificates: [/no/such/ca.pem]
                    timestamp:
                      max-age: five minutes
                """);
        Path webInf = Files.createDirectories(dir.resolve("webapp/WEB-INF"));
        Files.writeString(webInf.resolve("web.xml"), SecuredWebApp.webXml(config.toString()));
        List<String> logged = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(String.valueOf(record.getMessage()) + " " + record.getThrown());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger.getLogger("").addHandler(capture);
        EmbeddedTomcat tomcat = EmbeddedTomcat.start(dir.resolve("tomcat"));
        try {
            assertThatThrownBy(() -> tomcat.deploy("/broken", dir.resolve("webapp")))
                    .hasMessageContaining("failed to start");
        } finally {
            tomcat.close();
            Logger.getLogger("").removeHandler(capture);
        }
        assertThat(String.join("\n", logged)).contains("policies.broken.trust.certificates")
                .contains("policies.broken.timestamp.max-age");
    }
}
