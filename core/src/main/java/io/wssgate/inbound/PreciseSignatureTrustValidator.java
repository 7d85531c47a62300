package io.wssgate.inbound;

import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.DSAPublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Collection;
import java.util.regex.Pattern;
import org.apache.wss4j.common.crypto.AlgorithmSuite;
import org.apache.wss4j.common.ext.WSSecurityException;
import org.apache.wss4j.common.ext.WSSecurityException.ErrorCode;
import org.apache.wss4j.dom.handler.RequestData;
import org.apache.wss4j.dom.validate.Credential;
import org.apache.wss4j.dom.validate.SignatureTrustValidator;

/**
 * WSS4J's trust decision for a message signature, unchanged, with the reason of two refusals
 * WSS4J leaves unexplained:
 * <ul>
 * <li>a certificate of a trusted CA whose subject matches no {@code trust.subject-dn-patterns}:
 *     WSS4J throws a bare "could not be authenticated or authorized" (the reason only at DEBUG);
 *     on that failure, and only then, the subject is compared again to name it;</li>
 * <li>a signing key below {@code signature.algorithms.min-rsa-key-size} / {@code min-ec-key-size}
 *     (or above WSS4J's maximum): WSS4J checks this right after this validator, with a generic
 *     "error processing the Security header" and a WARN line of its own per request. The same
 *     bounds of the same algorithm suite are checked here first, with the same error code, so the
 *     rejection line says which key and which bound.</li>
 * </ul>
 */
final class PreciseSignatureTrustValidator extends SignatureTrustValidator {

    @Override
    public Credential validate(Credential credential, RequestData data) throws WSSecurityException {
        Credential trusted;
        try {
            trusted = super.validate(credential, data);
        } catch (WSSecurityException e) {
            throw subjectNotAllowed(e, credential, data.getSubjectCertConstraints());
        }
        AlgorithmSuite suite = data.getAlgorithmSuite();
        if (suite != null) {
            if (credential.getCertificates() != null) {
                for (X509Certificate certificate : credential.getCertificates()) {
                    keyLength(certificate.getPublicKey(), suite);
                }
            } else {
                keyLength(credential.getPublicKey(), suite);
            }
        }
        return trusted;
    }

    /** WSS4J's failure, or the same failure with its reason when the signer's subject DN is the cause. */
    private static WSSecurityException subjectNotAllowed(WSSecurityException e, Credential credential,
                                                         Collection<Pattern> patterns) {
        X509Certificate[] certificates = credential.getCertificates();
        if (e.getErrorCode() != ErrorCode.FAILED_AUTHENTICATION || e.getCause() != null || patterns == null
                || patterns.isEmpty() || certificates == null || certificates.length == 0) {
            return e;
        }
        String subject = certificates[0].getSubjectX500Principal().getName();
        if (patterns.stream().anyMatch(p -> p.matcher(subject).matches())) {
            return e;
        }
        return new Wss4jReason(e.getErrorCode(), e.getMsgID(), "signer certificate subject '" + subject
                + "' matches none of trust.subject-dn-patterns (its issuer is trusted)");
    }

    /** WSS4J's asymmetric key-length rule for RSA, DSA and EC keys; other key types are left to WSS4J. */
    private static void keyLength(PublicKey key, AlgorithmSuite suite) throws WSSecurityException {
        int bits;
        int min;
        int max;
        String what;
        if (key instanceof RSAPublicKey rsa) {
            bits = rsa.getModulus().bitLength();
            min = suite.getMinimumAsymmetricKeyLength();
            max = suite.getMaximumAsymmetricKeyLength();
            what = "RSA key of " + bits + " bits; signature.algorithms.min-rsa-key-size is " + min;
        } else if (key instanceof DSAPublicKey dsa && dsa.getParams() != null) {
            bits = dsa.getParams().getP().bitLength();
            min = suite.getMinimumAsymmetricKeyLength();
            max = suite.getMaximumAsymmetricKeyLength();
            what = "DSA key of " + bits + " bits; signature.algorithms.min-rsa-key-size is " + min;
        } else if (key instanceof ECPublicKey ec) {
            bits = ec.getParams().getOrder().bitLength();
            min = suite.getMinimumEllipticCurveKeyLength();
            max = suite.getMaximumEllipticCurveKeyLength();
            what = "EC key of " + bits + " bits; signature.algorithms.min-ec-key-size is " + min;
        } else {
            return;
        }
        if (bits < min || bits > max) {
            throw new Wss4jReason(ErrorCode.INVALID_SECURITY, ErrorCode.INVALID_SECURITY.name(),
                    "signing " + what + (bits > max ? ", and WSS4J's maximum " + max : "")
                            + ": the key is " + (bits < min ? "too short" : "too long"));
        }
    }
}
