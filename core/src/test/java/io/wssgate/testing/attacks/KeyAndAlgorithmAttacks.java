package io.wssgate.testing.attacks;

import static io.wssgate.testing.attacks.AttackFixture.X509;

import io.wssgate.fault.FaultCode;
import io.wssgate.testing.KeyIdType;
import io.wssgate.testing.TestKeys.Identity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Untrusted keys and weak or unexpected algorithms in the message signature. */
public final class KeyAndAlgorithmAttacks {
    static final String CATEGORY = "Keys and algorithms";

    private KeyAndAlgorithmAttacks() {
    }

    public static List<Attack> all(AttackFixture f) {
        List<Attack> attacks = new ArrayList<>();
        attacks.add(signedBy(f, "certificate from an unknown CA", f.otherCa, FaultCode.FAILED_AUTHENTICATION));
        attacks.add(signedBy(f, "self-signed certificate", f.selfSigned, FaultCode.FAILED_AUTHENTICATION));
        attacks.add(Attack.post(CATEGORY, "RSA-SHA1 signature with SHA-1 digests", X509,
                () -> AttackFixture.envelope(X509).timestamp(Duration.ofMinutes(5)).signWith(f.client, KeyIdType.BST,
                        "http://www.w3.org/2000/09/xmldsig#rsa-sha1", "http://www.w3.org/2000/09/xmldsig#sha1", null)
                        .build(), FaultCode.UNSUPPORTED_ALGORITHM));
        return attacks;
    }

    private static Attack signedBy(AttackFixture f, String name, Identity signer, FaultCode expected) {
        return Attack.post(CATEGORY, name, X509, () -> AttackFixture.envelope(X509).timestamp(Duration.ofMinutes(5))
                .signWith(signer, KeyIdType.BST).build(), expected);
    }
}
