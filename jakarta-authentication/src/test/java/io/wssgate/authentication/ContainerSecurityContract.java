package io.wssgate.authentication;

import static io.wssgate.authentication.SecuredWebApp.BOSS_DN;
import static io.wssgate.authentication.SecuredWebApp.CLIENT_DN;
import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.fault.FaultCode;
import io.wssgate.testing.KeyIdType;
import io.wssgate.testing.TestKeys;
import io.wssgate.testing.TestMessages;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every container must do with {@link WssGateAuthModule} in front of {@link SecuredWebApp}:
 * the WS-Security caller is the container's caller, so the container's own
 * {@code <security-constraint>}s admit or refuse it by its roles (403 from the container, never
 * reaching the application), and a forged or unsigned message gets WSS Gate's fault before any
 * authorization. A subclass deploys the application on its container into {@link #app} and
 * {@link #server}.
 */
abstract class ContainerSecurityContract {
    static SecuredWebApp app;
    static Deployed server;
    private int invocationsBefore;

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void countInvocations() {
        invocationsBefore = CallerServlet.INVOCATIONS.get();
    }

    @Test
    void x509CallerWithTheRoleReachesTheConstrainedServlet() throws Exception {
        byte[] message = signedBy(app.client);
        HttpResponse<byte[]> response = Http.post(server.uri("/x509/orders"), message);

        assertThat(response.statusCode()).as(() -> Http.text(response)).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Principal")).contains(CLIENT_DN);
        assertThat(response.headers().firstValue("X-Remote-User")).contains(CLIENT_DN);
        assertThat(response.headers().firstValue("X-Auth-Type")).contains("WS-Security");
        assertThat(response.headers().firstValue("X-In-Role-Clerk")).contains("true");
        assertThat(response.headers().firstValue("X-In-Role-Admin")).contains("false");
        assertThat(response.headers().firstValue("X-Policy")).contains("x509");
        assertThat(response.body()).as("the application reads the message").isEqualTo(message);
    }

    @Test
    void x509CallerWithoutTheRoleIsRefusedByTheContainer() throws Exception {
        Http.assertForbiddenByContainer(Http.post(server.uri("/x509/admin"), signedBy(app.client)));
        assertThat(CallerServlet.INVOCATIONS.get()).as("application invocations").isEqualTo(invocationsBefore);
    }

    @Test
    void x509CallerWithBothRolesReachesTheAdminServlet() throws Exception {
        HttpResponse<byte[]> response = Http.post(server.uri("/x509/admin"), signedBy(app.boss));

        assertThat(response.statusCode()).as(() -> Http.text(response)).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Principal")).contains(BOSS_DN);
        assertThat(response.headers().firstValue("X-In-Role-Admin")).contains("true");
    }

    @Test
    void containerMapsTheApplicationsRoleNamesToTheCallersGroups() throws Exception {
        // order-desk and back-office are no groups of WSS Gate: the servlet's security-role-ref links them
        HttpResponse<byte[]> clerk = Http.post(server.uri("/x509/orders"), signedBy(app.client));
        assertThat(clerk.statusCode()).as(() -> Http.text(clerk)).isEqualTo(200);
        assertThat(clerk.headers().firstValue("X-In-Role-Order-Desk")).contains("true");
        assertThat(clerk.headers().firstValue("X-In-Role-Back-Office")).contains("false");

        HttpResponse<byte[]> boss = Http.post(server.uri("/x509/admin"), signedBy(app.boss));
        assertThat(boss.statusCode()).as(() -> Http.text(boss)).isEqualTo(200);
        assertThat(boss.headers().firstValue("X-In-Role-Order-Desk")).contains("true");
        assertThat(boss.headers().firstValue("X-In-Role-Back-Office")).contains("true");

        // a SAML caller whose attribute names the alias itself is not in the linked role
        HttpResponse<byte[]> alice = Http.post(server.uri("/saml/orders"),
                TestMessages.soap11().timestamp(Duration.ofMinutes(5)).saml(app.alice("clerk", "back-office")).build());
        assertThat(alice.statusCode()).as(() -> Http.text(alice)).isEqualTo(200);
        assertThat(alice.headers().firstValue("X-In-Role-Order-Desk")).contains("true");
        assertThat(alice.headers().firstValue("X-In-Role-Back-Office")).contains("false");
    }

    @Test
    void samlHolderOfKeyCallerWithTheRoleReachesTheConstrainedServlet() throws Exception {
        byte[] message = TestMessages.soap11().timestamp(Duration.ofMinutes(5)).saml(app.alice("clerk")).build();
        HttpResponse<byte[]> response = Http.post(server.uri("/saml/orders"), message);

        assertThat(response.statusCode()).as(() -> Http.text(response)).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Principal")).contains("alice");
        assertThat(response.headers().firstValue("X-In-Role-Clerk")).contains("true");
        assertThat(response.headers().firstValue("X-Policy")).contains("saml");
        assertThat(response.body()).isEqualTo(message);
    }

    @Test
    void samlHolderOfKeyCallerWithoutTheRoleIsRefusedByTheContainer() throws Exception {
        byte[] message = TestMessages.soap11().timestamp(Duration.ofMinutes(5)).saml(app.alice("guest")).build();
        Http.assertForbiddenByContainer(Http.post(server.uri("/saml/orders"), message));
        assertThat(CallerServlet.INVOCATIONS.get()).as("application invocations").isEqualTo(invocationsBefore);
    }

    @Test
    void forgedMessageGetsTheFaultAndNeverReachesAuthorization() throws Exception {
        // signed by a caller who holds every role: only WSS Gate's check stands between it and the servlet
        byte[] forged = TestMessages.tamperBody(signedBy(app.boss));
        Http.assertFault(Http.post(server.uri("/x509/admin"), forged), FaultCode.FAILED_CHECK);
        assertThat(CallerServlet.INVOCATIONS.get()).as("application invocations").isEqualTo(invocationsBefore);
    }

    @Test
    void samlAssertionFromAnUntrustedIssuerGetsTheFault() throws Exception {
        TestKeys.Identity rogue = TestKeys.create().issue("rogue-idp");
        byte[] message = TestMessages.soap11().timestamp(Duration.ofMinutes(5))
                .saml(app.alice("clerk").signedBy(rogue)).build();
        HttpResponse<byte[]> response = Http.post(server.uri("/saml/orders"), message);
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().firstValue("X-WSS-Gate-Correlation-Id")).isPresent();
        assertThat(CallerServlet.INVOCATIONS.get()).as("application invocations").isEqualTo(invocationsBefore);
    }

    @Test
    void messageWithoutSecurityGetsTheFaultNotAChallenge() throws Exception {
        Http.assertFault(Http.post(server.uri("/x509/orders"), TestMessages.soap11().build()), FaultCode.INVALID_SECURITY);
        assertThat(CallerServlet.INVOCATIONS.get()).as("application invocations").isEqualTo(invocationsBefore);
    }

    @Test
    void policyPathWithoutAConstraintIsStillGuarded() throws Exception {
        // Tomcat asks the module for every request; Jetty defers authentication where no constraint
        // applies, and the filter behind the module validates the message instead
        Http.assertFault(Http.post(server.uri("/x509/open"), TestMessages.tamperBody(signedBy(app.client))),
                FaultCode.FAILED_CHECK);
        assertThat(CallerServlet.INVOCATIONS.get()).as("application invocations").isEqualTo(invocationsBefore);

        HttpResponse<byte[]> valid = Http.post(server.uri("/x509/open"), signedBy(app.client));
        assertThat(valid.statusCode()).as(() -> Http.text(valid)).isEqualTo(200);
        assertThat(valid.headers().firstValue("X-Principal")).contains(CLIENT_DN);
        assertThat(valid.headers().firstValue("X-In-Role-Clerk")).contains("true");
    }

    @Test
    void pathNoPolicyCoversStaysAnonymous() throws Exception {
        byte[] plain = TestMessages.soap11().build();
        HttpResponse<byte[]> response = Http.post(server.uri("/public/echo"), plain);
        assertThat(response.statusCode()).as(() -> Http.text(response)).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Principal")).contains("");
        assertThat(response.body()).isEqualTo(plain);
    }

    @Test
    void anonymousCallerIsNotAnAuthenticatedOne() throws Exception {
        // no policy covers /public/members: the module reports no caller, and a constraint that
        // admits any authenticated caller (**) must still refuse the request
        HttpResponse<byte[]> response = Http.post(server.uri("/public/members/list"), TestMessages.soap11().build());
        assertThat(response.statusCode()).as(() -> Http.text(response)).isIn(401, 403);
        assertThat(CallerServlet.INVOCATIONS.get()).as("application invocations").isEqualTo(invocationsBefore);
    }

    @Test
    void otherMethodsOnAPolicyPathAreRefusedWithAFault() throws Exception {
        HttpResponse<byte[]> response = Http.get(server.uri("/x509/open"));
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).contains("POST");
        assertThat(response.headers().firstValue("X-WSS-Gate-Correlation-Id")).isPresent();
        assertThat(CallerServlet.INVOCATIONS.get()).as("application invocations").isEqualTo(invocationsBefore);
    }

    static byte[] signedBy(TestKeys.Identity caller) {
        return TestMessages.soap11().timestamp(Duration.ofMinutes(5)).signWith(caller, KeyIdType.BST).build();
    }
}
