package io.wssgate.authentication.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.testing.parity.GateUnderTest;
import io.wssgate.testing.parity.Integration;
import io.wssgate.testing.parity.ParitySuite;
import io.wssgate.testing.parity.Scenario;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Principal;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The attack catalogue through the Jakarta Authentication module on Tomcat 11 embedded, in
 * front of a plain servlet at every path: every attack must get exactly the decision and fault it
 * gets from the filter, the servlet never runs for one, and each valid message reaches it as the
 * container's caller.
 */
class ModuleAttackSuiteTest extends ParitySuite {

    @Override
    protected Integration integration() {
        return Integration.JAKARTA_AUTHENTICATION;
    }

    @Override
    protected GateUnderTest start(Scenario scenario, Path dir) throws Exception {
        Path webInf = Files.createDirectories(dir.resolve("webapp/WEB-INF"));
        Files.writeString(webInf.resolve("web.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0" metadata-complete="true">
                  <context-param>
                    <param-name>wssgate.config-file</param-name>
                    <param-value>%s</param-value>
                  </context-param>
                  <servlet>
                    <servlet-name>attacked</servlet-name>
                    <servlet-class>%s</servlet-class>
                  </servlet>
                  <servlet-mapping>
                    <servlet-name>attacked</servlet-name>
                    <url-pattern>/*</url-pattern>
                  </servlet-mapping>
                </web-app>
                """.formatted(scenario.config(), AttackedServlet.class.getName()));
        return new ModuleInFrontOfServlet(io.wssgate.authentication.TomcatServers.withApp(dir.resolve("tomcat"),
                dir.resolve("webapp")));
    }

    /** The application behind the module: counts every invocation and keeps the principal the container gave it. */
    public static class AttackedServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;
        static final AtomicInteger INVOCATIONS = new AtomicInteger();
        static final List<String> PRINCIPALS = new CopyOnWriteArrayList<>();

        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            INVOCATIONS.incrementAndGet();
            Principal principal = request.getUserPrincipal();
            String name = principal == null ? "" : principal.getName();
            PRINCIPALS.add(name);
            response.setHeader("X-Principal", name);
            response.setContentType("text/plain");
            response.getWriter().write("reached the application as '" + name + "'");
        }
    }

    private record ModuleInFrontOfServlet(io.wssgate.authentication.TomcatServers.App app) implements GateUnderTest {
        @Override
        public URI uri(String path) {
            return app.uri(path);
        }

        @Override
        public int invocations() {
            return AttackedServlet.INVOCATIONS.get();
        }

        @Override
        public List<String> principals() {
            return AttackedServlet.PRINCIPALS;
        }

        @Override
        public void assertNoCallerIn(HttpResponse<byte[]> refusal) {
            assertThat(refusal.headers().firstValue("X-Principal")).as("principal header").isEmpty();
        }

        @Override
        public void close() throws Exception {
            app.close();
        }
    }
}
