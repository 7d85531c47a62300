package io.wssgate.jaxws;

import static io.wssgate.jaxws.SecuredEndpoints.CLIENT_DN;
import static io.wssgate.jaxws.SecuredEndpoints.SOAP11;
import static io.wssgate.jaxws.SecuredEndpoints.SOAP12;
import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.testing.KeyIdType;
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
 * Valid requests POSTed over HTTP to Metro endpoints secured only by {@code @WssGateEndpoint}:
 * each reaches the endpoint, which sees the caller through the standard JAX-WS API.
 */
class EndpointAcceptsValidRequestsTest {
    static SecuredEndpoints secured;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        secured = new SecuredEndpoints(dir);
    }

    @AfterAll
    static void stop() throws Exception {
        secured.close();
    }

    @ParameterizedTest
    @EnumSource(SamlSpec.Version.class)
    void samlHolderOfKeyCallerIsTheEndpointsUserWithRoles(SamlSpec.Version version) throws Exception {
        byte[] request = TestMessages.soap11(SoapBodies.WHOAMI).timestamp(Duration.ofMinutes(5))
                .saml(secured.aliceAssertion(version)).build();

        String report = SoapBodies.returned(secured.app.post("/whoami", request, SOAP11));

        // getUserPrincipal()/isUserInRole() on Metro without any filter, the same principal in
        // the MessageContext, and CurrentCaller set while the endpoint runs
        assertThat(report).isEqualTo("principal=alice;admin=true;clerk=true;nobody=false;wssPrincipal=true"
                + ";caller=true;current=alice");
    }

    @Test
    void soap12EndpointWithAnX509Caller() throws Exception {
        byte[] request = TestMessages.soap12(SoapBodies.WHOAMI).timestamp(Duration.ofMinutes(5))
                .signWith(secured.client, KeyIdType.BST).build();

        String report = SoapBodies.returned(secured.app.post("/whoami12", request, SOAP12));

        assertThat(report).isEqualTo("principal=" + CLIENT_DN + ";admin=true;clerk=false;nobody=false"
                + ";wssPrincipal=true;caller=true;current=" + CLIENT_DN);
    }

    @Test
    void encryptedBodyReachesTheEndpointDecrypted() throws Exception {
        byte[] request = TestMessages.soap12(SoapBodies.echo("secret order 42")).timestamp(Duration.ofMinutes(5))
                .signWith(secured.client, KeyIdType.BST).encryptBodyFor(secured.server.certificate()).build();
        assertThat(new String(request, StandardCharsets.UTF_8)).doesNotContain("secret order 42");

        assertThat(SoapBodies.returned(secured.app.post("/whoami12", request, SOAP12))).isEqualTo("secret order 42");
    }

    @Test
    void providerEndpointWithoutWsdl() throws Exception {
        byte[] request = TestMessages.soap11(SoapBodies.echo("pay 10")).timestamp(Duration.ofMinutes(5))
                .saml(secured.aliceAssertion(SamlSpec.Version.SAML_20)).build();

        HttpResponse<byte[]> response = secured.app.post("/provider", request, SOAP11);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(TestMessages.parse(response.body()).getElementsByTagName("text").item(0).getTextContent())
                .isEqualTo("pay 10");
    }

    @Test
    void unannotatedEndpointIsLeftAlone() throws Exception {
        HttpResponse<byte[]> response = secured.app.post("/plain", SoapBodies.unsecured(SoapBodies.WHOAMI), SOAP11);

        assertThat(SoapBodies.returned(response)).isEqualTo("principal=;admin=false;clerk=false;nobody=false"
                + ";wssPrincipal=false;caller=false;current=");
    }
}
