package io.wssgate.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A real OCSP responder on loopback, built on Bouncy Castle's OCSP classes, with its own CA. The
 * CA issues client certificates whose Authority Information Access extension names this
 * responder, and a delegated responder certificate (id-kp-OCSPSigning). What it answers is set
 * per certificate ({@link #set}) and how it answers per test ({@link #mode}): signed by the CA,
 * by the delegated responder, or by a key nobody trusts; stale; replaying an earlier response
 * (with that request's nonce); not at all; or only after the client gave up ({@link Mode#HANG}).
 * It also issues intermediate CAs ({@link #intermediate}) whose certificates it answers for, and
 * answers for their certificates signed by them, as an intermediate's own responder would.
 */
public final class OcspResponder implements AutoCloseable {
    /** What the responder says about a certificate. */
    public enum Answer { GOOD, REVOKED, UNKNOWN }

    /** How the responder behaves. */
    public enum Mode {
        SIGNED_BY_CA, SIGNED_BY_DELEGATE, SIGNED_BY_UNTRUSTED_KEY, STALE, REPLAY_PREVIOUS, TRY_LATER, DOWN,
        /** Holds every request until {@link #release()} (or 30 seconds), answering nothing meanwhile. */
        HANG
    }

    private final HttpServer server;
    private final TestKeys.Identity ca;
    private final TestKeys.Identity delegate;
    private final KeyPair untrusted = CertificateMinter.rsa(2048);
    private final X509Certificate untrustedCert;
    private final Map<BigInteger, Answer> answers = new ConcurrentHashMap<>();
    private final AtomicReference<Mode> mode = new AtomicReference<>(Mode.SIGNED_BY_CA);
    private final AtomicReference<byte[]> previous = new AtomicReference<>();
    private final AtomicInteger requests = new AtomicInteger();
    /** The OID of the hash the last request's certificate ID was made with. */
    private final AtomicReference<String> lastCertIdHash = new AtomicReference<>();
    private final AtomicInteger issued = new AtomicInteger();
    /** The CAs whose certificates this responder answers for: the root first, then intermediates. */
    private final List<TestKeys.Identity> issuers = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "ocsp-responder");
        thread.setDaemon(true);
        return thread;
    });
    private volatile CountDownLatch hanging = new CountDownLatch(1);
    /** How long after now a (current) answer's nextUpdate lies. */
    private volatile Duration validity = Duration.ofHours(1);

    private OcspResponder(HttpServer server) {
        this.server = server;
        Instant now = Instant.now();
        KeyPair caKeys = CertificateMinter.rsa(2048);
        X500Principal caName = new X500Principal("CN=WSS Gate OCSP Test CA,O=WSS Gate Test,C=DE");
        X509Certificate caCert = build(caName, caKeys, caName, caKeys.getPrivate(), caKeys, now, true, null, false);
        this.ca = new TestKeys.Identity("ocsp-ca", caKeys.getPrivate(), caCert, List.of(caCert));
        this.issuers.add(ca);
        KeyPair delegateKeys = CertificateMinter.rsa(2048);
        X509Certificate delegateCert = build(new X500Principal("CN=OCSP Responder,O=WSS Gate Test,C=DE"), delegateKeys,
                caName, caKeys.getPrivate(), caKeys, now, false, null, true);
        this.delegate = new TestKeys.Identity("ocsp-delegate", delegateKeys.getPrivate(), delegateCert,
                List.of(delegateCert, caCert));
        this.untrustedCert = build(new X500Principal("CN=OCSP Responder,O=WSS Gate Test,C=DE"), untrusted,
                new X500Principal("CN=OCSP Responder,O=WSS Gate Test,C=DE"), untrusted.getPrivate(), untrusted, now,
                false, null, true);
    }

    /** Starts on a free loopback port. */
    public static OcspResponder start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        OcspResponder responder = new OcspResponder(server);
        // one thread per request: a hanging request must not hold up the next test's
        server.setExecutor(responder.executor);
        server.createContext("/ocsp", exchange -> {
            try (InputStream in = exchange.getRequestBody(); OutputStream out = exchange.getResponseBody()) {
                byte[] body = responder.answer(in.readAllBytes());
                exchange.getResponseHeaders().set("Content-Type", "application/ocsp-response");
                exchange.sendResponseHeaders(200, body.length);
                out.write(body);
            } catch (RuntimeException e) {
                exchange.sendResponseHeaders(500, -1);
            } finally {
                exchange.close();
            }
        });
        server.start();
        return responder;
    }

    /** The responder's URL, as the AIA extension of the certificates it issues names it. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/ocsp");
    }

    public TestKeys.Identity ca() {
        return ca;
    }

    /** A client certificate (RSA 2048) whose AIA names this responder; it answers GOOD for it until told otherwise. */
    public TestKeys.Identity issue(String cn) {
        return issue(cn, url());
    }

    /** A client certificate whose AIA names {@code responder}. */
    public TestKeys.Identity issue(String cn, URI responder) {
        return issue(cn, responder, ca);
    }

    /** A client certificate issued by {@code issuer} (this responder's CA or one of its {@link #intermediate}s). */
    public TestKeys.Identity issue(String cn, TestKeys.Identity issuer) {
        return issue(cn, url(), issuer);
    }

    /**
     * An intermediate CA issued by this responder's CA, whose AIA names this responder; it answers
     * GOOD for it until told otherwise, and answers for the certificates it issues with its key.
     */
    public TestKeys.Identity intermediate(String cn) {
        KeyPair keys = CertificateMinter.rsa(2048);
        X509Certificate cert = build(new X500Principal("CN=" + cn + ",O=WSS Gate Test,C=DE"), keys,
                ca.certificate().getSubjectX500Principal(), ca.privateKey(), ca.certificate().getPublicKey(),
                Instant.now(), true, url(), false);
        answers.put(cert.getSerialNumber(), Answer.GOOD);
        TestKeys.Identity intermediate = new TestKeys.Identity(cn, keys.getPrivate(), cert,
                List.of(cert, ca.certificate()));
        issuers.add(intermediate);
        return intermediate;
    }

    private TestKeys.Identity issue(String cn, URI responder, TestKeys.Identity issuer) {
        KeyPair keys = CertificateMinter.rsa(2048);
        X509Certificate cert = build(CertificateMinter.dn(cn), keys, issuer.certificate().getSubjectX500Principal(),
                issuer.privateKey(), issuer.certificate().getPublicKey(), Instant.now(), false, responder, false);
        answers.put(cert.getSerialNumber(), Answer.GOOD);
        List<X509Certificate> chain = new java.util.ArrayList<>(List.of(cert));
        chain.addAll(issuer.chain());
        return new TestKeys.Identity(cn, keys.getPrivate(), cert, chain);
    }

    /** A current CRL of this responder's CA listing {@code revoked} (key compromise). */
    public java.security.cert.X509CRL crl(X509Certificate... revoked) {
        try {
            Instant now = Instant.now();
            org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder builder = new org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder(
                    ca.certificate(), Date.from(now.minusSeconds(60)));
            builder.setNextUpdate(Date.from(now.plus(Duration.ofDays(1))));
            for (X509Certificate certificate : revoked) {
                builder.addCRLEntry(certificate.getSerialNumber(), Date.from(now.minusSeconds(60)), CRLReason.keyCompromise);
            }
            return new org.bouncycastle.cert.jcajce.JcaX509CRLConverter().getCRL(
                    builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(ca.privateKey())));
        } catch (GeneralSecurityException | org.bouncycastle.operator.OperatorCreationException e) {
            throw new IllegalStateException("cannot issue a CRL", e);
        }
    }

    public void set(X509Certificate certificate, Answer answer) {
        answers.put(certificate.getSerialNumber(), answer);
    }

    public void mode(Mode value) {
        mode.set(value);
    }

    /** Answers from now on say they are current for {@code value} (nextUpdate = now + value). */
    public void validity(Duration value) {
        validity = value;
    }

    /** Lets every request held by {@link Mode#HANG} go (with an internal error, long after its client gave up). */
    public void release() {
        CountDownLatch held = hanging;
        hanging = new CountDownLatch(1);
        held.countDown();
    }

    /** Requests received so far. */
    public int requests() {
        return requests.get();
    }

    /** The OID of the hash algorithm the last request named its certificate with (SHA-1: 1.3.14.3.2.26). */
    public String lastCertIdHash() {
        return lastCertIdHash.get();
    }

    private byte[] answer(byte[] request) {
        requests.incrementAndGet();
        Mode current = mode.get();
        if (current == Mode.DOWN) {
            throw new IllegalStateException("down");
        }
        if (current == Mode.HANG) {
            try {
                hanging.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("hung");
        }
        try {
            if (current == Mode.TRY_LATER) {
                return new OCSPRespBuilder().build(OCSPRespBuilder.TRY_LATER, null).getEncoded();
            }
            if (current == Mode.REPLAY_PREVIOUS && previous.get() != null) {
                return previous.get();
            }
            OCSPReq req = new OCSPReq(request);
            lastCertIdHash.set(req.getRequestList()[0].getCertID().getHashAlgOID().getId());
            TestKeys.Identity issuer = issuerOf(req);
            PrivateKey signingKey = switch (current) {
                case SIGNED_BY_DELEGATE -> delegate.privateKey();
                case SIGNED_BY_UNTRUSTED_KEY -> untrusted.getPrivate();
                default -> issuer.privateKey();
            };
            X509Certificate signer = switch (current) {
                case SIGNED_BY_DELEGATE -> delegate.certificate();
                case SIGNED_BY_UNTRUSTED_KEY -> untrustedCert;
                default -> issuer.certificate();
            };
            BasicOCSPRespBuilder builder = new BasicOCSPRespBuilder(new RespID(
                    new JcaX509CertificateHolder(signer).getSubject()));
            Extension nonce = req.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
            if (nonce != null) {
                builder.setResponseExtensions(new Extensions(nonce));
            }
            Instant now = Instant.now();
            Date thisUpdate = Date.from(current == Mode.STALE ? now.minus(Duration.ofDays(2)) : now.minusSeconds(10));
            Date nextUpdate = Date.from(current == Mode.STALE ? now.minus(Duration.ofDays(1)) : now.plus(validity));
            for (Req one : req.getRequestList()) {
                Answer answer = answers.getOrDefault(one.getCertID().getSerialNumber(), Answer.UNKNOWN);
                CertificateStatus status = switch (answer) {
                    case GOOD -> CertificateStatus.GOOD;
                    case REVOKED -> new RevokedStatus(Date.from(now.minus(Duration.ofHours(1))), CRLReason.keyCompromise);
                    case UNKNOWN -> new UnknownStatus();
                };
                builder.addResponse(one.getCertID(), status, thisUpdate, nextUpdate, null);
            }
            X509CertificateHolder[] chain = current == Mode.SIGNED_BY_CA ? null
                    : new X509CertificateHolder[] {new JcaX509CertificateHolder(signer)};
            byte[] response = new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL,
                    builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(signingKey), chain, new Date()))
                    .getEncoded();
            previous.set(response);
            return response;
        } catch (Exception e) {
            throw new IllegalStateException("cannot answer", e);
        }
    }

    /** The CA the (first) request is about: its certificate ID names the issuer by hashes of its name and key. */
    private TestKeys.Identity issuerOf(OCSPReq request) throws Exception {
        org.bouncycastle.operator.DigestCalculatorProvider digests =
                new org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder().build();
        for (TestKeys.Identity candidate : issuers) {
            if (request.getRequestList()[0].getCertID().matchesIssuer(
                    new JcaX509CertificateHolder(candidate.certificate()), digests)) {
                return candidate;
            }
        }
        return ca;
    }

    private X509Certificate build(X500Principal subject, KeyPair subjectKeys, X500Principal issuer,
                                  PrivateKey issuerKey, KeyPair issuerKeys, Instant now, boolean isCa, URI aia,
                                  boolean ocspSigning) {
        return build(subject, subjectKeys, issuer, issuerKey, issuerKeys.getPublic(), now, isCa, aia, ocspSigning);
    }

    private X509Certificate build(X500Principal subject, KeyPair subjectKeys, X500Principal issuer,
                                  PrivateKey issuerKey, java.security.PublicKey issuerPublicKey, Instant now,
                                  boolean isCa, URI aia, boolean ocspSigning) {
        try {
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
                    BigInteger.valueOf(now.toEpochMilli()).shiftLeft(8).add(BigInteger.valueOf(issued.incrementAndGet())),
                    Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(30))), subject,
                    subjectKeys.getPublic());
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    extensions.createSubjectKeyIdentifier(subjectKeys.getPublic()));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    extensions.createAuthorityKeyIdentifier(issuerPublicKey));
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(isCa
                    ? KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature
                    : KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
            if (aia != null) {
                builder.addExtension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(
                        new AccessDescription(AccessDescription.id_ad_ocsp,
                                new GeneralName(GeneralName.uniformResourceIdentifier, aia.toString()))));
            }
            if (ocspSigning) {
                builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_OCSPSigning));
            }
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKey)));
        } catch (GeneralSecurityException | IOException | org.bouncycastle.operator.OperatorCreationException e) {
            throw new IllegalStateException("cannot issue " + subject, e);
        }
    }

    @Override
    public void close() {
        release();
        server.stop(0);
        executor.shutdownNow();
    }
}
