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
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The packaged example WAR, unchanged, on the real Tomcat 11 distribution: once as the packed WAR
 * (webapps/packed.war, its context descriptor telling Tomcat not to unpack it, and not to scan
 * its jars for TLDs, which in a packed WAR takes minutes) and once unpacked (webapps/unpacked/); and
 * the example's Jakarta Authentication WAR (webapps/authentication.war), where Tomcat itself
 * admits only callers with the role partner. One Tomcat process on a free port. Runs after
 * {@code package} (surefire's integration-test execution of this module), since it needs the WARs.
 */
class TomcatDistributionIT {
    private static final String WHOAMI = "<ex:whoami xmlns:ex=\"urn:wssgate:example\"/>";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static TomcatDistribution tomcat;
    private static Identity client;
    private static Identity idp;
    private static Path war;

    @BeforeAll
    static void start() throws Exception {
        ExampleKeys keys = ExampleKeys.ensure(ExampleKeys.configuredDirectory());
        client = identity(keys, ExampleKeys.CLIENT_KEYSTORE, ExampleKeys.CLIENT_ALIAS);
        idp = identity(keys, ExampleKeys.IDP_KEYSTORE, ExampleKeys.IDP_ALIAS);
        war = Path.of(System.getProperty("wssgate.example.war"));
        Path authenticationWar = Path.of(System.getProperty("wssgate.example.authentication.war"));
        Path zip = Path.of(System.getProperty("wssgate.tomcat.zip"));
        tomcat = TomcatDistribution.start(zip, Path.of("target/tomcat-distribution"), (webapps, descriptors) -> {
            Files.copy(war, webapps.resolve("packed.war"));
            Files.writeString(descriptors.resolve("packed.xml"), """
                    <Context unpackWAR="false">
                      <JarScanner><JarScanFilter defaultTldScan="false"/></JarScanner>
                    </Context>
                    """);
            TomcatDistribution.unzip(war, Files.createDirectories(webapps.resolve("unpacked")));
            Files.copy(authenticationWar, webapps.resolve("authentication.war"));
        }, Map.of(ExampleKeys.KEYS_DIR_VARIABLE, ExampleKeys.configuredDirectory().toAbsolutePath().toString()));
        // Tomcat deploys the WARs one after the other
        tomcat.awaitDeployed("/packed/whoami?wsdl", Duration.ofMinutes(5));
        tomcat.awaitDeployed("/unpacked/whoami?wsdl", Duration.ofMinutes(3));
        tomcat.awaitDeployed("/authentication/whoami?wsdl", Duration.ofMinutes(3));
    }

    @AfterAll
    static void stop() throws Exception {
        if (tomcat != null) {
            tomcat.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/packed", "/unpacked", "/authentication"})
    void signedRequestIsAnsweredWithTheCallerAndASignedResponse(String context) throws Exception {
        byte[] request = TestMessages.soap11(WHOAMI).timestamp(Duration.ofMinutes(5)).signWith(client, KeyIdType.BST).build();
        HttpResponse<String> response = post(context, request);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("<principal>" + ExampleKeys.CLIENT_DN + "</principal><role>partner</role>")
                .contains("SignatureValue");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/packed", "/unpacked", "/authentication"})
    void forgedRequestGetsTheFault(String context) throws Exception {
        byte[] signed = TestMessages.soap11("<ex:whoami xmlns:ex=\"urn:wssgate:example\">me</ex:whoami>")
                .timestamp(Duration.ofMinutes(5)).signWith(client, KeyIdType.BST).build();
        HttpResponse<String> response = post(context, TestMessages.tamperBody(signed));

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains(">wsse:FailedCheck</faultcode>").doesNotContain("whoamiResponse");
        assertThat(response.headers().firstValue("X-WSS-Gate-Correlation-Id")).isPresent();
    }

    @Test
    void tomcatRefusesACallerWithoutTheRoleItsConstraintRequires() throws Exception {
        // alice is a buyer, not a partner (sender-vouches: the sender's certificate lends her no role):
        // WSS Gate accepts her message, Tomcat's constraint refuses her
        byte[] request = TestMessages.soap11(WHOAMI).timestamp(Duration.ofMinutes(5))
                .saml(SamlSpec.saml2().issuer(ExampleKeys.DEFAULT_IDP_NAME).signedBy(idp).subject("alice")
                        .audienceRestriction(ExampleKeys.DEFAULT_AUDIENCE).attribute("role", "buyer").senderVouches())
                .signWith(client, KeyIdType.BST).build();
        HttpResponse<String> refused = post("/authentication", request);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(refused.headers().firstValue("X-WSS-Gate-Correlation-Id")).isEmpty();

        HttpResponse<String> viaFilter = post("/packed", request);
        assertThat(viaFilter.statusCode()).as("the filter WAR has no constraint").isEqualTo(200);
        assertThat(viaFilter.body()).contains("<principal>alice</principal>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"wssgate.example.war", "wssgate.example.authentication.war"})
    void theWarCarriesNoJakartaApiJarButMailForAttachments(String warProperty) throws Exception {
        // Servlet, Jakarta Authentication, XML Web Services, Annotations: provided by the container.
        // XML Binding: declared by WSS4J and Santuario, never loaded by WSS Gate, left out by core
        // (docs/contributing.md "Footprint"). Mail and Activation are the exception: WSS4J's SwA
        // transforms canonicalize MIME headers with Jakarta Mail (attachments), and Tomcat, unlike
        // a full application server, provides neither (docs/app-servers.md says how to leave them out there)
        try (ZipFile zip = new ZipFile(System.getProperty(warProperty))) {
            List<String> libs = zip.stream().map(e -> e.getName()).filter(n -> n.startsWith("WEB-INF/lib/")).toList();
            assertThat(libs).isNotEmpty().filteredOn(n -> n.startsWith("WEB-INF/lib/jakarta."))
                    .allMatch(n -> n.startsWith("WEB-INF/lib/jakarta.mail-api-") || n.startsWith("WEB-INF/lib/jakarta.activation-api-"));
        }
    }

    static Identity identity(ExampleKeys keys, String keystore, String alias) throws Exception {
        KeyStore.PrivateKeyEntry entry = keys.privateKeyEntry(keystore, alias);
        X509Certificate[] chain = Arrays.stream(entry.getCertificateChain()).map(X509Certificate.class::cast)
                .toArray(X509Certificate[]::new);
        return new Identity(alias, entry.getPrivateKey(), chain[0], Arrays.asList(chain));
    }

    private static HttpResponse<String> post(String context, byte[] body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(tomcat.uri(context + "/whoami")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "text/xml; charset=utf-8").POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
