package io.wssgate.keys;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a certificate's KeyUsage extension (RFC 5280 4.2.1.3) allows its key to do, for the two
 * uses WS-Security makes of an end-entity certificate: verifying a message signature (the key
 * must be allowed digitalSignature or nonRepudiation) and key transport to the recipient of an
 * encrypted message (keyEncipherment). A certificate without the extension is not restricted.
 *
 * <p>ExtendedKeyUsage is deliberately not judged: no key purpose is defined for WS-Security
 * message signing or key transport, certificates used for it commonly carry TLS purposes
 * (serverAuth, clientAuth), and neither WSS4J (thus CXF), Metro (its {@code enforceKeyUsage}
 * validator attribute is read by nothing) nor the JDK's PKIX validation check it for an end
 * entity; refusing them would refuse valid partners without a purpose to ask for. (None of them
 * checks KeyUsage either, which is why it is checked here.)
 */
public final class KeyUsages {
    private static final String[] NAMES = {"digitalSignature", "nonRepudiation", "keyEncipherment",
        "dataEncipherment", "keyAgreement", "keyCertSign", "cRLSign", "encipherOnly", "decipherOnly"};
    private static final int DIGITAL_SIGNATURE = 0;
    private static final int NON_REPUDIATION = 1;
    private static final int KEY_ENCIPHERMENT = 2;

    private KeyUsages() {
    }

    /** Why {@code certificate}'s key may not verify a message signature; empty when it may. */
    public static Optional<String> forbidsSigning(X509Certificate certificate) {
        boolean[] usage = certificate.getKeyUsage();
        if (usage == null || allows(usage, DIGITAL_SIGNATURE) || allows(usage, NON_REPUDIATION)) {
            return Optional.empty();
        }
        return Optional.of("its KeyUsage allows " + describe(usage) + ", neither digitalSignature nor "
                + "nonRepudiation: the key may not sign messages (RFC 5280 4.2.1.3)");
    }

    /** Why a key may not be encrypted for {@code certificate}'s (RSA) key; empty when it may. */
    public static Optional<String> forbidsKeyTransport(X509Certificate certificate) {
        boolean[] usage = certificate.getKeyUsage();
        if (usage == null || allows(usage, KEY_ENCIPHERMENT)) {
            return Optional.empty();
        }
        return Optional.of("its KeyUsage allows " + describe(usage) + ", not keyEncipherment: no key may be "
                + "encrypted for it (RFC 5280 4.2.1.3)");
    }

    /** The usages a KeyUsage bit string allows by their RFC 5280 names, e.g. "only keyEncipherment". */
    public static String describe(boolean[] usage) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < usage.length && i < NAMES.length; i++) {
            if (usage[i]) {
                names.add(NAMES[i]);
            }
        }
        return names.isEmpty() ? "nothing" : names.size() == 1 ? "only " + names.get(0) : String.join(", ", names);
    }

    private static boolean allows(boolean[] usage, int bit) {
        return usage.length > bit && usage[bit];
    }
}
