package io.wssgate;

import io.wssgate.config.ConfigurationException;
import io.wssgate.config.StsAuthentication;
import io.wssgate.config.PolicyConfig;
import io.wssgate.config.Problems;
import io.wssgate.config.UrlPattern;
import io.wssgate.config.WssGateConfig;
import io.wssgate.inbound.InboundValidator;
import io.wssgate.keys.KeyMaterialLoader;
import io.wssgate.keys.OutboundKeys;
import io.wssgate.keys.PolicyKeys;
import io.wssgate.outbound.OutboundSecurer;
import io.wssgate.replay.ReplayCache;
import io.wssgate.sts.StsClient;
import io.wssgate.sts.StsTokenValidator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javax.security.auth.x500.X500Principal;

/**
 * The engine every adapter uses: built once from a {@link WssGateConfig} (loading and checking
 * all key material, failing with every problem listed), then asked which policy guards a path.
 */
public final class WssGate {
    private final WssGateConfig config;
    private final Map<String, GatePolicy> policies;
    private final List<CertificateInUse> certificates;

    private WssGate(WssGateConfig config, Map<String, GatePolicy> policies, List<CertificateInUse> certificates) {
        this.config = config;
        this.policies = policies;
        this.certificates = List.copyOf(certificates);
    }

    public static WssGate create(WssGateConfig config) {
        return create(config, Clock.systemUTC());
    }

    /** @throws ConfigurationException listing every problem of the configuration, with key paths */
    public static WssGate create(WssGateConfig config, Clock clock) {
        return create(config, clock, new Problems());
    }

    /**
     * Checks the key material of a (possibly best-effort) model and fails listing the problems
     * already found while loading it together with its own, so a user sees everything at once.
     *
     * @throws ConfigurationException listing every problem, with key paths
     */
    public static WssGate create(WssGateConfig config, Clock clock, Problems problems) {
        return create(config, clock, problems, List.of());
    }

    /** The same, telling {@code observers} about every inbound decision. */
    public static WssGate create(WssGateConfig config, Clock clock, Problems problems, List<GateObserver> observers) {
        if (config.policies().isEmpty() && problems.isEmpty()) {
            problems.add("policies", "at least one policy is required");
        }
        KeyMaterialLoader loader = new KeyMaterialLoader(problems, clock);
        List<PolicyKeys> keys = new ArrayList<>();
        List<OutboundKeys> outboundKeys = new ArrayList<>();
        List<Optional<StsTokenValidator>> stsValidators = new ArrayList<>();
        for (PolicyConfig policy : config.policies()) {
            checkModel(policy, problems);
            OutboundChecks.check(policy, problems);
            keys.add(PolicyKeys.load(policy, loader));
            outboundKeys.add(OutboundKeys.load(policy, loader));
            stsValidators.add(stsValidator(policy, loader, clock));
        }
        Function<PolicyConfig, ReplayCache> replayStores = ReplayStores.open(config.replay(), clock, problems);
        problems.throwIfAny();
        Map<String, GatePolicy> built = new LinkedHashMap<>();
        List<CertificateInUse> certificates = new ArrayList<>();
        for (int i = 0; i < config.policies().size(); i++) {
            PolicyConfig policy = config.policies().get(i);
            built.put(policy.name(), new GatePolicy(policy,
                    new InboundValidator(policy, keys.get(i), stsValidators.get(i), clock, replayStores.apply(policy)),
                    new OutboundSecurer(policy.outbound(), outboundKeys.get(i), clock), observers));
            certificates.addAll(certificatesInUse(policy.name(), keys.get(i), outboundKeys.get(i)));
        }
        return new WssGate(config, Collections.unmodifiableMap(built), certificates);
    }

    /** The first policy one of whose URL patterns matches the context-relative path. */
    public Optional<GatePolicy> policyFor(String path) {
        return config.policyFor(path).map(p -> policies.get(p.name()));
    }

    /** The policy of that name. */
    public Optional<GatePolicy> policy(String name) {
        return Optional.ofNullable(policies.get(name));
    }

    public List<GatePolicy> policies() {
        return List.copyOf(policies.values());
    }

    /** Every certificate the policies rely on, e.g. to warn before one expires. */
    public List<CertificateInUse> certificates() {
        return certificates;
    }

    /** The configuration this engine was built from. */
    public WssGateConfig config() {
        return config;
    }

    private static List<CertificateInUse> certificatesInUse(String policy, PolicyKeys keys, OutboundKeys outbound) {
        List<CertificateInUse> out = new ArrayList<>();
        keys.trustAnchors().forEach(c -> out.add(new CertificateInUse(policy, "trust", c)));
        keys.samlIssuers().values().forEach(certs -> certs.forEach(c -> out.add(new CertificateInUse(policy, "saml-issuer", c))));
        keys.decryptionKey().ifPresent(k -> out.add(new CertificateInUse(policy, "decryption", k.certificate())));
        outbound.signingKey().ifPresent(k -> out.add(new CertificateInUse(policy, "outbound-signature", k.certificate())));
        outbound.samlIssuerKey().ifPresent(k -> out.add(new CertificateInUse(policy, "outbound-saml-issuer", k.certificate())));
        outbound.encryptionRecipient().ifPresent(c -> out.add(new CertificateInUse(policy, "outbound-encryption", c)));
        outbound.stsAuthenticationKey().ifPresent(k -> out.add(new CertificateInUse(policy, "sts-authentication", k.certificate())));
        return out;
    }

    private static Optional<StsTokenValidator> stsValidator(PolicyConfig policy, KeyMaterialLoader loader, Clock clock) {
        return policy.saml().stsValidation().map(v -> {
            Optional<io.wssgate.keys.LoadedKey> key = v.authentication() instanceof StsAuthentication.Signature s
                    ? loader.key(s.key(), "policies." + policy.name() + ".saml.sts-validation.authentication.key")
                    : Optional.empty();
            return new StsTokenValidator(new StsClient(v.endpoint(), v.authentication(), key, v.timeout()), clock);
        });
    }

    /** Checks of the model itself that a Java-built configuration could get wrong too. */
    private static void checkModel(PolicyConfig policy, Problems problems) {
        String at = "policies." + policy.name();
        if (policy.paths().isEmpty()) {
            problems.add(at + ".paths", "at least one URL pattern is required");
        }
        policy.paths().stream().filter(p -> !UrlPattern.isValid(p))
                .forEach(p -> problems.add(at + ".paths", "invalid URL pattern '" + p + "'"));
        int i = 0;
        for (String dn : policy.roles().certificateSubjects().keySet()) {
            try {
                new X500Principal(dn);
            } catch (IllegalArgumentException e) {
                problems.add(at + ".roles.certificate-subjects[" + i + "].subject", "invalid DN '" + dn + "'");
            }
            i++;
        }
    }
}
