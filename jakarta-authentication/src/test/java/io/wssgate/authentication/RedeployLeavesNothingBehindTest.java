package io.wssgate.authentication;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.WeakReference;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
            Files.writeString(app.webapp.resolve("WEB-INF/web.xml"), SecuredWebApp.filterWebXml(app.config.toString()));
        }
        WarLibraries.copyInto(app.webapp.resolve("WEB-INF/lib"));
        EmbeddedTomcat tomcat = EmbeddedTomcat.start(dir.resolve("tomcat"));
        List<WeakReference<ClassLoader>> loaders = new ArrayList<>();
        try {
            for (int round = 0; round < ROUNDS; round++) {
                loaders.add(deployUseAndUndeploy(tomcat, app));
                LeakChecks.awaitNoWssGateThread();
                assertThat(providersFromApplicationLoaders()).as("JCE providers left by round " + round).isEmpty();
            }
            LeakChecks.awaitCollected(loaders);
        } finally {
            tomcat.close();
        }
    }

    private static WeakReference<ClassLoader> deployUseAndUndeploy(EmbeddedTomcat tomcat, SecuredWebApp app) throws Exception {
        // signing initialises the test's own WSS4J first, as a server's own WSS4J would be (WildFly)
        byte[] message = ContainerSecurityContract.signedBy(app.client);
        List<String> serverProviders = LeakChecks.providerNames();
        Context context = tomcat.deploy("/app", app.webapp);
        ClassLoader loader = context.getLoader().getClassLoader();
        assertThat(loader.loadClass("io.wssgate.WssGate").getClassLoader())
                .as("WSS Gate runs from the application's WEB-INF/lib").isSameAs(loader);

        HttpResponse<byte[]> response = Http.post(tomcat.uri("/app/x509/orders"), message);
        assertThat(response.statusCode()).as(() -> Http.text(response)).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Principal")).contains(SecuredWebApp.CLIENT_DN);
        assertThat(LeakChecks.wssGateThreads()).as("the key-reload thread runs while deployed").isNotEmpty();
        assertThat(providersFromApplicationLoaders()).as("WSS4J registered its providers from the application")
                .isNotEmpty();

        tomcat.undeploy(context);
        assertThat(LeakChecks.providerNames())
                .as("the providers the application displaced are back").containsAll(serverProviders);
        return new WeakReference<>(loader);
    }

    private static List<String> providersFromApplicationLoaders() {
        return LeakChecks.providersFrom(loader -> loader instanceof WebappClassLoaderBase);
    }
}
