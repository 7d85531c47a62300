package io.wssgate.examples.webxml;

import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.examples.keys.ExampleKeys;
import io.wssgate.testing.KeyIdType;
import io.wssgate.testing.SamlSpec;
import io.wssgate.testing.TestKeys.Identity;
import io.wssgate.testing.TestMessages;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The packaged example WARs, unchanged, on the real Jetty 12 distribution (jetty-home) with the
 * modules {@value JettyDistribution#MODULES}: the filter WAR (webapps/filter.war) and the Jakarta
 * Authentication WAR (webapps/authentication.war with its context descriptor authentication.xml,
 * which lets the application see the Jakarta Authentication API), where Jetty's own Jakarta
 * Authentication asks WSS Gate's module for the caller and Jetty's constraint admits only the role partner. One Jetty
 * process on a free port. Runs after {@code package} (surefire's integration-test execution of this
 * module), since it needs the WARs.
 */
class JettyDistributionIT {
    private static final String WHOAMI = "<ex:whoami xmlns:ex=\"urn:wssgate:example\"/>";
    /** The context descriptor docs/app-servers.md gives for a WAR with the module on Jetty. */
    static final String AUTHENTICATION_CONTEXT = """
            <?xml version="1.0"?>
            <!DOCTYPE Configure PUBLIC "-//Jetty//Configure//EN" "https://jetty.org/configure_10_0.dtd">
            <Configure class="org.eclipse.jetty.ee10.webapp.WebAppContext">
              <Set name="contextPath">/authentication</Set>
              <Set name="war"><Property name="jetty.webapps" default="webapps"/>/authentication.war</Set>
              <Get name="hiddenClassMatcher">
                <Call name="exclude"><Arg>jakarta.security.auth.message.</Arg></Call>
              </Get>
            </Configure>
            """;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static JettyDistribution jetty;
    private static Identity client;
    private static Identity idp;
    /** Bob's proof key: the example server's certificate, issued by the trusted CA, which no role mapping names. */
    private static Identity roleLessProofKey;

    @BeforeAll
    static void start() throws Exception {
        ExampleKeys keys = ExampleKeys.ensure(ExampleKeys.configuredDirectory());
        client = TomcatDistributionIT.identity(keys, ExampleKeys.CLIENT_KEYSTORE, ExampleKeys.CLIENT_ALIAS);
        idp = TomcatDistributionIT.identity(keys, ExampleKeys.IDP_KEYSTORE, ExampleKeys.IDP_ALIAS);
        roleLessProofKey = TomcatDistributionIT.identity(keys, ExampleKeys.SERVER_KEYSTORE, ExampleKeys.SERVER_ALIAS);
        Path war = Path.of(System.getProperty("wssgate.example.war"));
        Path authenticationWar = Path.of(System.getProperty("wssgate.example.authentication.war"));
        Path zip = Path.of(System.getProperty("wssgate.jetty.zip"));
        jetty = JettyDistribution.start(zip, Path.of("target/jetty-distribution"), webapps -> {
            Files.copy(war, webapps.resolve("filter.war"));
            Files.copy(authenticationWar, webapps.resolve("authentication.war"));
            // Jetty hides the Jakarta Authentication API from web applications (its modules are
            // meant to live on the server's class path); WSS Gate's is in WEB-INF/lib and needs it
            Files.writeString(webapps.resolve("authentication.xml"), AUTHENTICATION_CONTEXT);
        }, Map.of(ExampleKeys.KEYS_DIR_VARIABLE, ExampleKeys.configuredDirectory().toAbsolutePath().toString()));
        jetty.awaitDeployed("/filter/whoami?wsdl", Duration.ofMinutes(5));
        jetty.awaitDeployed("/authentication/whoami?wsdl", Duration.ofMinutes(3));
    }

    @AfterAll
    static void stop() throws Exception {
        if (jetty != null) {
            jetty.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/filter", "/authentication"})
    void x509CallerIsAnsweredWithTheCallerAndASignedResponse(String context) throws Exception {
        byte[] request = TestMessages.soap11(WHOAMI).timestamp(Duration.ofMinutes(5)).signWith(client, KeyIdType.BST).build();
        HttpResponse<String> response = post(context, request);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("<principal>" + ExampleKeys.CLIENT_DN + "</principal><role>partner</role>")
                .contains("SignatureValue");
    }

    @Test
    void samlHolderOfKeyCallerWithTheRolePassesJettysConstraint() throws Exception {
        // the proof key's certificate maps to no role: partner can only come from the SAML attribute
        HttpResponse<String> response = post("/authentication", holderOfKey("bob", "partner"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("<principal>bob</principal><role>partner</role></");
    }

    @Test
    void samlHolderOfKeyCallerWithoutTheRoleAttributeIsRefusedByJetty() throws Exception {
        // the same proof key with another attribute value: WSS Gate accepts the message, Jetty refuses
        HttpResponse<String> refused = post("/authentication", holderOfKey("carol", "buyer"));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(refused.headers().firstValue("X-WSS-Gate-Correlation-Id")).isEmpty();
        assertThat(refused.body()).doesNotContain("whoamiResponse");
    }

    private static byte[] holderOfKey(String subject, String role) {
        return TestMessages.soap11(WHOAMI).timestamp(Duration.ofMinutes(5))
                .saml(SamlSpec.saml2().issuer(ExampleKeys.DEFAULT_IDP_NAME).signedBy(idp).subject(subject)
                        .audienceRestriction(ExampleKeys.DEFAULT_AUDIENCE).attribute("role", role)
                        .holderOfKey(roleLessProofKey))
                .build();
    }

    @Test
    void jettyRefusesACallerWithoutTheRoleItsConstraintRequires() throws Exception {
        // alice is a buyer, not a partner (sender-vouches: the sender's certificate lends her no role):
        // WSS Gate accepts her message, Jetty's constraint refuses her
        byte[] request = TestMessages.soap11(WHOAMI).timestamp(Duration.ofMinutes(5))
                .saml(SamlSpec.saml2().issuer(ExampleKeys.DEFAULT_IDP_NAME).signedBy(idp).subject("alice")
                        .audienceRestriction(ExampleKeys.DEFAULT_AUDIENCE).attribute("role", "buyer").senderVouches())
                .signWith(client, KeyIdType.BST).build();
        HttpResponse<String> refused = post("/authentication", request);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(refused.headers().firstValue("X-WSS-Gate-Correlation-Id")).isEmpty();
        assertThat(refused.body()).doesNotContain("whoamiResponse");

        HttpResponse<String> viaFilter = post("/filter", request);
        assertThat(viaFilter.statusCode()).as("the filter WAR has no constraint").isEqualTo(200);
        assertThat(viaFilter.body()).contains("<principal>alice</principal>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/filter", "/authentication"})
    void forgedRequestGetsTheFaultAndTheNextRequestIsServed(String context) throws Exception {
        byte[] signed = TestMessages.soap11("<ex:whoami xmlns:ex=\"urn:wssgate:example\">me</ex:whoami>")
                .timestamp(Duration.ofMinutes(5)).signWith(client, KeyIdType.BST).build();
        for (int i = 0; i < 2; i++) {
            // twice over one kept-alive connection: the exchange the fault answered must be complete
            HttpResponse<String> response = post(context, TestMessages.tamperBody(signed));
            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(response.body()).contains(">wsse:FailedCheck</faultcode>").doesNotContain("whoamiResponse");
            assertThat(response.headers().firstValue("X-WSS-Gate-Correlation-Id")).isPresent();
        }
    }

    private static HttpResponse<String> post(String context, byte[] body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(jetty.uri(context + "/whoami")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "text/xml; charset=utf-8").POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
