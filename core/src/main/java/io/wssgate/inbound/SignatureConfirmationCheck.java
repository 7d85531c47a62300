package io.wssgate.inbound;

import io.wssgate.fault.FaultCode;
import io.wssgate.fault.SecurityFault;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.wss4j.dom.message.token.SignatureConfirmation;

/**
 * WSS 1.1 SignatureConfirmation, checked by a client on a response: the response confirms
 * exactly the message signature values the request carried (one confirmation without a value
 * for an unsigned request), and every confirmation is covered by a trusted signature, so a
 * response cannot be replayed against another request. A confirmation may also name the
 * signature of a token the request carried (a SAML assertion's issuer signature), which
 * WSS4J-based servers such as Apache CXF confirm along with the message signature; such a
 * confirmation alone binds nothing (a cached token's signature repeats), so the message
 * signatures must still all be confirmed.
 */
final class SignatureConfirmationCheck {
    private SignatureConfirmationCheck() {
    }

    static void check(SecurityResults results, List<byte[]> sent) throws SecurityFault {
        check(results, sent, List.of());
    }

    static void check(SecurityResults results, List<byte[]> sent, List<byte[]> sentTokens) throws SecurityFault {
        List<byte[]> expected = new ArrayList<>(sent);
        List<SignatureConfirmation> confirmations = results.confirmations();
        if (confirmations.isEmpty()) {
            throw new SecurityFault(FaultCode.INVALID_SECURITY, "response carries no SignatureConfirmation");
        }
        for (SignatureConfirmation confirmation : confirmations) {
            boolean signed = results.signatures().stream()
                    .anyMatch(s -> s.keyFromCertificate() && s.covers(confirmation.getElement()));
            if (!signed) {
                throw new SecurityFault(FaultCode.FAILED_CHECK, "SignatureConfirmation not covered by a trusted signature");
            }
            byte[] value = confirmation.getSignatureValue();
            if (value == null && sent.isEmpty() && confirmations.size() == 1) {
                return;
            }
            boolean ofSentToken = value != null && sentTokens.stream().anyMatch(v -> Arrays.equals(v, value));
            if (value == null || !(expected.removeIf(v -> Arrays.equals(v, value)) || ofSentToken)) {
                throw new SecurityFault(FaultCode.FAILED_CHECK, "SignatureConfirmation does not match a sent signature");
            }
        }
        if (!expected.isEmpty()) {
            throw new SecurityFault(FaultCode.FAILED_CHECK, expected.size() + " sent signature(s) not confirmed");
        }
    }
}
