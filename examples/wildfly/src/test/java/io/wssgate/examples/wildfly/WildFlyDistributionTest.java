package io.wssgate.examples.wildfly;

import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.testing.KeyIdType;
import io.wssgate.testing.SamlSpec;
import io.wssgate.testing.TestKeys;
import io.wssgate.testing.TestMessages;
import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The example WAR on the real WildFly distribution (JBossWS, Undertow, Elytron, EJB), one server
 * for the whole class: the filter in front of a JBossWS endpoint, the Jakarta Authentication
 * module with the container propagating the caller to an EJB guarded by {@code @RolesAllowed},
 * and WSS Gate's handler on JBossWS through {@code @HandlerChain}; valid and forged messages over
 * HTTP. A second WAR whose filter configuration is broken must fail its deployment (Undertow
 * initialises filters lazily: without WSS Gate's initializer it would deploy and answer 500s).
 */
class WildFlyDistributionTest {
    private static final String WHOAMI = "<ns:whoami xmlns:ns=\"urn:wssgate:wildfly\"/>";
    private static final String AUDIENCE = "urn:wssgate:wildfly";
    /** Where JBossWS publishes the EJB endpoint GuardedEndpoint: /<context>/<serviceName>/<EJB name>. */
    private static final String GUARDED = "/app/GuardedService/GuardedEndpoint";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final TestKeys KEYS = TestKeys.create();
    static final TestKeys.Identity CLIENT = KEYS.issue("client");
    static final TestKeys.Identity GUEST = KEYS.issue("guest");
    static final TestKeys.Identity IDP = KEYS.issue("idp");
    static final TestKeys.Identity ALICE_KEY = KEYS.issue("alice-key");
    static final String CLIENT_DN = "CN=client,O=WSS Gate Test,C=DE";
    private static WildFly wildfly;

    @BeforeAll
    static void start() throws Exception {
        Path dir = Files.createDirectories(Path.of("target/wildfly-config").toAbsolutePath());
        Path ca = TestKeys.writePem(dir.resolve("ca.pem"), KEYS.ca().certificate());
        Path idp = TestKeys.writePem(dir.resolve("idp.pem"), IDP.certificate());
        Files.writeString(dir.resolve("filter.yaml"), policy("filter", "/filter/*", ca, idp));
        Files.writeString(dir.resolve("module.yaml"), policy("module", "/module/*, /GuardedService/*", ca, idp));
        Files.writeString(dir.resolve("handler.yaml"), policy("handler", "/handler/*", ca, idp));
        Files.writeString(dir.resolve("broken.yaml"), """
                policies:
                  broken:
                    paths: [/filter/*]
                    trust:
                      certificates: [/no/such/ca.pem]
                """);
        Path war = Path.of(System.getProperty("wssgate.example.war"));
        wildfly = WildFly.start(Path.of(System.getProperty("wssgate.wildfly.zip")), Path.of("target/wildfly"),
                Map.of("app.war", war), Map.of("WSSGATE_WILDFLY_DIR", dir.toString(),
                        "wssgate.config", dir.resolve("handler.yaml").toString()));
        assertThat(wildfly.awaitDeployment("app.war", Duration.ofMinutes(4))).as(wildfly::console).isTrue();
    }

    @AfterAll
    static void stop() throws Exception {
        if (wildfly != null) {
            wildfly.close();
        }
    }

    @Test
    void filterRouteJBossWsEndpointSeesTheCaller() throws Exception {
        HttpResponse<String> response = post("/app/filter/ws", signed(CLIENT));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("principal=" + CLIENT_DN + ";clerk=true;admin=false");
    }

    @Test
    void filterRouteForgedMessageGetsTheFault() throws Exception {
        HttpResponse<String> response = post("/app/filter/ws", forged());
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("wsse:FailedCheck").doesNotContain("principal=");
    }

    @Test
    void moduleRouteContainerPropagatesTheCallerToTheGuardedEjb() throws Exception {
        HttpResponse<String> response = post("/app/module/ws", signed(CLIENT));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("principal=" + CLIENT_DN + ";clerk=true;admin=false")
                .contains("ejb-caller=" + CLIENT_DN + ";clerk=true;admin=false");
    }

    @Test
    void moduleRouteContainerMapsTheApplicationsRoleNameToTheCallersGroup() throws Exception {
        // order-desk is no group of WSS Gate: the servlet's security-role-ref in web.xml links it to clerk
        HttpResponse<String> clerk = post("/app/module/roles", signed(CLIENT));
        assertThat(clerk.statusCode()).as(clerk.body()).isEqualTo(200);
        assertThat(clerk.body()).contains(";order-desk=true");

        assertThat(clerk.body()).startsWith("principal=" + CLIENT_DN + ";clerk=true");
        HttpResponse<String> guest = post("/app/module/roles", signed(GUEST));
        assertThat(guest.statusCode()).as(guest.body()).isEqualTo(200);
        assertThat(guest.body()).contains("clerk=false").contains(";order-desk=false");
    }

    @Test
    void ejbEndpointGuardedByRolesAllowedAdmitsTheRoleAndRefusesOthersBeforeItsBodyRuns() throws Exception {
        HttpResponse<String> admitted = post(GUARDED, signed(CLIENT));
        assertThat(admitted.statusCode()).as(admitted.body()).isEqualTo(200);
        assertThat(admitted.body()).contains("guarded-caller=" + CLIENT_DN + ";clerk=true");

        int before = guardedCalls();
        HttpResponse<String> refused = post(GUARDED, signed(GUEST));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(500);
        assertThat(refused.body()).contains("Fault").doesNotContain("guarded-caller");
        assertThat(guardedCalls()).as("method body runs").isEqualTo(before);

        HttpResponse<String> forged = post(GUARDED, forged());
        assertThat(forged.statusCode()).isEqualTo(500);
        assertThat(forged.body()).contains("wsse:FailedCheck").doesNotContain("guarded-caller");
        assertThat(guardedCalls()).as("method body runs").isEqualTo(before);
    }

    /** How often GuardedEndpoint.whoami's body ran, asked by a caller the container authenticated. */
    private static int guardedCalls() throws Exception {
        HttpResponse<String> response = post(GUARDED, TestMessages
                .soap11("<ns:calls xmlns:ns=\"urn:wssgate:wildfly\"/>").timestamp(Duration.ofMinutes(5))
                .signWith(GUEST, KeyIdType.BST).build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        java.util.regex.Matcher count = java.util.regex.Pattern.compile("<return>(\\d+)</return>").matcher(response.body());
        assertThat(count.find()).as(response.body()).isTrue();
        return Integer.parseInt(count.group(1));
    }

    @Test
    void moduleRouteSamlHolderOfKeyCallerReachesTheEjb() throws Exception {
        byte[] message = TestMessages.soap11(WHOAMI).timestamp(Duration.ofMinutes(5))
                .saml(SamlSpec.saml2().signedBy(IDP).audienceRestriction(AUDIENCE).attribute("role", "clerk")
                        .holderOfKey(ALICE_KEY)).build();
        HttpResponse<String> response = post("/app/module/ws", message);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("ejb-caller=alice;clerk=true");
    }

    @Test
    void moduleRouteEjbRefusesACallerWithoutTheRole() throws Exception {
        HttpResponse<String> response = post("/app/module/ws", signed(GUEST));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("principal=CN=guest,O=WSS Gate Test,C=DE;clerk=false")
                .contains("ejb=refused");
    }

    @Test
    void moduleRouteForgedMessageNeverReachesTheContainersAuthorization() throws Exception {
        HttpResponse<String> response = post("/app/module/ws", forged());
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("wsse:FailedCheck").doesNotContain("ejb");
        assertThat(response.headers().firstValue("X-WSS-Gate-Correlation-Id")).isPresent();
    }

    @Test
    void handlerRouteOnJBossWs() throws Exception {
        HttpResponse<String> response = post("/app/handler/ws", signed(CLIENT));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("handler-caller=" + CLIENT_DN);

        HttpResponse<String> forged = post("/app/handler/ws", forged());
        assertThat(forged.statusCode()).isEqualTo(500);
        assertThat(forged.body()).contains("FailedCheck").doesNotContain("handler-caller");
    }

    @Test
    void brokenFilterConfigurationFailsTheDeployment() throws Exception {
        Path war = Path.of(System.getProperty("wssgate.example.war"));
        Path broken = withWebXml(war, Path.of("target/broken.war"), webXml -> webXml
                .replace("${WSSGATE_WILDFLY_DIR}/filter.yaml", "${WSSGATE_WILDFLY_DIR}/broken.yaml"));
        wildfly.deploy("broken.war", broken);
        assertThat(wildfly.awaitDeployment("broken.war", Duration.ofMinutes(2))).as("deployed").isFalse();
        assertThat(wildfly.failure("broken.war") + wildfly.console()).contains("policies.broken.trust.certificates");
    }

    private static Path withWebXml(Path war, Path target, java.util.function.UnaryOperator<String> change)
            throws IOException {
        try (ZipFile in = new ZipFile(war.toFile()); OutputStream file = Files.newOutputStream(target);
             ZipOutputStream out = new ZipOutputStream(file)) {
            for (ZipEntry e : java.util.Collections.list(in.entries())) {
                out.putNextEntry(new ZipEntry(e.getName()));
                byte[] bytes = in.getInputStream(e).readAllBytes();
                if (e.getName().equals("WEB-INF/web.xml")) {
                    bytes = change.apply(new String(bytes, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                }
                out.write(bytes);
                out.closeEntry();
            }
        }
        return target;
    }

    private static String policy(String name, String paths, Path ca, Path idp) {
        return """
                policies:
                  %1$s:
                    paths: [%2$s]
                    trust:
                      certificates: [%3$s]
                    saml:
                      issuers:
                        - name: %4$s
                          certificates: [%5$s]
                      audiences: [%6$s]
                    roles:
                      saml-attributes: [role]
                      certificate-subjects:
                        - subject: "%7$s"
                          roles: [clerk]
                """.formatted(name, paths, ca, SamlSpec.DEFAULT_ISSUER, idp, AUDIENCE, CLIENT_DN);
    }

    /** A signed whoami with text in its Body, for the tampering to change. */
    private static byte[] forged() {
        return TestMessages.tamperBody(TestMessages.soap11("<ns:whoami xmlns:ns=\"urn:wssgate:wildfly\">me</ns:whoami>")
                .timestamp(Duration.ofMinutes(5)).signWith(CLIENT, KeyIdType.BST).build());
    }

    private static byte[] signed(TestKeys.Identity caller) {
        return TestMessages.soap11(WHOAMI).timestamp(Duration.ofMinutes(5)).signWith(caller, KeyIdType.BST).build();
    }

    private static HttpResponse<String> post(String path, byte[] body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(wildfly.uri(path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "text/xml; charset=utf-8").POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
