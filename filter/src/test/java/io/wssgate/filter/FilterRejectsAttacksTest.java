package io.wssgate.filter;

import static io.wssgate.filter.SecuredApp.AUDIENCE;
import static io.wssgate.filter.SecuredApp.SOAP11;
import static io.wssgate.filter.SecuredApp.SOAP12;
import static io.wssgate.filter.SoapResponses.assertFault;
import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.fault.FaultCode;
import io.wssgate.testing.KeyIdType;
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
 * Malicious and invalid messages sent over HTTP to the filter declared in web.xml: each is
 * answered with the expected WS-Security fault, and the application never runs (so no
 * principal is ever set for it).
 */
class FilterRejectsAttacksTest {
    static final String ACCOUNT_HEADER = "<t:Account xmlns:t=\"urn:wssgate:test\">4711</t:Account>";
    static SecuredApp secured;
    static Path dir;
    private int invocationsBefore;

    @BeforeAll
    static void start(@TempDir Path tempDir) throws Exception {
        dir = tempDir;
        secured = new SecuredApp(tempDir);
    }

    @AfterAll
    static void stop() throws Exception {
        secured.app.close();
    }

    @BeforeEach
    void countInvocations() {
        invocationsBefore = EchoServlet.INVOCATIONS.get();
    }

    @Test
    void tamperedBody() throws Exception {
        byte[] valid = signedX509().build();
        rejected("/x509/a", TestMessages.tamperBody(valid), SOAP11, FaultCode.FAILED_CHECK);
    }

    @Test
    void bodyWrappedIntoAHeaderWithANewBody() throws Exception {
        byte[] valid = signedX509().build();
        rejected("/x509/a", TestMessages.wrapBody(valid), SOAP11, FaultCode.FAILED_CHECK);
    }

    @Test
    void duplicateIds() throws Exception {
        byte[] valid = signedX509().build();
        rejected("/x509/a", TestMessages.duplicateId(valid), SOAP11, FaultCode.INVALID_SECURITY);
    }

    @Test
    void signatureRemoved() throws Exception {
        byte[] valid = signedX509().build();
        rejected("/x509/a", TestMessages.removeSignature(valid), SOAP11, FaultCode.INVALID_SECURITY);
    }

    @Test
    void expiredTimestamp() throws Exception {
        byte[] message = TestMessages.soap11().timestamp(Instant.now().minus(Duration.ofMinutes(20)), Duration.ofMinutes(5))
                .signWith(secured.client, KeyIdType.BST).build();
        rejected("/x509/a", message, SOAP11, FaultCode.MESSAGE_EXPIRED);
    }

    @Test
    void futureTimestamp() throws Exception {
        byte[] message = TestMessages.soap11().timestamp(Instant.now().plus(Duration.ofMinutes(20)), Duration.ofMinutes(5))
                .signWith(secured.client, KeyIdType.BST).build();
        rejected("/x509/a", message, SOAP11, FaultCode.MESSAGE_EXPIRED);
    }

    @Test
    void replayedMessage() throws Exception {
        byte[] message = signedX509().build();
        assertThat(secured.app.post("/x509/a", message, SOAP11).statusCode()).isEqualTo(200);
        invocationsBefore = EchoServlet.INVOCATIONS.get();
        rejected("/x509/a", message, SOAP11, FaultCode.INVALID_SECURITY);
    }

    @Test
    void certificateFromAnUntrustedCa() throws Exception {
        byte[] message = TestMessages.soap11().timestamp(Duration.ofMinutes(5))
                .signWith(secured.keys.issueByOtherCa("mallory"), KeyIdType.BST).build();
        rejected("/x509/a", message, SOAP11, FaultCode.FAILED_AUTHENTICATION);
    }

    @Test
    void selfSignedCertificate() throws Exception {
        byte[] message = TestMessages.soap11().timestamp(Duration.ofMinutes(5))
                .signWith(secured.keys.selfSigned("client"), KeyIdType.BST).build();
        rejected("/x509/a", message, SOAP11, FaultCode.FAILED_AUTHENTICATION);
    }

    @Test
    void weakSignatureAlgorithm() throws Exception {
        byte[] message = TestMessages.soap11().timestamp(Duration.ofMinutes(5))
                .signWith(secured.client, KeyIdType.BST, "http://www.w3.org/2000/09/xmldsig#rsa-sha1",
                        "http://www.w3.org/2000/09/xmldsig#sha1", null).build();
        rejected("/x509/a", message, SOAP11, FaultCode.UNSUPPORTED_ALGORITHM);
    }

    @Test
    void wrongAudience() throws Exception {
        byte[] message = holderOfKey(assertion().audienceRestriction("urn:someone:else")).build();
        rejected("/saml/a", message, SOAP11, FaultCode.FAILED_AUTHENTICATION);
    }

    @Test
    void twoAudienceRestrictionsOfWhichOnlyOneMatches() throws Exception {
        byte[] message = holderOfKey(assertion().audienceRestriction(AUDIENCE).audienceRestriction("urn:other")).build();
        rejected("/saml/a", message, SOAP11, FaultCode.FAILED_AUTHENTICATION);
    }

