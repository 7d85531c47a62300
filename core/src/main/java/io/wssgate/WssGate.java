package io.wssgate;

import io.wssgate.capture.CaptureStore;
import io.wssgate.replay.ReplayStores;
import io.wssgate.config.ConfigurationException;
import io.wssgate.config.FipsMode;
import io.wssgate.config.FipsPolicyCheck;
import io.wssgate.keys.FipsProviders;
import io.wssgate.wsdl.WsdlStartupCheck;
import io.wssgate.config.PolicyConfig;
import io.wssgate.config.Problems;
import io.wssgate.config.UrlPattern;
import io.wssgate.config.WssGateConfig;
import io.wssgate.inbound.OpenSamlStartup;
import io.wssgate.keys.FileFingerprint;
import io.wssgate.log.GateLog;
import io.wssgate.log.QuietLoggers;
import io.wssgate.keys.KeyFiles;
import io.wssgate.keys.KeyMaterialLoader;
import io.wssgate.spi.ReplayCache;
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
public final class WssGate implements AutoCloseable {
    private static final GateLog LOG = GateLog.of(WssGate.class);

    private final WssGateConfig config;
    private final Map<String, PolicyRuntime> policies;
    private final KeyReloader reloader;
    private final Optional<CaptureStore> capture;
    private final List<GateObserver> observers;
    /** Set by the first {@link #close()}, so observers hear of it once. */
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    private WssGate(WssGateConfig config, Map<String, PolicyRuntime> policies, KeyReloader reloader,
                    Optional<CaptureStore> capture, List<GateObserver> observers) {
        this.config = config;
        this.policies = policies;
        this.reloader = reloader;
        this.capture = capture;
        this.observers = List.copyOf(observers);
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

    /**
     * The same, telling {@code observers} about every inbound decision and key reload. Unless
     * {@code keys.reload-interval} is zero, the engine watches its key and trust files from now
     * on: {@link #close()} it when done.
     */
    public static WssGate create(WssGateConfig config, Clock clock, Problems problems, List<GateObserver> observers) {
        // before WSS4J and Santuario handle a message: their per-request WARN lines repeat the rejection line
        QuietLoggers.quietUnlessConfigured();
        if (config.policies().isEmpty() && problems.isEmpty()) {
            problems.add("policies", "at least one policy is required");
        }
        boolean fips = FipsMode.on(config.fips());
        if (fips) {
            // before any key is read: every algorithm lookup from now on must land on the FIPS provider
            FipsProviders.require(problems);
        }
        // now rather than as a NullPointerException on the first SAML request
        OpenSamlStartup.problem().ifPresent(problem -> problems.add("(class path)", problem));
        KeyMaterialLoader loader = new KeyMaterialLoader(problems, clock);
        List<PolicyMaterial> materials = new ArrayList<>();
        List<FileFingerprint> fingerprints = new ArrayList<>();
        for (PolicyConfig policy : config.policies()) {
            checkModel(policy, problems);
            OutboundChecks.check(policy, problems);
            WsdlStartupCheck.check(policy, problems);
            if (fips) {
                FipsPolicyCheck.check(policy, problems);
            }
            // taken before reading, so a file replaced while starting is picked up by the first check
            fingerprints.add(FileFingerprint.of(KeyFiles.of(policy)));
            materials.add(PolicyMaterial.load(policy, loader));
        }
        Function<PolicyConfig, ReplayCache> replayStores = ReplayStores.open(config.replay(), clock, problems);
        Optional<CaptureStore> capture = config.captureRejected().flatMap(c -> CaptureStore.open(c, clock, problems));
        if (!problems.isEmpty()) {
            capture.ifPresent(CaptureStore::close);
            problems.throwIfAny();
        }
        Map<String, PolicyRuntime> built = new LinkedHashMap<>();
        for (int i = 0; i < config.policies().size(); i++) {
            PolicyConfig policy = config.policies().get(i);
            built.put(policy.name(), new PolicyRuntime(policy, materials.get(i), replayStores.apply(policy), clock,
                    observers, capture));
        }
        KeyReloader reloader = new KeyReloader(List.copyOf(built.values()), fingerprints,
                config.keyReloadInterval(), clock, observers);
        WssGate gate = new WssGate(config, Collections.unmodifiableMap(built), reloader, capture, observers);
        gate.tellObservers(o -> o.started(gate));
        return gate;
    }

    private void tellObservers(java.util.function.Consumer<GateObserver> event) {
        for (GateObserver observer : observers) {
            try {
                event.accept(observer);
            } catch (RuntimeException | LinkageError e) {
                LOG.warn("observer {} failed: {}", observer, e.toString());
            }
        }
    }

    /** The first policy one of whose URL patterns matches the context-relative path. */
    public Optional<PolicyRuntime> policyFor(String path) {
        return config.policyFor(path).map(p -> policies.get(p.name()));
    }

    /** The policy of that name. */
    public Optional<PolicyRuntime> policy(String name) {
        return Optional.ofNullable(policies.get(name));
    }

    public List<PolicyRuntime> policies() {
        return List.copyOf(policies.values());
    }

    /** Every certificate the policies rely on now (after any reload), e.g. to warn before one expires. */
    public List<CertificateInUse> certificates() {
        List<CertificateInUse> out = new ArrayList<>();
        policies.values().forEach(p -> out.addAll(p.material().certificatesInUse(p.name())));
        return List.copyOf(out);
    }

    /** The configuration this engine was built from. */
    public WssGateConfig config() {
        return config;
    }

    /**
     * Checks the key and trust files for replacement now, instead of waiting for the next
     * scheduled check (e.g. right after deploying new files); works with reloading off too.
     */
    public void reloadKeyMaterialNow() {
        reloader.checkNow();
    }

    /** Whether a thread is checking the key and trust files (reloading on and not closed). */
    public boolean watchesKeyFiles() {
        return reloader.watching();
    }

    /**
     * Stops watching the key and trust files (and expiring captures) and tells the observers (e.g.
     * the JMX view leaves the MBean server). Idempotent; validation keeps working with the material
     * in force.
     */
    @Override
    public void close() {
        reloader.close();
        capture.ifPresent(CaptureStore::close);
        if (closed.compareAndSet(false, true)) {
            tellObservers(o -> o.closed(this));
        }
    }

    /** Checks of the model itself that a Java-built configuration could get wrong too. */
    private static void checkModel(PolicyConfig policy, Problems problems) {
        String at = "policies." + policy.name();
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
