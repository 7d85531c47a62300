package io.wssgate.revocation;

import io.wssgate.config.OcspPolicy;
import java.io.IOException;
import java.net.URI;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Asks a certificate's OCSP responder (the configured one, else the one its Authority
 * Information Access extension names) about it, and remembers definitive answers for their
 * validity. One per policy and key material; thread-safe.
 */
final class OcspClient {
    private final OcspPolicy policy;
    private final Clock clock;
    private final boolean sha256CertIds;
    private final OcspTransport transport;
    private final OcspResponseCheck check;
    private final OcspCache cache = new OcspCache();
    private final DigestCalculatorProvider digests;
    private final SecureRandom random = new SecureRandom();

    /** {@code sha256CertIds}: name certificates by SHA-256 hashes (FIPS mode) rather than RFC 6960's usual SHA-1. */
    OcspClient(OcspPolicy policy, Clock clock, boolean sha256CertIds) {
        this.policy = policy;
        this.clock = clock;
        this.sha256CertIds = sha256CertIds;
        this.transport = new OcspTransport(policy.timeout());
        try {
            this.digests = new JcaDigestCalculatorProviderBuilder().build();
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("no digest provider", e);
        }
        this.check = new OcspResponseCheck(digests, policy.cacheTtl());
    }

    /** The responder this certificate is checked with, if any is known. */
    Optional<URI> responderFor(X509Certificate certificate) {
        return policy.responderUrl().or(() -> fromAia(certificate));
    }

    RevocationStatus status(X509Certificate certificate, X509Certificate issuer) throws InvalidOcspResponse {
        Optional<URI> responder = responderFor(certificate);
        if (responder.isEmpty()) {
            return new RevocationStatus.NoAnswer("the certificate names no OCSP responder and none is configured");
        }
        OcspCache.Key key = new OcspCache.Key(Base64.getEncoder().encodeToString(issuer.getPublicKey().getEncoded()),
                certificate.getSerialNumber());
        Instant now = clock.instant();
        Optional<RevocationStatus> cached = cache.get(key, now);
        if (cached.isPresent()) {
            return cached.get();
        }
        Optional<byte[]> nonce = policy.nonce() ? Optional.of(nonce()) : Optional.empty();
        byte[] answer;
        try {
            answer = transport.post(responder.get(), request(certificate, issuer, nonce));
        } catch (IOException e) {
            return new RevocationStatus.NoAnswer("responder " + responder.get() + " did not answer: " + e);
        }
        RevocationStatus status = check.judge(answer, certificate, issuer, nonce, clock.instant(), policy.cacheTtl());
        cache.put(key, status);
        return status;
    }

    private byte[] request(X509Certificate certificate, X509Certificate issuer, Optional<byte[]> nonce)
            throws InvalidOcspResponse {
        try {
            AlgorithmIdentifier hash = sha256CertIds ? new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)
                    : new AlgorithmIdentifier(OIWObjectIdentifiers.idSHA1);
            CertificateID id = new CertificateID(digests.get(hash), new JcaX509CertificateHolder(issuer),
                    certificate.getSerialNumber());
            OCSPReqBuilder builder = new OCSPReqBuilder().addRequest(id);
            if (nonce.isPresent()) {
                builder.setRequestExtensions(new Extensions(new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce,
                        false, new DEROctetString(nonce.get()))));
            }
            return builder.build().getEncoded();
        } catch (OCSPException | OperatorCreationException | CertificateEncodingException | IOException e) {
            throw new InvalidOcspResponse("cannot build the OCSP request: " + e.getMessage(), e);
        }
    }

    /** The value of the nonce extension: a DER OCTET STRING of 32 random octets (RFC 8954). */
    private byte[] nonce() {
        byte[] value = new byte[32];
        random.nextBytes(value);
        try {
            return new DEROctetString(value).getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Optional<URI> fromAia(X509Certificate certificate) {
        byte[] extension = certificate.getExtensionValue(Extension.authorityInfoAccess.getId());
        if (extension == null) {
            return Optional.empty();
        }
        try {
            AuthorityInformationAccess aia = AuthorityInformationAccess.getInstance(
                    JcaX509ExtensionUtils.parseExtensionValue(extension));
            for (AccessDescription description : aia.getAccessDescriptions()) {
                GeneralName location = description.getAccessLocation();
                if (AccessDescription.id_ad_ocsp.equals(description.getAccessMethod())
                        && location.getTagNo() == GeneralName.uniformResourceIdentifier) {
                    URI uri = URI.create(location.getName().toString());
                    if ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) {
                        return Optional.of(uri);
                    }
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
