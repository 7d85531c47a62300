package io.wssgate.authentication;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.WeakReference;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Provider;
import java.security.Security;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.catalina.Context;
import org.apache.catalina.loader.WebappClassLoaderBase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deploys, uses, undeploys and redeploys a WAR three times on Tomcat 11 embedded, with WSS Gate
 * and its libraries in WEB-INF/lib as in a packaged application, through the Jakarta
 * Authentication module and through the plain filter. After each undeploy no WSS Gate thread is
 * left and no JCE provider from an application class loader is registered; at the end every
 * application class loader has been garbage collected, and the JCE providers the test's own WSS4J
 * had registered (as a server's own WSS4J would have), which WSS4J in the application replaced by
 * name, are registered again. Before undeploy the test checks that the
 * things it expects gone were really there (the key-reload thread, WSS4J's providers from the
 * application's loader), so it cannot pass by not exercising them.
 */
class RedeployLeavesNothingBehindTest {
    private static final int ROUNDS = 3;

    @ParameterizedTest
    @ValueSource(strings = {"module", "filter"})
    void deployUndeployRedeployLeavesNoThreadProviderOrClassLoader(String route, @TempDir Path dir) throws Exception {
        SecuredWebApp app = new SecuredWebApp(dir);
        if (route.equals("filter")) {
            Files.writeString(app.webapp.resolve("WEB-INF/web.xml"), filterWebXml(app.config.toString()));
        }
        WarLibraries.copyInto(app.webapp.resolve("WEB-INF/lib"));
        EmbeddedTomcat tomcat = EmbeddedTomcat.start(dir.resolve("tomcat"));
        List<WeakReference<ClassLoader>> loaders = new ArrayList<>();
        try {
            for (int round = 0; round < ROUNDS; round++) {
                loaders.add(deployUseAndUndeploy(tomcat, app));
                awaitNoWssGateThread();
                assertThat(providersFromApplicationLoaders()).as("JCE providers left by round " + round).isEmpty();
            }
            awaitCollected(loaders);
        } finally {
            tomcat.close();
        }
    }

    private static WeakReference<ClassLoader> deployUseAndUndeploy(EmbeddedTomcat tomcat, SecuredWebApp app) throws Exception {
        // signing initialises the test's own WSS4J first, as a server's own WSS4J would be (WildFly)
        byte[] message = ContainerSecurityContract.signedBy(app.client);
        List<String> serverProviders = Arrays.stream(Security.getProviders()).map(Provider::getName).toList();
        Context context = tomcat.deploy("/app", app.webapp);
        ClassLoader loader = context.getLoader().getClassLoader();
        assertThat(loader.loadClass("io.wssgate.WssGate").getClassLoader())
                .as("WSS Gate runs from the application's WEB-INF/lib").isSameAs(loader);

        HttpResponse<byte[]> response = Http.post(tomcat.uri("/app/x509/orders"), message);
        assertThat(response.statusCode()).as(() -> Http.text(response)).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Principal")).contains(SecuredWebApp.CLIENT_DN);
        assertThat(wssGateThreads()).as("the key-reload thread runs while deployed").isNotEmpty();
        assertThat(providersFromApplicationLoaders()).as("WSS4J registered its providers from the application")
                .isNotEmpty();

        tomcat.undeploy(context);
        assertThat(Arrays.stream(Security.getProviders()).map(Provider::getName).toList())
                .as("the providers the application displaced are back").containsAll(serverProviders);
        return new WeakReference<>(loader);
    }

    private static List<String> wssGateThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.startsWith("wssgate")).toList();
    }

    private static void awaitNoWssGateThread() throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!wssGateThreads().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(wssGateThreads()).as("WSS Gate threads after undeploy").isEmpty();
    }

    private static List<String> providersFromApplicationLoaders() {
        return Arrays.stream(Security.getProviders())
                .filter(p -> p.getClass().getClassLoader() instanceof WebappClassLoaderBase)
                .map(Provider::getName).toList();
    }

    private static void awaitCollected(List<WeakReference<ClassLoader>> loaders) throws InterruptedException {
        for (int i = 0; i < 40 && loaders.stream().anyMatch(r -> r.get() != null); i++) {
            System.gc();
            byte[][] pressure = new byte[16][];
            for (int j = 0; j < pressure.length; j++) {
                pressure[j] = new byte[1 << 20];
            }
            Thread.sleep(100);
        }
        assertThat(loaders.stream().filter(r -> r.get() != null).count())
                .as("application class loaders still reachable after undeploy").isZero();
    }

    private static String filterWebXml(String configFile) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0" metadata-complete="true">
                  <filter>
                    <filter-name>wssgate</filter-name>
                    <filter-class>io.wssgate.filter.WssGateFilter</filter-class>
                    <init-param><param-name>config-file</param-name><param-value>%s</param-value></init-param>
                  </filter>
                  <filter-mapping>
                    <filter-name>wssgate</filter-name>
                    <url-pattern>/*</url-pattern>
                  </filter-mapping>
                  <servlet>
                    <servlet-name>caller</servlet-name>
                    <servlet-class>io.wssgate.authentication.CallerServlet</servlet-class>
                  </servlet>
                  <servlet-mapping>
                    <servlet-name>caller</servlet-name>
                    <url-pattern>/*</url-pattern>
                  </servlet-mapping>
                </web-app>
                """.formatted(configFile);
    }
}
