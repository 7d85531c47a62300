package io.wssgate.inbound;

import io.wssgate.keys.KeyUsages;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import org.apache.wss4j.common.ext.WSSecurityException;
import org.apache.wss4j.common.ext.WSSecurityException.ErrorCode;
import org.apache.wss4j.common.principal.SAMLTokenPrincipal;
import org.apache.wss4j.dom.engine.WSSecurityEngineResult;

/**
 * A message signature is accepted only from a key its certificate allows to sign (RFC 5280
 * 4.2.1.3): a KeyUsage extension that allows neither digitalSignature nor nonRepudiation makes
 * the certificate an encryption (or CA) certificate, whatever trusts it. WSS4J does not look at
 * KeyUsage, so this judges the certificate every verified signature was checked with: an X.509
 * token's, a holder-of-key assertion's proof certificate (whose trust WSS4J takes from the
 * assertion, past the signature trust validator), a response signer's on the client side. The
 * refusal is the one an untrusted signer gets (FailedAuthentication), the reason in the log.
 */
final class SigningKeyUsage {
    private SigningKeyUsage() {
    }

    static void check(List<WSSecurityEngineResult> signatures) throws WSSecurityException {
        for (WSSecurityEngineResult result : signatures) {
            X509Certificate certificate = (X509Certificate) result.get(WSSecurityEngineResult.TAG_X509_CERTIFICATE);
            Optional<String> refusal = certificate == null ? Optional.empty() : KeyUsages.forbidsSigning(certificate);
            if (refusal.isPresent()) {
                String id = (String) result.get(WSSecurityEngineResult.TAG_ID);
                boolean fromAssertion = result.get(WSSecurityEngineResult.TAG_PRINCIPAL) instanceof SAMLTokenPrincipal;
                throw new Wss4jReason(ErrorCode.FAILED_AUTHENTICATION, "FAILED_AUTHENTICATION",
                        (fromAssertion ? "holder-of-key certificate '" : "signer certificate '")
                        + certificate.getSubjectX500Principal().getName() + "' of signature"
                        + (id == null || id.isEmpty() ? "" : " " + id) + " is not accepted: " + refusal.get());
            }
        }
    }
}
