package io.wssgate.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wssgate.testing.KeyIdType;
import io.wssgate.testing.TestKeys;
import io.wssgate.testing.TestMessages;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the filter starts from web.xml: inline init-params, and refusal to start when misconfigured. */
class FilterStartupTest {
    static final TestKeys KEYS = TestKeys.create();

    @Test
    void inlineInitParamsUseTheSameKeysAsTheYamlFile(@TempDir Path dir) throws Exception {
        Path ca = TestKeys.writePem(dir.resolve("ca.pem"), KEYS.ca().certificate());
        Map<String, String> params = new LinkedHashMap<>();
        params.put("policies.inline.paths", "/services/*, /other/*");
        params.put("policies.inline.trust.certificates", ca.toString());
        params.put("policies.inline.timestamp.max-age", "2m");
        try (JettyWebApp app = JettyWebApp.start(dir, params)) {
            byte[] message = TestMessages.soap11().timestamp(Duration.ofMinutes(1))
                    .signWith(KEYS.issue("client"), KeyIdType.BST).build();
            HttpResponse<byte[]> response = app.post("/other/x", message, SecuredApp.SOAP11);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("X-Principal")).contains("CN=client,O=WSS Gate Test,C=DE");
            assertThat(app.post("/services/x", TestMessages.soap11().build(), SecuredApp.SOAP11).statusCode())
                    .isEqualTo(500);
        }
    }

    @Test
    void misconfigurationStopsStartUpListingEveryProblemWithItsKeyPath(@TempDir Path dir) throws Exception {
        Path expired = TestKeys.writePem(dir.resolve("expired.pem"), KEYS.expired("old-idp").certificate());
        Path store = TestKeys.writePkcs12(dir.resolve("server.p12"), "right".toCharArray(), "server", KEYS.issue("server"));
        Path config = Files.writeString(dir.resolve("wssgate.yaml"), """
                policies:
                  broken:
                    paths: [/services/*]
                    timestamp:
                      max-age: five minutes
                    trust:
                      certificates: [%s]
                      keystore: { path: %s, password: wrong }
                    saml:
                      issuers:
                        - name: https://idp
                          certificates: [%s]
                      audiences: [urn:x]
                    decryption:
                      key:
                        keystore: { path: %s, password: right }
                        alias: nobody
                    unknown-section: true
                """.formatted(dir.resolve("missing.pem"), store, expired, store));
        int before = EchoServlet.INVOCATIONS.get();

        assertThatThrownBy(() -> JettyWebApp.start(dir, Map.of("config-file", config.toString())))
                .rootCause()
                .hasMessageContaining("policies.broken.timestamp.max-age")
                .hasMessageContaining("policies.broken.trust.certificates")
                .hasMessageContaining("policies.broken.trust.keystore.password")
                .hasMessageContaining("policies.broken.saml.issuers[0].certificates")
                .hasMessageContaining("expired")
                .hasMessageContaining("policies.broken.decryption.key.alias")
                .hasMessageContaining("policies.broken.unknown-section");
        assertThat(EchoServlet.INVOCATIONS.get()).isEqualTo(before);
    }

    /** web.xml's flat init-param keys get the same "did you mean" as YAML and Spring Boot properties. */
    @Test
    void aMisspelledInitParamKeyStopsStartUpWithWhatWasMeant(@TempDir Path dir) throws Exception {
        Path ca = TestKeys.writePem(dir.resolve("ca.pem"), KEYS.ca().certificate());
        int before = EchoServlet.INVOCATIONS.get();

        assertThatThrownBy(() -> JettyWebApp.start(dir, Map.of("policies.p.paths", "/services/*",
                "policies.p.trsut.certificates", ca.toString())))
                .rootCause()
                .hasMessageContaining("policies.p.trsut: unknown key; did you mean trust?");
        assertThat(EchoServlet.INVOCATIONS.get()).isEqualTo(before);
    }

    /** A policy without paths (a client's) may sit beside the ones that guard paths; the filter only uses those. */
    @Test
    void aPolicyWithoutPathsIsUsedByNameOnly(@TempDir Path dir) throws Exception {
        Path ca = TestKeys.writePem(dir.resolve("ca.pem"), KEYS.ca().certificate());
        Map<String, String> params = new LinkedHashMap<>();
        params.put("policies.client.trust.certificates", ca.toString());
        params.put("policies.guarded.paths", "/services/*");
        params.put("policies.guarded.trust.certificates", ca.toString());
        try (JettyWebApp app = JettyWebApp.start(dir, params)) {
            assertThat(app.post("/services/x", TestMessages.soap11().build(), SecuredApp.SOAP11).statusCode())
                    .isEqualTo(500);
            assertThat(app.post("/open/x", TestMessages.soap11().build(), SecuredApp.SOAP11).statusCode())
                    .as("no policy guards it: the client policy has no paths").isEqualTo(200);
        }
    }

    @Test
    void aFilterWhosePoliciesHaveNoPathsRefusesToStart(@TempDir Path dir) throws Exception {
        Path ca = TestKeys.writePem(dir.resolve("ca.pem"), KEYS.ca().certificate());

        assertThatThrownBy(() -> JettyWebApp.start(dir, Map.of("policies.client.trust.certificates", ca.toString())))
                .rootCause()
                .hasMessageContaining("policies: no policy has paths, so this filter would guard nothing");
    }

    @Test
    void configFileAndInlineKeysTogetherAreRefused(@TempDir Path dir) {
        assertThatThrownBy(() -> JettyWebApp.start(dir,
                Map.of("config-file", dir.resolve("x.yaml").toString(), "policies.p.paths", "/*")))
                .rootCause().hasMessageContaining("config-file");
    }
}
