package io.wssgate.inbound;

import io.wssgate.config.AlgorithmPolicy;
import io.wssgate.config.DecryptionPolicy;
import io.wssgate.config.PolicyConfig;
import io.wssgate.config.RevocationPolicy;
import io.wssgate.keys.FipsProviders;
import io.wssgate.revocation.Revocation;
import io.wssgate.config.SamlPolicy;
import io.wssgate.config.TimestampPolicy;
import io.wssgate.config.UsernameTokenPolicy;
import io.wssgate.keys.KeyCrypto;
import io.wssgate.keys.InboundKeys;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.apache.wss4j.common.crypto.AlgorithmSuite;
import org.apache.wss4j.common.crypto.Crypto;
import org.apache.wss4j.common.crypto.Merlin;
import org.apache.wss4j.dom.WSConstants;
import org.apache.wss4j.dom.engine.WSSConfig;
import org.apache.wss4j.dom.handler.RequestData;

/**
 * The one place where a policy's configuration becomes WSS4J settings. Everything heavy
 * (crypto stores, validators, replay caches) is built once at start-up; {@link #newRequestData(String)}
 * only copies references into the per-message {@link RequestData} WSS4J requires.
 */
final class Wss4jSettings {

    private final PolicyConfig policy;
    private final WSSConfig wssConfig;
    private final Merlin signatureCrypto;
    private final Crypto decryptionCrypto;
    private final PasswordCallbacks callbacks;
    private final AlgorithmSuite algorithmSuite;
    /**
     * The configured subject-DN patterns, or one that matches every DN: WSS4J logs a warning for
     * every signature it checks without any pattern (one log line per request), while "any
     * subject" is exactly what an empty list means here.
     */
    private final List<java.util.regex.Pattern> subjectDnPatterns;
    /** Revocation is checked when OCSP is on or CRLs are configured. */
    private final boolean revocationEnabled;

    /**
     * {@code clock}: the time every rule judges by (Timestamp freshness, UsernameToken Created,
     * certificate paths and their revocation status - OCSP answers and CRLs -, issuer certificates).
     */
    Wss4jSettings(PolicyConfig policy, InboundKeys keys, Clock clock) {
        this.policy = policy;
        RevocationPolicy revocation = policy.trust().revocation();
        this.signatureCrypto = trustCrypto(keys, clock, revocation.ocsp().enabled()
                ? Optional.of(new Revocation(revocation, keys.crls(), clock, FipsProviders.active()))
                : Optional.empty());
        this.revocationEnabled = !keys.crls().isEmpty() || revocation.ocsp().enabled();
        this.subjectDnPatterns = policy.trust().subjectDnPatterns().isEmpty()
                ? List.of(java.util.regex.Pattern.compile(".*", java.util.regex.Pattern.DOTALL))
                : policy.trust().subjectDnPatterns();
        Optional<KeyCrypto> decryption = keys.decryptionKey().map(KeyCrypto::new);
        this.decryptionCrypto = decryption.map(KeyCrypto::crypto).orElse(null);
        this.callbacks = new PasswordCallbacks(policy.usernameToken().passwordSource(),
                decryption.map(k -> k.password().toCharArray()).orElse(new char[0]));
        this.algorithmSuite = algorithmSuite(policy.signature().algorithms(), policy.decryption());
        this.wssConfig = wssConfig(policy, keys, clock);
    }

    WSSConfig wssConfig() {
        return wssConfig;
    }

    /** {@code actor}: the actor/role of the Security header WSS4J processes ("" for none), as the locator found it. */
    RequestData newRequestData(String actor) {
        RequestData data = new RequestData();
        data.setWssConfig(wssConfig);
        data.setActor(actor);
        data.setSigVerCrypto(signatureCrypto);
        data.setDecCrypto(decryptionCrypto);
        data.setCallbackHandler(callbacks);
        data.setAlgorithmSuite(algorithmSuite);
        data.setSamlAlgorithmSuite(algorithmSuite);
        data.setDisableBSPEnforcement(false);
        data.setAllowRSA15KeyTransportAlgorithm(false);
        data.setEnableRevocation(revocationEnabled);
        // never inline an MTOM attachment's base64 into the DOM to verify it (WSS4J would hold it
        // in memory twice): XopReference streams it into the digest
        data.setExpandXopInclude(false);
        data.setSubjectCertConstraints(subjectDnPatterns);
        // Subject confirmation (holder-of-key, sender-vouches) and audiences are enforced by
        // SamlRules with stricter rules than WSS4J's own checks (every AudienceRestriction must
        // match, not just one), so WSS4J's versions are off here.
        data.setValidateSamlSubjectConfirmation(false);
        TimestampPolicy ts = policy.timestamp();
        data.setTimeStampStrict(true);
        data.setTimeStampTTL((int) ts.maxAge().toSeconds());
        data.setTimeStampFutureTTL((int) ts.futureSkew().toSeconds());
        data.setRequireTimestampExpires(ts.expiresRequired());
        // No WSS4J replay caches: WSS4J records a signature before verifying it, so a tampered
        // copy sent first would burn the genuine message's entry. ReplayGuard records replay
        // keys only for messages that passed every check.
        data.setTimestampReplayCache(null);
        UsernameTokenPolicy ut = policy.usernameToken();
        // PreciseUsernameTokenProcessor judges Created by the policy clock first; WSS4J's second
        // check of it, against the system clock, gets windows it cannot close on an accepted value
        // (otherwise wssgate explain --at would be refused by today's date)
        data.setUtTTL(Integer.MAX_VALUE);
        data.setUtFutureTTL(Integer.MAX_VALUE);
        data.setNonceReplayCache(null);
        data.setAllowUsernameTokenNoPassword(false);
        if (!ut.allowPasswordText()) {
            data.setRequiredPasswordType(WSConstants.PASSWORD_DIGEST);
        }
        return data;
    }

