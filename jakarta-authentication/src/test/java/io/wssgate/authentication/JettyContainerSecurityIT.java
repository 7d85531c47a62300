package io.wssgate.authentication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.security.auth.message.config.AuthConfigFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ContainerSecurityContract} on Jetty 12 ee10 embedded with Jetty's own Jakarta
 * Authentication (jetty-ee10-jaspi from the jetty-home distribution): the module registered by its
 * initializer from the web.xml context-param, Jetty's {@code JaspiAuthenticator} asking it for the
 * caller and Jetty's constraint handling refusing a caller without the role; and a broken
 * configuration failing the deployment. Runs in its own surefire execution ({@code jetty}), without
 * Tomcat's jars; named *IT so that no {@code -Dtest=...Test} pattern pulls it into the default
 * execution, whose class path has Tomcat and lacks Jetty's Jakarta Authentication.
 */
class JettyContainerSecurityIT extends ContainerSecurityContract {

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        app = new SecuredWebApp(dir);
        server = EmbeddedJetty.withApp(app.webapp, new AuthModuleInitializer());
    }

    @Test
    void theFactoryAskedIsJettys() {
        // so the contract above ran on Jetty's Jakarta Authentication, not on some other implementation
        assertThat(AuthConfigFactory.getFactory().getClass().getName())
                .isEqualTo("org.eclipse.jetty.ee10.security.jaspi.DefaultAuthConfigFactory");
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

        assertThatThrownBy(() -> EmbeddedJetty.withApp(dir.resolve("webapp"), new AuthModuleInitializer()))
                .hasStackTraceContaining("policies.broken.trust.certificates")
                .hasStackTraceContaining("policies.broken.timestamp.max-age");
    }
}
