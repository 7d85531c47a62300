package io.wssgate.authentication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
