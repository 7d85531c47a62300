package io.wssgate.testing.attacks;

import static io.wssgate.testing.attacks.AttackFixture.X509;
import static io.wssgate.testing.attacks.AttackFixture.X509_12;

import io.wssgate.fault.FaultCode;
import io.wssgate.testing.TestMessages;
import java.util.ArrayList;
import java.util.List;

/** The same enforcement whatever the SOAP version, HTTP method, content type or character encoding. */
public final class TransportAttacks {
    static final String CATEGORY = "Transport";

    private TransportAttacks() {
    }

    public static List<Attack> all(AttackFixture f) {
        List<Attack> attacks = new ArrayList<>();
        attacks.add(Attack.post(CATEGORY, "tampered Body over SOAP 1.1", X509,
                () -> TestMessages.tamperBody(f.x509(X509).build()), FaultCode.FAILED_CHECK));
        attacks.add(Attack.post(CATEGORY, "tampered Body over SOAP 1.2", X509_12,
                () -> TestMessages.tamperBody(f.x509(X509_12).build()), FaultCode.FAILED_CHECK));
        return attacks;
    }
}
