package io.wssgate.testing.attacks;

import static io.wssgate.testing.attacks.AttackFixture.X509;

import io.wssgate.fault.FaultCode;
import io.wssgate.testing.TestMessages;
import java.util.ArrayList;
import java.util.List;

/** XML signature wrapping and reference games against the Security header. */
public final class WrappingAttacks {
    static final String CATEGORY = "Signature wrapping";

    private WrappingAttacks() {
    }

    public static List<Attack> all(AttackFixture f) {
        List<Attack> attacks = new ArrayList<>();
        attacks.add(Attack.post(CATEGORY, "signed Body moved into a header wrapper, new Body without Id", X509,
                () -> TestMessages.wrapBody(f.x509(X509).build(), AttackFixture.EVIL_BODY), FaultCode.FAILED_CHECK));
        attacks.add(Attack.post(CATEGORY, "signature removed", X509,
                () -> TestMessages.removeSignature(f.x509(X509).build()), FaultCode.INVALID_SECURITY));
        attacks.add(Attack.post(CATEGORY, "the Body's wsu:Id duplicated on a decoy header", X509,
                () -> TestMessages.duplicateId(f.x509(X509).build()), FaultCode.INVALID_SECURITY));
        return attacks;
    }
}
