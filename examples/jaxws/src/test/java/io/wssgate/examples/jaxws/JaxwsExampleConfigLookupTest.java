package io.wssgate.examples.jaxws;

import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.examples.keys.ExampleKeys;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The endpoint's configuration is found the documented way, so the example can be pointed at a
 * partner's configuration without a rebuild: here the system property {@code wssgate.config}
 * names a copy of the example's own file that maps the example client's certificate to another
 * role; the endpoint, deployed with the property set, answers with that role. The example's own
 * caller keeps its pinned configuration and still gets through.
 */
class JaxwsExampleConfigLookupTest {

    @Test
    void wssgateConfigSystemPropertyReplacesTheBundledConfiguration(@TempDir Path partnerDir) throws Exception {
        Path keysDir = JaxwsExampleTest.keysDir;
        ExampleKeys keys = ExampleKeys.ensure(keysDir);
        String bundled;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("wssgate.yaml")) {
            bundled = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(bundled).contains("roles: [partner]");
        Path partnerConfig = Files.writeString(partnerDir.resolve("partner.yaml"),
                bundled.replace("roles: [partner]", "roles: [from-partner-config]"));

        System.setProperty(ExampleKeys.KEYS_DIR_VARIABLE, keysDir.toString());
        System.setProperty("wssgate.config", partnerConfig.toString());
        try (WhoAmIServer server = WhoAmIServer.start("localhost", 0)) {
            HttpResponse<String> response = ExampleRequests.post(server.endpoint(), new ExampleRequests(keys).x509());

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(response.body()).contains("<principal>" + ExampleKeys.CLIENT_DN + "</principal>"
                    + "<role>from-partner-config</role>");
            assertThat(new WhoAmIClient(server.endpoint()).whoami().getPrincipal()).isEqualTo("alice");
        } finally {
            System.clearProperty("wssgate.config");
            System.clearProperty(ExampleKeys.KEYS_DIR_VARIABLE);
        }
    }
}
