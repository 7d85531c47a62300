package io.wssgate.filter;

import static io.wssgate.filter.SecuredApp.AUDIENCE;
import static io.wssgate.filter.SecuredApp.SOAP11;
import static io.wssgate.filter.SecuredApp.SOAP12;
import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.testing.KeyIdType;
import io.wssgate.testing.MessageBuilder;
import io.wssgate.testing.SamlSpec;
import io.wssgate.testing.TestMessages;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Valid messages of every supported kind, POSTed to a real Jetty server where the filter is
 * declared in WEB-INF/web.xml: each reaches the application as the right user.
 */
class FilterAcceptsValidMessagesTest {
    static SecuredApp secured;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        secured = new SecuredApp(dir);
    }

    @AfterAll
    static void stop() throws Exception {
        secured.app.close();
    }

    @ParameterizedTest
    @EnumSource(value = KeyIdType.class, names = {"BST", "ISSUER_SERIAL", "SKI", "THUMBPRINT"})
    void x509SignatureOverSoap11(KeyIdType keyId) throws Exception {
        // issuer-serial, SKI and thumbprint references need the client's certificate in the
        // policy's trust (SecuredApp puts it there next to the CA)
        byte[] message = TestMessages.soap11().timestamp(Duration.ofMinutes(5))
                .signWith(secured.client, keyId).build();
        HttpResponse<byte[]> response = secured.app.post("/x509/orders", message, SOAP11);

        assertAccepted(response, message, "CN=client,O=WSS Gate Test,C=DE");
        assertThat(response.headers().firstValue("X-Token-Type")).contains("X509");
        assertThat(response.headers().firstValue("X-Roles")).contains("admin,user");
        assertThat(response.headers().firstValue("X-In-Role-Admin")).contains("true");
        assertThat(response.headers().firstValue("X-Policy")).contains("x509");
    }

    @Test
    void x509SignatureOverSoap12() throws Exception {
        byte[] message = TestMessages.soap12().timestamp(Duration.ofMinutes(5))
                .signWith(secured.client, KeyIdType.BST).build();
        assertAccepted(secured.app.post("/x509/orders", message, SOAP12), message, "CN=client,O=WSS Gate Test,C=DE");
    }

    @ParameterizedTest
    @EnumSource(SamlSpec.Version.class)
    void samlHolderOfKey(SamlSpec.Version version) throws Exception {
        byte[] message = TestMessages.soap11().timestamp(Duration.ofMinutes(5))
                .saml(assertion(version).holderOfKey(secured.aliceKey)).build();
        HttpResponse<byte[]> response = secured.app.post("/saml/orders", message, SOAP11);

        assertAccepted(response, message, "alice");
        assertThat(response.headers().firstValue("X-Confirmation")).contains("holder-of-key");
        assertThat(response.headers().firstValue("X-Token-Type"))
                .contains(version == SamlSpec.Version.SAML_20 ? "SAML_2_0" : "SAML_1_1");
        assertThat(response.headers().firstValue("X-Roles")).contains("admin,clerk");
        assertThat(response.headers().firstValue("X-Issuer")).contains(SamlSpec.DEFAULT_ISSUER);
    }

    @ParameterizedTest
    @EnumSource(SamlSpec.Version.class)
    void samlSenderVouches(SamlSpec.Version version) throws Exception {
        byte[] message = TestMessages.soap11().timestamp(Duration.ofMinutes(5))
                .saml(assertion(version).senderVouches()).signWith(secured.sender, KeyIdType.BST).build();
        HttpResponse<byte[]> response = secured.app.post("/saml/orders", message, SOAP11);

        assertAccepted(response, message, "alice");
        assertThat(response.headers().firstValue("X-Confirmation")).contains("sender-vouches");
    }

    @ParameterizedTest
    @EnumSource(SamlSpec.Version.class)
    void samlBearerWherePolicyAllowsIt(SamlSpec.Version version) throws Exception {
        byte[] message = TestMessages.soap12().timestamp(Duration.ofMinutes(5))
                .saml(assertion(version).bearer()).build();
        HttpResponse<byte[]> response = secured.app.post("/bearer/orders", message, SOAP12);

        assertAccepted(response, message, "alice");
        assertThat(response.headers().firstValue("X-Confirmation")).contains("bearer");
    }

    @Test
    void usernameTokenWithPasswordDigest() throws Exception {
        byte[] message = TestMessages.soap11().timestamp(Duration.ofMinutes(5))
                .usernameToken("bob", "bobs-secret", MessageBuilder.PasswordType.DIGEST).build();
        HttpResponse<byte[]> response = secured.app.post("/ut/orders", message, SOAP11);

        assertAccepted(response, message, "bob");
        assertThat(response.headers().firstValue("X-Token-Type")).contains("USERNAME_TOKEN");
    }

    @Test
    void encryptedBodyIsDecryptedForTheApplication() throws Exception {
        String secretBody = "<ns:order xmlns:ns=\"urn:wssgate:test\">secret order 42</ns:order>";
        byte[] message = TestMessages.soap11(secretBody).timestamp(Duration.ofMinutes(5))
                .signWith(secured.client, KeyIdType.BST).encryptBodyFor(secured.server.certificate()).build();
        assertThat(new String(message, StandardCharsets.UTF_8)).doesNotContain("secret order 42");

        HttpResponse<byte[]> response = secured.app.post("/enc/orders", message, SOAP11);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Principal")).contains("CN=client,O=WSS Gate Test,C=DE");
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("secret order 42");
    }

    @Test
    void requiredSignedHeaderCoveredBySignature() throws Exception {
        byte[] message = TestMessages.soap11().timestamp(Duration.ofMinutes(5))
                .header("<t:Account xmlns:t=\"urn:wssgate:test\">4711</t:Account>")
                .signWith(secured.client, KeyIdType.BST)
                .signHeader(new javax.xml.namespace.QName("urn:wssgate:test", "Account")).build();
        assertAccepted(secured.app.post("/headers/a", message, SOAP11), message, "CN=client,O=WSS Gate Test,C=DE");
    }

    @Test
    void wsdlGetOnAProtectedPathPasses() throws Exception {
        HttpResponse<byte[]> response = secured.app.send("GET", "/x509/orders?wsdl", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("definitions");
    }

    @Test
    void unprotectedPathIsUntouched() throws Exception {
        byte[] plain = TestMessages.soap11().build();
        HttpResponse<byte[]> response = secured.app.post("/public/echo", plain, SOAP11);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Principal")).contains("");
        assertThat(response.body()).isEqualTo(plain);
    }

    private static SamlSpec assertion(SamlSpec.Version version) {
        SamlSpec spec = version == SamlSpec.Version.SAML_20 ? SamlSpec.saml2() : SamlSpec.saml11();
        return spec.signedBy(secured.idp).audienceRestriction(AUDIENCE).attribute("role", "admin", "clerk");
    }

    private static void assertAccepted(HttpResponse<byte[]> response, byte[] sent, String principal) {
        assertThat(response.statusCode()).as(() -> new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Principal")).contains(principal);
        assertThat(response.headers().firstValue("X-Remote-User")).contains(principal);
        assertThat(response.headers().firstValue("X-Auth-Type")).contains("WS-Security");
        assertThat(response.headers().firstValue("X-Document")).contains("true");
        assertThat(response.body()).as("the application reads the original bytes").isEqualTo(sent);
    }
}
