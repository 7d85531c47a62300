package io.wssgate.inbound;

import io.wssgate.config.AlgorithmPolicy;
import io.wssgate.config.DecryptionPolicy;
import io.wssgate.config.PolicyConfig;
import io.wssgate.config.SamlPolicy;
import io.wssgate.config.TimestampPolicy;
import io.wssgate.config.UsernameTokenPolicy;
import io.wssgate.keys.LoadedKey;
import io.wssgate.keys.PolicyKeys;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import org.apache.wss4j.common.cache.ReplayCache;
import org.apache.wss4j.common.crypto.AlgorithmSuite;
import org.apache.wss4j.common.crypto.Merlin;
import org.apache.wss4j.dom.WSConstants;
import org.apache.wss4j.dom.engine.WSSConfig;
import org.apache.wss4j.dom.handler.RequestData;

/**
 * The one place where a policy's configuration becomes WSS4J settings. Everything heavy
 * (crypto stores, validators, replay caches) is built once at start-up; {@link #newRequestData()}
 * only copies references into the per-message {@link RequestData} WSS4J requires.
 */
final class Wss4jSettings {
    static final int REPLAY_CACHE_ENTRIES = 100_000;
    private static final String DECRYPTION_ALIAS = "wssgate-decryption";

    private final PolicyConfig policy;
    private final WSSConfig wssConfig;
    private final Merlin signatureCrypto;
    private final Merlin decryptionCrypto;
    private final PasswordCallbacks callbacks;
    private final AlgorithmSuite algorithmSuite;
    private final ReplayCache timestampReplay;
    private final ReplayCache nonceReplay;
    /** Revocation is checked exactly when CRLs are configured. */
    private final boolean revocationEnabled;

    Wss4jSettings(PolicyConfig policy, PolicyKeys keys, Clock clock) {
        this.policy = policy;
        char[] internalPassword = randomPassword();
        this.signatureCrypto = trustCrypto(keys);
        this.revocationEnabled = !keys.crls().isEmpty();
        this.decryptionCrypto = keys.decryptionKey().map(k -> decryptionCrypto(k, internalPassword)).orElse(null);
        this.callbacks = new PasswordCallbacks(policy.usernameToken().passwordSource(), internalPassword);
        this.algorithmSuite = algorithmSuite(policy.signature().algorithms(), policy.decryption());
        this.wssConfig = wssConfig(policy, keys);
        TimestampPolicy ts = policy.timestamp();
        this.timestampReplay = ts.replayDetection()
                ? new ExpiringReplayCache(REPLAY_CACHE_ENTRIES, ts.maxAge().plus(ts.futureSkew()), clock) : null;
        UsernameTokenPolicy ut = policy.usernameToken();
        this.nonceReplay = ut.nonceReplayDetection()
                ? new ExpiringReplayCache(REPLAY_CACHE_ENTRIES, ut.maxAge().plus(ut.futureSkew()), clock) : null;
    }

    WSSConfig wssConfig() {
        return wssConfig;
    }

    RequestData newRequestData() {
        RequestData data = new RequestData();
        data.setWssConfig(wssConfig);
        data.setActor("");
        data.setSigVerCrypto(signatureCrypto);
        data.setDecCrypto(decryptionCrypto);
        data.setCallbackHandler(callbacks);
        data.setAlgorithmSuite(algorithmSuite);
        data.setSamlAlgorithmSuite(algorithmSuite);
        data.setDisableBSPEnforcement(false);
        data.setAllowRSA15KeyTransportAlgorithm(false);
        data.setEnableRevocation(revocationEnabled);
        data.setSubjectCertConstraints(policy.trust().subjectDnPatterns());
        // Subject confirmation (holder-of-key, sender-vouches) and audiences are enforced by
        // SamlRules with stricter rules than WSS4J's own checks (every AudienceRestriction must
        // match, not just one), so WSS4J's versions are off here.
        data.setValidateSamlSubjectConfirmation(false);
        TimestampPolicy ts = policy.timestamp();
        data.setTimeStampStrict(true);
        data.setTimeStampTTL((int) ts.maxAge().toSeconds());
        data.setTimeStampFutureTTL((int) ts.futureSkew().toSeconds());
        data.setRequireTimestampExpires(ts.expiresRequired());
        data.setTimestampReplayCache(timestampReplay);
        UsernameTokenPolicy ut = policy.usernameToken();
        data.setUtTTL((int) ut.maxAge().toSeconds());
        data.setUtFutureTTL((int) ut.futureSkew().toSeconds());
        data.setNonceReplayCache(nonceReplay);
        data.setAllowUsernameTokenNoPassword(false);
        if (!ut.allowPasswordText()) {
            data.setRequiredPasswordType(WSConstants.PASSWORD_DIGEST);
        }
        return data;
    }

    private static Merlin trustCrypto(PolicyKeys keys) {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            int i = 0;
            for (X509Certificate anchor : keys.trustAnchors()) {
                trust.setCertificateEntry("anchor-" + i++, anchor);
            }
            Merlin merlin = new Merlin();
            merlin.setTrustStore(trust);
            if (!keys.crls().isEmpty()) {
                merlin.setCRLCertStore(
                        CertStore.getInstance("Collection", new CollectionCertStoreParameters(keys.crls())));
            }
            return merlin;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot build the trust store", e);
        }
    }

    private static Merlin decryptionCrypto(LoadedKey key, char[] password) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(DECRYPTION_ALIAS, key.privateKey(), password, new X509Certificate[] {key.certificate()});
            Merlin merlin = new Merlin();
            merlin.setKeyStore(store);
            return merlin;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot build the decryption key store", e);
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

    private WSSConfig wssConfig(PolicyConfig policy, PolicyKeys keys) {
        WSSConfig config = WSSConfig.getNewInstance();
        SamlPolicy saml = policy.saml();
        IssuerTrustingSamlValidator samlValidator =
                new IssuerTrustingSamlValidator(keys.samlIssuers(), saml.clockSkew(), saml.maxAge());
        config.setValidator(WSConstants.SAML_TOKEN, samlValidator);
        config.setValidator(WSConstants.SAML2_TOKEN, samlValidator);
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
        return config;
    }

    private static char[] randomPassword() {
        SecureRandom random = new SecureRandom();
        char[] password = new char[24];
        for (int i = 0; i < password.length; i++) {
            password[i] = (char) ('a' + random.nextInt(26));
        }
        return password;
    }

}
