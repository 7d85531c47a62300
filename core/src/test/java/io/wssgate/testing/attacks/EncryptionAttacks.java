package io.wssgate.testing.attacks;

import static io.wssgate.testing.attacks.AttackFixture.ENC;

import io.wssgate.fault.FaultCode;
import io.wssgate.testing.KeyIdType;
import java.util.ArrayList;
import java.util.List;

/** Weak encryption algorithms, and decryption failures that must all look the same (no oracle). */
public final class EncryptionAttacks {
    static final String CATEGORY = "Encryption";
    static final String RSA_15 = "http://www.w3.org/2001/04/xmlenc#rsa-1_5";

    private EncryptionAttacks() {
    }

    public static List<Attack> all(AttackFixture f) {
        List<Attack> attacks = new ArrayList<>();
        attacks.add(Attack.post(CATEGORY, "RSA 1.5 key transport", ENC,
                () -> f.x509(ENC).encryptBodyFor(f.server.certificate(), KeyIdType.ISSUER_SERIAL, null, RSA_15).build(),
                FaultCode.UNSUPPORTED_ALGORITHM));
        return attacks;
    }
}
