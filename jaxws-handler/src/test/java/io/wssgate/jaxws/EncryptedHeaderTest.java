package io.wssgate.jaxws;

import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.testing.attacks.AttackFixture;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * WSS 1.1 encrypted headers on Metro, over HTTP: WSS4J marks every wsse11:EncryptedHeader
 * mustUnderstand, and the handler declares it understood; WSS Gate decrypts it before Metro
 * parses the request, so the endpoint receives the decrypted header as an ordinary header, and
 * Metro checks that header's own mustUnderstand against what the endpoint understands. (The
 * parity suites check the rest on every integration: the same message to an endpoint that does
 * not bind the header, and an EncryptedHeader nothing decrypts, which is refused.)
 */
class EncryptedHeaderTest {
    static AttackFixture fixture;
    static MetroWebApp app;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        fixture = AttackFixture.create(dir);
        System.setProperty("wssgate.config", fixture.config.toString());
        try {
            app = MetroWebApp.start(dir, List.of(new MetroWebApp.Endpoint("/routed", RoutedEndpoint.class)));
        } finally {
            System.clearProperty("wssgate.config");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        app.close();
        fixture.close();
    }

    @Test
    void encryptedHeaderReachesTheEndpointDecrypted() throws Exception {
        byte[] request = fixture.encryptedWithHeader(AttackFixture.ENC, true, false).build();
        assertThat(new String(request, StandardCharsets.UTF_8)).contains("EncryptedHeader")
                .doesNotContain(AttackFixture.ROUTING_TEXT);

        HttpResponse<byte[]> response = app.post("/routed", request, AttackFixture.SOAP11_CONTENT_TYPE);

        assertThat(SoapBodies.returned(response)).isEqualTo("routing=" + AttackFixture.ROUTING_TEXT + ";text=pay 10");
    }

    /** Mandatory once decrypted, and understood: the endpoint binds it. */
    @Test
    void mandatoryDecryptedHeaderTheEndpointBindsIsUnderstood() throws Exception {
        byte[] request = fixture.encryptedWithHeader(AttackFixture.ENC, true, true).build();

        HttpResponse<byte[]> response = app.post("/routed", request, AttackFixture.SOAP11_CONTENT_TYPE);

        assertThat(SoapBodies.returned(response)).isEqualTo("routing=" + AttackFixture.ROUTING_TEXT + ";text=pay 10");
    }
}
