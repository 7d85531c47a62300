package io.wssgate.revocation;

import java.security.GeneralSecurityException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;

/**
 * Judges one OCSP response (RFC 6960) about one certificate: the responder's status, who signed
 * it (the issuing CA itself, or a responder certificate that CA issued for OCSP signing), that it
 * is about this certificate, that it is current, and that it does not carry another request's
 * nonce. A response without a nonce is accepted when current (many responders pre-sign answers).
 */
final class OcspResponseCheck {
    /** Tolerance for the responder's clock in thisUpdate/nextUpdate. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final DigestCalculatorProvider digests;
    private final Duration maxAgeWithoutNextUpdate;

    OcspResponseCheck(DigestCalculatorProvider digests, Duration maxAgeWithoutNextUpdate) {
        this.digests = digests;
        this.maxAgeWithoutNextUpdate = maxAgeWithoutNextUpdate;
    }

    /**
     * {@code nonce}: the value of the nonce extension the request carried. The status, valid until the earlier of nextUpdate and {@code now + cacheTtl}; a responder
     * that answered with an error status is {@link RevocationStatus.NoAnswer}.
     */
    RevocationStatus judge(byte[] encoded, X509Certificate certificate, X509Certificate issuer,
                           Optional<byte[]> nonce, Instant now, Duration cacheTtl) throws InvalidOcspResponse {
        BasicOCSPResp basic;
        try {
            OCSPResp response = new OCSPResp(encoded);
            if (response.getStatus() != OCSPResp.SUCCESSFUL) {
                return new RevocationStatus.NoAnswer("the responder answered status " + response.getStatus()
                        + " (" + statusName(response.getStatus()) + ")");
            }
            if (!(response.getResponseObject() instanceof BasicOCSPResp b)) {
                throw new InvalidOcspResponse("not a basic OCSP response");
            }
            basic = b;
        } catch (java.io.IOException | OCSPException | RuntimeException e) {
            throw new InvalidOcspResponse("unreadable OCSP response: " + e.getMessage(), e);
        }
        checkSigner(basic, issuer, now);
        checkNonce(basic, nonce);
        SingleResp single = singleFor(basic, certificate, issuer);
        Instant thisUpdate = single.getThisUpdate().toInstant();
        Optional<Instant> nextUpdate = Optional.ofNullable(single.getNextUpdate()).map(Date::toInstant);
        if (thisUpdate.isAfter(now.plus(CLOCK_SKEW))) {
            throw new InvalidOcspResponse("the response's thisUpdate " + thisUpdate + " is in the future");
        }
        Instant expires = nextUpdate.orElse(thisUpdate.plus(maxAgeWithoutNextUpdate));
        if (expires.plus(CLOCK_SKEW).isBefore(now)) {
            throw new InvalidOcspResponse("stale response: " + (nextUpdate.isPresent() ? "nextUpdate " : "thisUpdate + "
                    + maxAgeWithoutNextUpdate + " = ") + expires + " has passed");
        }
        Instant validUntil = min(expires, now.plus(cacheTtl));
        CertificateStatus status = single.getCertStatus();
        if (status == CertificateStatus.GOOD) {
            return new RevocationStatus.Good(validUntil);
        }
        if (status instanceof RevokedStatus revoked) {
            return new RevocationStatus.Revoked(revoked.getRevocationTime().toInstant(),
                    revoked.hasRevocationReason() ? Optional.of(revoked.getRevocationReason()) : Optional.empty(),
                    validUntil);
        }
        if (status instanceof UnknownStatus) {
            return new RevocationStatus.Unknown(validUntil);
        }
        throw new InvalidOcspResponse("unrecognised certificate status " + status);
    }

    /** Signed by the CA, or by a certificate the CA issued with the OCSP-signing purpose that is valid now. */
    private static void checkSigner(BasicOCSPResp basic, X509Certificate issuer, Instant now) throws InvalidOcspResponse {
        try {
            if (basic.isSignatureValid(new JcaContentVerifierProviderBuilder().build(issuer.getPublicKey()))) {
                return;
            }
        } catch (OCSPException | OperatorCreationException e) {
            // not the CA's signature (or a key type it cannot be): try the delegated responder below
        }
        for (X509CertificateHolder holder : basic.getCerts()) {
            try {
                X509Certificate responder = new JcaX509CertificateConverter().getCertificate(holder);
                if (!responder.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
                    continue;
                }
                responder.verify(issuer.getPublicKey());
                responder.checkValidity(Date.from(now));
                if (!ocspSigning(responder)) {
                    continue;
                }
                if (basic.isSignatureValid(new JcaContentVerifierProviderBuilder().build(responder.getPublicKey()))) {
                    return;
                }
            } catch (GeneralSecurityException | OCSPException | OperatorCreationException e) {
                // this certificate does not qualify; the next may
            }
        }
        throw new InvalidOcspResponse("the response is signed neither by the issuing CA '"
                + issuer.getSubjectX500Principal().getName() + "' nor by a responder certificate it issued for OCSP");
    }

    private static boolean ocspSigning(X509Certificate responder) throws CertificateParsingException {
        List<String> purposes = responder.getExtendedKeyUsage();
        return purposes != null && purposes.contains(KeyPurposeId.id_kp_OCSPSigning.getId());
    }

    private static void checkNonce(BasicOCSPResp basic, Optional<byte[]> sent) throws InvalidOcspResponse {
        Extension echoed = basic.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
        if (sent.isEmpty() || echoed == null) {
            return;
        }
        // a responder echoes the request's nonce extension as it was sent
        if (!Arrays.equals(echoed.getExtnValue().getOctets(), sent.get())) {
            throw new InvalidOcspResponse("the response carries another request's nonce (a replayed response)");
        }
    }

    private SingleResp singleFor(BasicOCSPResp basic, X509Certificate certificate, X509Certificate issuer)
            throws InvalidOcspResponse {
        try {
            X509CertificateHolder issuerHolder = new JcaX509CertificateHolder(issuer);
            for (SingleResp single : basic.getResponses()) {
                CertificateID id = single.getCertID();
                if (id.getSerialNumber().equals(certificate.getSerialNumber())
                        && id.matchesIssuer(issuerHolder, digests)) {
                    return single;
                }
            }
        } catch (GeneralSecurityException | OCSPException e) {
            throw new InvalidOcspResponse("cannot match the response to the certificate: " + e.getMessage(), e);
        }
        throw new InvalidOcspResponse("the response is not about certificate serial " + certificate.getSerialNumber());
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static String statusName(int status) {
        return switch (status) {
            case OCSPResp.MALFORMED_REQUEST -> "malformedRequest";
            case OCSPResp.INTERNAL_ERROR -> "internalError";
            case OCSPResp.TRY_LATER -> "tryLater";
            case OCSPResp.SIG_REQUIRED -> "sigRequired";
            case OCSPResp.UNAUTHORIZED -> "unauthorized";
            default -> "unknown";
        };
    }
}
