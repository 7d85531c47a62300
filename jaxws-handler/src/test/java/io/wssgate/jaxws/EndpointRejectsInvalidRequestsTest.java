package io.wssgate.jaxws;

import static io.wssgate.jaxws.SecuredEndpoints.SOAP11;
import static io.wssgate.jaxws.SecuredEndpoints.SOAP12;
import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.fault.FaultCode;
import io.wssgate.testing.KeyIdType;
import io.wssgate.testing.MessageBuilder;
import io.wssgate.testing.SamlSpec;
import io.wssgate.testing.TestMessages;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Invalid requests to Metro endpoints secured by {@code @WssGateEndpoint}: each is answered
 * with the core's exact WS-Security fault (HTTP 500, code, generic text, correlation id) and
 * the endpoint is never invoked.
 */
class EndpointRejectsInvalidRequestsTest {
    static SecuredEndpoints secured;
    private int invocationsBefore;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        secured = new SecuredEndpoints(dir);
    }

    @AfterAll
    static void stop() throws Exception {
        secured.close();
    }

    @BeforeEach
    void countInvocations() {
        invocationsBefore = CallerReport.INVOCATIONS.get();
    }

    @Test
    void tamperedBody() throws Exception {
        byte[] valid = holderOfKey(SoapBodies.echo("pay 10")).build();
        rejected("/whoami", TestMessages.tamperBody(valid), SOAP11, FaultCode.FAILED_CHECK);
    }

    @Test
    void bodyWrappedIntoAHeaderWithANewBody() throws Exception {
        byte[] valid = holderOfKey(SoapBodies.echo("pay 10")).build();
        rejected("/whoami", TestMessages.wrapBody(valid, SoapBodies.echo("pay 1000")), SOAP11, FaultCode.FAILED_CHECK);
    }

    @Test
    void noSecurityHeaderAtAll() throws Exception {
        rejected("/whoami", SoapBodies.unsecured(SoapBodies.WHOAMI), SOAP11, FaultCode.INVALID_SECURITY);
    }

    @Test
    void replayedRequest() throws Exception {
        byte[] request = holderOfKey(SoapBodies.WHOAMI).build();
        assertThat(SoapBodies.returned(secured.app.post("/whoami", request, SOAP11))).startsWith("principal=alice;");
        invocationsBefore = CallerReport.INVOCATIONS.get();
        rejected("/whoami", request, SOAP11, FaultCode.INVALID_SECURITY);
    }

    @Test
    void expiredTimestamp() throws Exception {
        byte[] request = TestMessages.soap11(SoapBodies.WHOAMI)
                .timestamp(Instant.now().minus(Duration.ofMinutes(20)), Duration.ofMinutes(5))
                .saml(secured.aliceAssertion(SamlSpec.Version.SAML_20)).build();
        rejected("/whoami", request, SOAP11, FaultCode.MESSAGE_EXPIRED);
    }

    @Test
    void assertionForAnotherAudience() throws Exception {
        byte[] request = TestMessages.soap11(SoapBodies.WHOAMI).timestamp(Duration.ofMinutes(5))
                .saml(SamlSpec.saml2().signedBy(secured.idp).audienceRestriction("urn:someone:else")
                        .holderOfKey(secured.aliceKey)).build();
        rejected("/whoami", request, SOAP11, FaultCode.FAILED_AUTHENTICATION);
    }

    @Test
    void soap12RequestGetsASoap12Fault() throws Exception {
        byte[] valid = TestMessages.soap12(SoapBodies.echo("pay 10")).timestamp(Duration.ofMinutes(5))
                .signWith(secured.client, KeyIdType.BST).build();
        rejected("/whoami12", TestMessages.tamperBody(valid), SOAP12, FaultCode.FAILED_CHECK);
    }

    @Test
    void untrustedSignerOnTheSoap12Endpoint() throws Exception {
        byte[] request = TestMessages.soap12(SoapBodies.WHOAMI).timestamp(Duration.ofMinutes(5))
                .signWith(secured.keys.issueByOtherCa("mallory"), KeyIdType.BST).build();
        rejected("/whoami12", request, SOAP12, FaultCode.FAILED_AUTHENTICATION);
    }

    /**
     * Metro parses the request before any handler and refuses a DOCTYPE itself (with its own
     * fault, not a wsse one): entities are never expanded and the endpoint never runs.
     */
    @Test
    void doctypeIsRefusedBeforeTheEndpoint(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-FILE-CONTENT");
        byte[] request = TestMessages.withExternalEntity(holderOfKey(SoapBodies.echo("pay 10")).build(),
                secret.toUri().toString());

        HttpResponse<byte[]> response = secured.app.post("/whoami", request, SOAP11);

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).doesNotContain("TOP-SECRET");
        assertThat(CallerReport.INVOCATIONS.get()).isEqualTo(invocationsBefore);
    }

    /**
     * One-way: no fault can be sent back, but the endpoint must still not run. The valid note
     * sent afterwards proves one-way requests do reach it, so the tampered one's absence means
     * something.
     */
    @Test
    void rejectedOneWayRequestNeverReachesTheEndpoint() throws Exception {
        byte[] tampered = TestMessages.tamperBody(holderOfKey(SoapBodies.note("one-way")).build());
        HttpResponse<byte[]> response = secured.app.post("/whoami", tampered, SOAP11);
        assertThat(response.statusCode()).isNotEqualTo(200);

        byte[] valid = holderOfKey(SoapBodies.note("after")).build();
        assertThat(secured.app.post("/whoami", valid, SOAP11).statusCode()).isEqualTo(202);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!CallerReport.NOTES.contains("after") && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        Thread.sleep(200);
        assertThat(CallerReport.NOTES).contains("after").doesNotContain("one-way-tampered");
    }

    /**
     * Metro treats every request to a Provider without WSDL as one that expects no reply. Had
     * the handler returned false (the usual way to stop a request), Metro would have dispatched
     * the message to the Provider anyway, with the fault in it; throwing stops it. The cost:
     * no fault reaches the client, only HTTP 202 with the correlation id header.
     */
    @Test
    void rejectedRequestNeverReachesAProviderWithoutWsdl() throws Exception {
        byte[] tampered = TestMessages.tamperBody(holderOfKey(SoapBodies.echo("pay 10")).build());

        HttpResponse<byte[]> response = secured.app.post("/provider", tampered, SOAP11);

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.body()).isEmpty();
        assertThat(response.headers().firstValue("X-WSS-Gate-Correlation-Id")).isPresent();
        assertThat(CallerReport.INVOCATIONS.get()).as("the provider was not invoked").isEqualTo(invocationsBefore);
    }

    /** A request by alice, holder-of-key, as the "saml" policy accepts it. */
    private static MessageBuilder holderOfKey(String body) {
        return TestMessages.soap11(body).timestamp(Duration.ofMinutes(5))
                .saml(secured.aliceAssertion(SamlSpec.Version.SAML_20));
    }

    private void rejected(String path, byte[] request, String contentType, FaultCode expected) throws Exception {
        HttpResponse<byte[]> response = secured.app.post(path, request, contentType);
        SoapBodies.assertFault(response, expected);
        assertThat(CallerReport.INVOCATIONS.get()).as("the endpoint was not invoked").isEqualTo(invocationsBefore);
    }
}