    /**
     * With OCSP, {@code revocation} checks every path (OCSP and CRLs); without it, the JDK reads
     * the CRLs. Either way paths are validated as of {@code clock}'s time.
     */
    private static Merlin trustCrypto(InboundKeys keys, Clock clock, Optional<Revocation> revocation) {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            int i = 0;
            for (X509Certificate anchor : keys.trustAnchors()) {
                trust.setCertificateEntry("anchor-" + i++, anchor);
            }
            Merlin merlin = revocation.<Merlin>map(r -> new RevocationMerlin(r, clock))
                    .orElseGet(() -> new ClockedMerlin(clock));
            merlin.setTrustStore(trust);
            if (revocation.isEmpty() && !keys.crls().isEmpty()) {
                merlin.setCRLCertStore(
                        CertStore.getInstance("Collection", new CollectionCertStoreParameters(keys.crls())));
            }
            return merlin;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot build the trust store", e);
        }
    }

    private static AlgorithmSuite algorithmSuite(AlgorithmPolicy algorithms, DecryptionPolicy decryption) {
        AlgorithmSuite suite = new AlgorithmSuite();
        algorithms.signature().forEach(suite::addSignatureMethod);
        algorithms.digest().forEach(suite::addDigestAlgorithm);
        algorithms.canonicalization().forEach(suite::addC14nAlgorithm);
        algorithms.canonicalization().forEach(suite::addTransformAlgorithm);
        suite.addTransformAlgorithm(WSConstants.NS_XMLDSIG_ENVELOPED_SIGNATURE);
        suite.addTransformAlgorithm(WSConstants.SWA_ATTACHMENT_CONTENT_SIG_TRANS);
        suite.addTransformAlgorithm(WSConstants.SWA_ATTACHMENT_COMPLETE_SIG_TRANS);
        suite.addTransformAlgorithm("http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#STR-Transform");
        decryption.keyTransportAlgorithms().forEach(suite::addKeyWrapAlgorithm);
        decryption.dataAlgorithms().forEach(suite::addEncryptionMethod);
        suite.setMinimumAsymmetricKeyLength(algorithms.minRsaKeyBits());
        suite.setMinimumEllipticCurveKeyLength(algorithms.minEcKeyBits());
        suite.setMinimumSymmetricKeyLength(128);
        return suite;
    }

    private WSSConfig wssConfig(PolicyConfig policy, InboundKeys keys, Clock clock) {
        WSSConfig config = WSSConfig.getNewInstance();
        SamlPolicy saml = policy.saml();
        IssuerTrustingSamlValidator samlValidator =
                new IssuerTrustingSamlValidator(keys.samlIssuers(), saml.clockSkew(), clock);
        config.setValidator(WSConstants.SAML_TOKEN, samlValidator);
        config.setValidator(WSConstants.SAML2_TOKEN, samlValidator);
        // WSS4J's own rules, with the reason in the failure instead of a WARN line of WSS4J's
        // (the Timestamp's also judged by the policy clock: one validator, a second would replace it)
        config.setValidator(WSConstants.TIMESTAMP, new TimestampFreshness(clock));
        config.setValidator(WSConstants.USERNAME_TOKEN, new PreciseUsernameTokenValidator());
        config.setProcessor(WSConstants.USERNAME_TOKEN, new PreciseUsernameTokenProcessor(policy.usernameToken(), clock));
        config.setProcessor(WSConstants.SIGNATURE, new DiagnosedSignatureFailure());
        config.setValidator(WSConstants.SIGNATURE, new PreciseSignatureTrustValidator());
        // Tokens this project never accepts get no processor at all (MessagePrecheck refuses them
        // first; this is the second lock on the same door).
        List<javax.xml.namespace.QName> refused = new java.util.ArrayList<>(List.of(WSConstants.DERIVED_KEY_TOKEN_05_02,
                WSConstants.DERIVED_KEY_TOKEN_05_12, WSConstants.SECURITY_CONTEXT_TOKEN_05_02,
                WSConstants.SECURITY_CONTEXT_TOKEN_05_12, WSConstants.ENCRYPTED_ASSERTION));
        if (!policy.outbound().signatureConfirmation()) {
            refused.add(WSConstants.SIGNATURE_CONFIRMATION);
        }
        for (javax.xml.namespace.QName token : refused) {
            config.setProcessor(token, (Class<?>) null);
        }
        UniformDecryptionFailure.install(config);
        return config;
    }
}