    @Test
    void expiredAssertion() throws Exception {
        byte[] message = holderOfKey(assertion().audienceRestriction(AUDIENCE).expired()).build();
        rejected("/saml/a", message, SOAP11, FaultCode.INVALID_SECURITY_TOKEN);
    }

    @Test
    void unsignedBearerAssertion() throws Exception {
        byte[] message = TestMessages.soap11().timestamp(Duration.ofMinutes(5))
                .saml(SamlSpec.saml2().unsigned().audienceRestriction(AUDIENCE).bearer()).build();
        rejected("/bearer/a", message, SOAP11, FaultCode.INVALID_SECURITY_TOKEN);
    }

    @Test
    void bearerAssertionWherePolicyDoesNotAllowBearer() throws Exception {
        byte[] message = TestMessages.soap11().timestamp(Duration.ofMinutes(5))
                .saml(assertion().audienceRestriction(AUDIENCE).bearer())
                .signWith(secured.client, KeyIdType.BST).build();
        rejected("/saml/a", message, SOAP11, FaultCode.FAILED_AUTHENTICATION);
    }

    @Test
    void holderOfKeyMessageSignedByAnotherKey() throws Exception {
        // the signature names the assertion's subject key but was made with the client's key
        byte[] message = TestMessages.soap11().timestamp(Duration.ofMinutes(5))
                .saml(assertion().audienceRestriction(AUDIENCE).holderOfKey(secured.aliceKey))
                .signWith(secured.client, KeyIdType.BST).build();
        rejected("/saml/a", message, SOAP11, FaultCode.FAILED_CHECK);
    }

    @Test
    void holderOfKeyAssertionNextToASignatureByAnotherTrustedCertificate() throws Exception {
        // a validly signed message plus someone else's HoK assertion: no proof of possession
        byte[] signed = signedX509().build();
        byte[] message = SecurityHeaders.insert(signed,
                assertion().audienceRestriction(AUDIENCE).holderOfKey(secured.aliceKey).toXml());
        rejected("/saml/a", message, SOAP11, FaultCode.FAILED_AUTHENTICATION);
    }

    @Test
    void assertionSignedByAnUntrustedIssuerKey() throws Exception {
        byte[] message = holderOfKey(SamlSpec.saml2().signedBy(secured.keys.issue("rogue-idp"))
                .audienceRestriction(AUDIENCE)).build();
        rejected("/saml/a", message, SOAP11, FaultCode.FAILED_AUTHENTICATION);
    }

    @Test
    void senderVouchesWithoutASenderSignatureOverTheAssertion() throws Exception {
        // the sender signed Body and Timestamp, but the assertion was slipped in unsigned by it
        byte[] signed = TestMessages.soap11().timestamp(Duration.ofMinutes(5))
                .signWith(secured.sender, KeyIdType.BST).build();
        byte[] message = SecurityHeaders.insert(signed, assertion().audienceRestriction(AUDIENCE).senderVouches().toXml());
        rejected("/saml/a", message, SOAP11, FaultCode.FAILED_AUTHENTICATION);
    }

    @Test
    void wrongUsernameTokenPassword() throws Exception {
        byte[] message = TestMessages.soap11().timestamp(Duration.ofMinutes(5))
                .usernameToken("bob", "guess", io.wssgate.testing.MessageBuilder.PasswordType.DIGEST).build();
        rejected("/ut/a", message, SOAP11, FaultCode.FAILED_AUTHENTICATION);
    }

    @Test
    void doctypeWithEntityExpansion() throws Exception {
        rejected("/x509/a", TestMessages.withDoctype(signedX509().build()), SOAP11, FaultCode.INVALID_SECURITY);
    }

