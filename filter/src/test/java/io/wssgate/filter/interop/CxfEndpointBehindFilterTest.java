package io.wssgate.filter.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.testing.KeyIdType;
import io.wssgate.testing.LocalWebApp;
import io.wssgate.testing.TestKeys;
import io.wssgate.testing.TestMessages;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CXF JAX-WS endpoint without CXF's own WS-Security, behind the WSS Gate filter on a real
 * Jetty (the shape of a JBossWS endpoint on WildFly behind the filter or the Jakarta
 * Authentication module). WS-Security senders mark {@code wsse:Security} mustUnderstand, and CXF
 * refuses a header nobody in its chain claims; {@link io.wssgate.jaxws.SecurityHeaderClaim} claims
 * it where the filter validated it, and only there.
 */
class CxfEndpointBehindFilterTest {
    private static final String WHOAMI = "<ns:whoami xmlns:ns=\"" + InteropService.NS + "\"/>";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static TestKeys keys = TestKeys.create();
    static TestKeys.Identity client = keys.issue("client");
    static LocalWebApp app;
    private int invocationsBefore;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        Path ca = TestKeys.writePem(dir.resolve("ca.pem"), keys.ca().certificate());
        Path config = Files.writeString(dir.resolve("wssgate.yaml"), """
                policies:
                  cxf:
                    paths: [/services/claimed, /services/unclaimed]
                    trust:
                      certificates: [%s]
                    roles:
                      certificate-subjects:
                        - subject: "CN=client,O=WSS Gate Test,C=DE"
                          roles: [clerk]
                """.formatted(ca));
        Path webInf = Files.createDirectories(dir.resolve("webapp/WEB-INF"));
        Files.writeString(webInf.resolve("web.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
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
                    <servlet-name>cxf</servlet-name>
                    <servlet-class>%s</servlet-class>
                    <load-on-startup>1</load-on-startup>
                  </servlet>
                  <servlet-mapping>
                    <servlet-name>cxf</servlet-name>
                    <url-pattern>/services/*</url-pattern>
                  </servlet-mapping>
                </web-app>
                """.formatted(config, ClaimingCxfServlet.class.getName()));
        app = LocalWebApp.start(dir.resolve("webapp"), "/app");
    }

    @AfterAll
    static void stop() throws Exception {
        app.close();
    }

    @BeforeEach
    void count() {
        invocationsBefore = CxfCallerEndpoint.INVOCATIONS.get();
    }

    @Test
    void claimedHeaderLetsTheSignedRequestReachTheEndpointWithTheCaller() throws Exception {
        HttpResponse<String> response = post("/services/claimed", signedWhoami());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("principal=CN=client,O=WSS Gate Test,C=DE;roles=clerk");
    }

    @Test
    void withoutTheClaimCxfRefusesTheHeaderAsNotUnderstood() throws Exception {
        HttpResponse<String> response = post("/services/unclaimed", signedWhoami());
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("MustUnderstand");
        assertThat(CxfCallerEndpoint.INVOCATIONS.get()).isEqualTo(invocationsBefore);
    }

    @Test
    void forgedRequestGetsTheFiltersFaultBeforeCxf() throws Exception {
        byte[] signed = TestMessages.soap11("<ns:echo xmlns:ns=\"" + InteropService.NS + "\"><text>pay 10</text></ns:echo>")
                .timestamp(Duration.ofMinutes(5)).signWith(client, KeyIdType.BST).build();
        HttpResponse<String> response = post("/services/claimed", TestMessages.tamperBody(signed));
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("wsse:FailedCheck");
        assertThat(CxfCallerEndpoint.INVOCATIONS.get()).isEqualTo(invocationsBefore);
    }

    @Test
    void securityHeaderNobodyValidatedStaysNotUnderstood() throws Exception {
        // /services/open: no policy, the filter lets it pass untouched, so the claim must not vouch for it
        HttpResponse<String> response = post("/services/open", signedWhoami());
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("MustUnderstand");
        assertThat(CxfCallerEndpoint.INVOCATIONS.get()).isEqualTo(invocationsBefore);
    }

    private static byte[] signedWhoami() {
        return TestMessages.soap11(WHOAMI).timestamp(Duration.ofMinutes(5)).signWith(client, KeyIdType.BST).build();
    }

    private static HttpResponse<String> post(String path, byte[] body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(app.uri(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "text/xml; charset=UTF-8").POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
