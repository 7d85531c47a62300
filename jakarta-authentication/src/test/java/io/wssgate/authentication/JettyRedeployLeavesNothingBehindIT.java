package io.wssgate.authentication;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.security.auth.message.config.AuthConfigFactory;
import java.lang.ref.WeakReference;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Security;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.ServletContainerInitializerHolder;
import org.eclipse.jetty.ee.webapp.WebAppClassLoader;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link RedeployLeavesNothingBehindTest}'s assertions on Jetty 12 ee10 embedded with Jetty's Jakarta
 * Authentication: the application, with WSS Gate and its libraries in WEB-INF/lib, deployed, used,
 * undeployed and redeployed three times in one running Jetty, through the module and through the
 * plain filter. After each undeploy no WSS Gate thread and no JCE provider from a web application
 * class loader is left, the providers the application displaced are back, and at the end every
 * application class loader has been collected.
 */
class JettyRedeployLeavesNothingBehindIT {
    private static final int ROUNDS = 3;

    @ParameterizedTest
    @ValueSource(strings = {"module", "filter"})
    void deployUndeployRedeployLeavesNoThreadProviderOrClassLoader(String route, @TempDir Path dir) throws Exception {
        SecuredWebApp app = new SecuredWebApp(dir);
        if (route.equals("filter")) {
            Files.writeString(app.webapp.resolve("WEB-INF/web.xml"), SecuredWebApp.filterWebXml(app.config.toString()));
        }
        WarLibraries.copyInto(app.webapp.resolve("WEB-INF/lib"));
        Security.setProperty("authconfigprovider.factory", "org.eclipse.jetty.ee10.security.jaspi.DefaultAuthConfigFactory");
        AuthConfigFactory.getFactory();
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ContextHandlerCollection contexts = new ContextHandlerCollection();
        server.setHandler(contexts);
        server.start();
        List<WeakReference<ClassLoader>> loaders = new ArrayList<>();
        try {
            for (int round = 0; round < ROUNDS; round++) {
                loaders.add(deployUseAndUndeploy(server, contexts, app, route));
                LeakChecks.awaitNoWssGateThread();
                assertThat(providersFromApplicationLoaders()).as("JCE providers left by round " + round).isEmpty();
            }
            // every earlier round's loader is gone while Jetty keeps running; the latest one Jetty itself
            // may still hold (its pooled threads and request caches keep the last context they served)
            // until the server stops, after which nothing at all may hold it
            LeakChecks.awaitCollected(loaders.subList(0, ROUNDS - 1));
        } finally {
            server.stop();
        }
        LeakChecks.awaitCollected(loaders);
    }

    private static WeakReference<ClassLoader> deployUseAndUndeploy(Server server, ContextHandlerCollection contexts,
            SecuredWebApp app, String route) throws Exception {
        // signing initialises the test's own WSS4J first, as a server's own WSS4J would be
        byte[] message = ContainerSecurityContract.signedBy(app.client);
        List<String> serverProviders = LeakChecks.providerNames();
        WebAppContext context = new WebAppContext();
        context.setContextPath("/app");
        context.setBaseResourceAsPath(app.webapp);
        context.setThrowUnavailableOnStartupException(true);
        // WSS Gate's module in WEB-INF/lib needs the Jakarta Authentication API the server provides
        context.getHiddenClassMatcher().exclude("jakarta.security.auth.message.");
        if (route.equals("module")) {
            // what Jetty's annotations module would find in WEB-INF/lib: the initializer, loaded by the application
            ServletContainerInitializerHolder initializer = new ServletContainerInitializerHolder();
            initializer.setClassName("io.wssgate.authentication.AuthModuleInitializer");
            context.addServletContainerInitializer(initializer);
        }
        contexts.addHandler(context);
        context.start();
        ClassLoader loader = context.getClassLoader();
        assertThat(loader).isInstanceOf(WebAppClassLoader.class);
        assertThat(loader.loadClass("io.wssgate.WssGate").getClassLoader())
                .as("WSS Gate runs from the application's WEB-INF/lib").isSameAs(loader);

        HttpResponse<byte[]> response = Http.post(URI.create(server.getURI().resolve("/app/x509/orders").toString()), message);
        assertThat(response.statusCode()).as(() -> Http.text(response)).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Principal")).contains(SecuredWebApp.CLIENT_DN);
        if (route.equals("module")) {
            assertThat(response.headers().firstValue("X-Auth-Type")).as("the container's caller").contains("WS-Security");
        }
        assertThat(LeakChecks.wssGateThreads()).as("the key-reload thread runs while deployed").isNotEmpty();
        assertThat(providersFromApplicationLoaders()).as("WSS4J registered its providers from the application")
                .isNotEmpty();

        context.stop();
        contexts.removeHandler(context);
        context.destroy();
        assertThat(LeakChecks.providerNames()).as("the providers the application displaced are back")
                .containsAll(serverProviders);
        assertThat(AuthConfigFactory.getFactory().getRegistrationIDs(null))
                .as("Jakarta Authentication registrations left by the application").isEmpty();
        return new WeakReference<>(loader);
    }

    private static List<String> providersFromApplicationLoaders() {
        return LeakChecks.providersFrom(loader -> loader instanceof WebAppClassLoader);
    }
}