    @Test
    void externalEntityIsNeverRead() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-FILE-CONTENT");
        byte[] message = TestMessages.withExternalEntity(signedX509().build(), secret.toUri().toString());
        HttpResponse<byte[]> response = rejected("/x509/a", message, SOAP11, FaultCode.INVALID_SECURITY);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).doesNotContain("TOP-SECRET");
    }

    @Test
    void oversizedMessage() throws Exception {
        // 100 KiB against 64 KiB: over the limit but within twice it, so the filter drains the body
        // and the client always reads the fault (a larger body's connection is closed instead)
        rejected("/small/a", TestMessages.oversized(100 * 1024), SOAP11, FaultCode.INVALID_SECURITY);
    }

    @Test
    void farOversizedMessageIsRefusedUnreadEvenIfTheFaultIsLost() throws Exception {
        // beyond twice the limit the body is not read: the client either reads the fault or sees
        // the connection closed (TCP reset with unread bytes); never does the application run
        try {
            HttpResponse<byte[]> response = secured.app.post("/small/a", TestMessages.oversized(1024 * 1024), SOAP11);
            assertFault(response, FaultCode.INVALID_SECURITY);
            assertThat(response.headers().firstValue("X-Principal")).isEmpty();
        } catch (java.io.IOException closedBeforeTheFaultWasRead) {
            assertThat(closedBeforeTheFaultWasRead).hasMessageNotContaining("timed out");
        }
        assertThat(EchoServlet.INVOCATIONS.get()).as("the application was not invoked").isEqualTo(invocationsBefore);
    }

    @Test
    void aRefusalOfAnUnreadBodyEndsTheConnectionAndTheClientsNextRequestIsAnswered() throws Exception {
        // the container closes a connection whose body it did not read; the fault must say so
        // (Connection: close), or a keep-alive client sends its next request into the closing
        // connection and gets no answer at all (seen as a flaky "header parser received no bytes")
        for (int i = 0; i < 20; i++) {
            try {
                HttpResponse<byte[]> refused = secured.app.post("/small/a", TestMessages.oversized(200 * 1024), SOAP11);
                assertFault(refused, FaultCode.INVALID_SECURITY);
                assertThat(refused.headers().firstValue("Connection")).as("refusal %d", i).hasValue("close");
            } catch (java.io.IOException closedBeforeTheFaultWasRead) {
                assertThat(closedBeforeTheFaultWasRead).hasMessageNotContaining("timed out");
            }
            HttpResponse<byte[]> next = secured.app.post("/x509/a", signedX509().build(), SOAP11);
            assertThat(next.statusCode()).as("the request after refusal %d", i).isEqualTo(200);
        }
    }

    @Test
    void aRefusalOfAReadBodyKeepsTheConnection() throws Exception {
        HttpResponse<byte[]> refused = rejected("/small/a", TestMessages.oversized(100 * 1024), SOAP11,
                FaultCode.INVALID_SECURITY);
        assertThat(refused.headers().firstValue("Connection")).isEmpty();
        HttpResponse<byte[]> tampered = rejected("/x509/a", TestMessages.tamperBody(signedX509().build()), SOAP11,
                FaultCode.FAILED_CHECK);
        assertThat(tampered.headers().firstValue("Connection")).isEmpty();
    }

    @Test
    void tooDeeplyNestedMessage() throws Exception {
        rejected("/small/a", TestMessages.deeplyNested(1000), SOAP11, FaultCode.INVALID_SECURITY);
    }

    @Test
    void soap12RequestGetsASoap12Fault() throws Exception {
        byte[] valid = TestMessages.soap12().timestamp(Duration.ofMinutes(5)).signWith(secured.client, KeyIdType.BST).build();
        HttpResponse<byte[]> response = rejected("/x509/a", TestMessages.tamperBody(valid), SOAP12, FaultCode.FAILED_CHECK);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/soap+xml");
    }

    @Test
    void getAndPutToAProtectedPathAreRefused() throws Exception {
        for (String method : new String[] {"GET", "PUT", "DELETE"}) {
            HttpResponse<byte[]> response = secured.app.send(method, "/x509/a", "GET".equals(method) ? null : signedX509().build());
            assertThat(response.statusCode()).as(method).isEqualTo(405);
            assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("wsse:InvalidSecurity");
        }
        assertThat(EchoServlet.INVOCATIONS.get()).isEqualTo(invocationsBefore);
    }

    @Test
    void encryptedButUnsignedBodyEvenWherePolicyDoesNotRequireSignatures() throws Exception {
        byte[] message = TestMessages.soap11().timestamp(Duration.ofMinutes(5))
                .encryptBodyFor(secured.server.certificate()).build();
        rejected("/enc-lenient/a", message, SOAP11, FaultCode.INVALID_SECURITY);
    }

    @Test
    void requiredHeaderPresentButNotSigned() throws Exception {
        byte[] message = signedX509().header(ACCOUNT_HEADER).build();
        rejected("/headers/a", message, SOAP11, FaultCode.FAILED_CHECK);
    }

    @Test
    void requiredHeaderMissing() throws Exception {
        rejected("/headers/a", signedX509().build(), SOAP11, FaultCode.INVALID_SECURITY);
    }

    @Test
    void noSecurityHeaderAtAll() throws Exception {
        rejected("/x509/a", TestMessages.soap11().build(), SOAP11, FaultCode.INVALID_SECURITY);
    }

    private HttpResponse<byte[]> rejected(String path, byte[] message, String contentType, FaultCode expected)
            throws Exception {
        HttpResponse<byte[]> response = secured.app.post(path, message, contentType);
        assertFault(response, expected);
        assertThat(response.headers().firstValue("X-Principal")).as("no principal reached the application").isEmpty();
        assertThat(EchoServlet.INVOCATIONS.get()).as("the application was not invoked").isEqualTo(invocationsBefore);
        return response;
    }

    private static io.wssgate.testing.MessageBuilder signedX509() {
        return TestMessages.soap11().timestamp(Duration.ofMinutes(5)).signWith(secured.client, KeyIdType.BST);
    }

    private static SamlSpec assertion() {
        return SamlSpec.saml2().signedBy(secured.idp).attribute("role", "admin");
    }

    private static io.wssgate.testing.MessageBuilder holderOfKey(SamlSpec spec) {
        return TestMessages.soap11().timestamp(Duration.ofMinutes(5)).saml(spec.holderOfKey(secured.aliceKey));
    }
}
