package io.wssgate.testing.attacks;

import static io.wssgate.testing.attacks.AttackFixture.AUTHZ;
import static io.wssgate.testing.attacks.AttackFixture.CLIENT_DN;
import static io.wssgate.testing.attacks.AttackFixture.WHOAMI;
import static io.wssgate.testing.attacks.OperationPolicies.AUTHN_X509;
import static io.wssgate.testing.attacks.OperationPolicies.BUYER;
import static io.wssgate.testing.attacks.OperationPolicies.holderOfKey;
import static io.wssgate.testing.attacks.OperationPolicies.quoted;
import static io.wssgate.testing.attacks.OperationPolicies.withRole;
import static io.wssgate.testing.attacks.OperationPolicies.x509;

import io.wssgate.fault.FaultCode;
import io.wssgate.testing.KeyIdType;
import io.wssgate.testing.SamlSpec;
import io.wssgate.testing.parity.Expectation;
import io.wssgate.testing.parity.ParityCase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Declarative authorization, one operation of policy "authz" per kind of rule (roles, subjects,
 * SAML attributes, confirmation method, authentication context, any-of, all-of), each named by
 * its SOAPAction: for each, a caller who satisfies it is accepted ({@link #valid}) and one who is
 * authenticated but does not is refused with {@code wsse:FailedAuthentication}, the application
 * never running.
 */
public final class AuthorizationAttacks {
    static final String CATEGORY = "Authorization";

    private AuthorizationAttacks() {
    }

    public static List<Attack> all(AttackFixture f) {
        List<Attack> a = new ArrayList<>();
        a.add(refused("roles", "SAML caller with role admin, not buyer", () -> hok(f, withRole(f, "admin"))));
        a.add(refused("subjects", "X.509 caller CN=intruder", () -> AttackFixture.envelope(AUTHZ, WHOAMI)
                .timestamp(Duration.ofMinutes(5)).signWith(f.wrongDn, KeyIdType.BST).build()));
        a.add(refused("attributes", "SAML caller with clearance public", () -> hok(f,
                withRole(f, "admin").attribute("clearance", "public"))));
        a.add(refused("attributes", "X.509 caller, no SAML attributes at all", () -> x509(f, AUTHZ, WHOAMI).build()));
        a.add(refused("confirmation", "sender-vouches assertion", () -> AttackFixture.envelope(AUTHZ, WHOAMI)
                .timestamp(Duration.ofMinutes(5)).saml(withRole(f, "admin").senderVouches())
                .signWith(f.sender, KeyIdType.BST).build()));
        a.add(refused("authn-context", "assertion authenticated by password",
                () -> hok(f, withRole(f, "admin").authentication(SamlSpec.AUTHN_PASSWORD_SAML2, Instant.now()))));
        a.add(refused("any-of", "SAML caller with neither role buyer nor a client certificate subject",
                () -> hok(f, withRole(f, "admin"))));
        a.add(refused("all-of", "buyer without clearance", () -> hok(f, withRole(f, BUYER))));
        return a;
    }

    /** The authorized side of each rule. */
    public static List<ParityCase> valid(AttackFixture f) {
        String alice = SamlSpec.DEFAULT_SUBJECT;
        List<ParityCase> c = new ArrayList<>();
        c.add(accepted("roles", "SAML caller with role buyer", () -> hok(f, withRole(f, BUYER)), alice));
        c.add(accepted("subjects", "X.509 caller CN=client", () -> x509(f, AUTHZ, WHOAMI).build(), CLIENT_DN));
        c.add(accepted("attributes", "SAML caller with clearance secret",
                () -> hok(f, withRole(f, "admin").attribute("clearance", "secret")), alice));
        c.add(accepted("confirmation", "holder-of-key assertion", () -> hok(f, withRole(f, "admin")), alice));
        c.add(accepted("authn-context", "assertion authenticated by X.509",
                () -> hok(f, withRole(f, "admin").authentication(AUTHN_X509, Instant.now())), alice));
        c.add(accepted("any-of", "X.509 caller CN=client (second alternative)", () -> x509(f, AUTHZ, WHOAMI).build(),
                CLIENT_DN));
        c.add(accepted("any-of", "SAML caller with role buyer (first alternative)", () -> hok(f, withRole(f, BUYER)),
                alice));
        c.add(accepted("all-of", "buyer with clearance secret",
                () -> hok(f, withRole(f, BUYER).attribute("clearance", "secret")), alice));
        return c;
    }

    private static Attack refused(String rule, String caller, Supplier<byte[]> body) {
        return Attack.post(CATEGORY, "require." + rule + ": " + caller, AUTHZ, body, FaultCode.FAILED_AUTHENTICATION)
                .withHeader(OperationAttacks.SOAP_ACTION, quoted("urn:authz:" + rule));
    }

    private static ParityCase accepted(String rule, String caller, Supplier<byte[]> body, String principal) {
        return ParityCase.post(CATEGORY + " / require." + rule + ": " + caller, AUTHZ, AttackFixture.SOAP11_CONTENT_TYPE,
                body, new Expectation.Accepted(principal))
                .withHeader(OperationAttacks.SOAP_ACTION, quoted("urn:authz:" + rule));
    }

    private static byte[] hok(AttackFixture f, SamlSpec spec) {
        return holderOfKey(f, AUTHZ, WHOAMI, spec).build();
    }
}
