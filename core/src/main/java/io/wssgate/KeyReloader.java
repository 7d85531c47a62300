package io.wssgate;

import io.wssgate.config.ConfigProblem;
import io.wssgate.config.PolicyConfig;
import io.wssgate.config.Problems;
import io.wssgate.keys.FileFingerprint;
import io.wssgate.keys.KeyFiles;
import io.wssgate.keys.KeyMaterialLoader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the key and trust files of one engine's policies and puts replaced material in
 * force without a restart. A replacement is installed only when it loads and passes every
 * start-up check (readable, right password, key matches certificate, certificates currently
 * valid); otherwise it is logged and the material in force stays, so there is never a moment
 * without trust. Owned by one {@link WssGate}; its thread stops when the engine is closed.
 */
final class KeyReloader implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KeyReloader.class);

    private final List<Watched> watched;
    private final Clock clock;
    private final List<GateObserver> observers;
    private final Optional<ScheduledExecutorService> timer;

    /**
     * {@code loaded} holds, per policy, the fingerprint of its files taken before the material in
     * force was read, so a file replaced during start-up is still picked up.
     */
    KeyReloader(List<PolicyRuntime> policies, List<FileFingerprint> loaded, Duration interval, Clock clock,
                List<GateObserver> observers) {
        this.clock = clock;
        this.observers = List.copyOf(observers);
        this.watched = new java.util.ArrayList<>();
        for (int i = 0; i < policies.size(); i++) {
            watched.add(new Watched(policies.get(i), loaded.get(i)));
        }
        if (interval.isZero() || watched.stream().allMatch(w -> w.files.isEmpty())) {
            this.timer = Optional.empty();
            return;
        }
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "wssgate-key-reload");
            thread.setDaemon(true); // never the reason a JVM cannot exit
            return thread;
        });
        long millis = Math.max(1, interval.toMillis());
        executor.scheduleWithFixedDelay(this::checkQuietly, millis, millis, TimeUnit.MILLISECONDS);
        this.timer = Optional.of(executor);
    }

    /** Checks every policy's files once, now; what the timer runs (tests call it directly). */
    synchronized void checkNow() {
        watched.forEach(this::check);
    }

    boolean watching() {
        return timer.isPresent() && !timer.get().isShutdown();
    }

    @Override
    public void close() {
        timer.ifPresent(ScheduledExecutorService::shutdownNow);
    }

    private void checkQuietly() {
        try {
            checkNow();
        } catch (RuntimeException e) {
            // an exception would cancel the schedule: log it and keep watching
            LOG.error("WS-Security key reload check failed", e);
        }
    }

    private void check(Watched w) {
        FileFingerprint before = FileFingerprint.of(w.files);
        if (before.equals(w.inForce) || before.equals(w.lastRejected)) {
            return;
        }
        PolicyConfig config = w.policy.config();
        Problems problems = new Problems();
        PolicyMaterial material = PolicyMaterial.load(config, new KeyMaterialLoader(problems, clock));
        if (!FileFingerprint.of(w.files).equals(before)) {
            // still being written (or replaced again): what was read may be a mix; next round
            LOG.info("WS-Security key files of policy '{}' changed while being read; trying again at the next check",
                    config.name());
            return;
        }
        if (!problems.isEmpty()) {
            w.lastRejected = before;
            String detail = problems.list().stream().map(ConfigProblem::toString).collect(Collectors.joining("; "));
            LOG.error("WS-Security key files of policy '{}' were replaced, but the new material is NOT used, the "
                    + "previous material stays in force: {}", config.name(), detail);
            observers.forEach(o -> tell(() -> o.keyMaterialRejected(config.name(), problems.list())));
            return;
        }
        w.policy.install(material);
        w.inForce = before;
        w.lastRejected = null;
        LOG.info("WS-Security key material of policy '{}' reloaded: {}", config.name(), summary(material, config));
        observers.forEach(o -> tell(() -> o.keyMaterialReloaded(config.name())));
    }

    private static String summary(PolicyMaterial material, PolicyConfig config) {
        return material.certificatesInUse(config.name()).stream()
                .map(c -> c.use() + "=" + c.certificate().getSubjectX500Principal().getName())
                .collect(Collectors.joining(", "));
    }

    private static void tell(Runnable notification) {
        try {
            notification.run();
        } catch (RuntimeException e) {
            LOG.warn("observer failed: {}", e.toString());
        }
    }

    /** One policy's files and what was last seen of them; touched only by the checking thread. */
    private static final class Watched {
        private final PolicyRuntime policy;
        private final List<Path> files;
        private FileFingerprint inForce;
        private FileFingerprint lastRejected;

        Watched(PolicyRuntime policy, FileFingerprint loaded) {
            this.policy = policy;
            this.files = KeyFiles.of(policy.config());
            this.inForce = loaded;
        }
    }
}
