package io.wssgate.benchmarks.load;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * The load test: {@code clients} closed-loop clients for {@code seconds} against the filter in
 * a separate server JVM, sending a mix of valid signed requests (each once), replays of
 * requests already accepted, and attacks; every answer is checked against the decision
 * expected. While under load the truststore is replaced twice (a CA added, then removed again)
 * and the server's keystore once. Bounded: it ends after {@code seconds} (or once the last key
 * change is in force, if later); valid requests are limited to the pre-generated pool, after
 * which only replays and attacks are sent (the report says so).
 *
 * <p>Arguments (all optional): {@code clients seconds validPool replayCacheEntries outputDir}.
 */
public final class LoadDriver {
    /** Of every 100 requests: valid, replayed, malicious. */
    static final int VALID_PERCENT = 50;
    static final int REPLAY_PERCENT = 20;

    private LoadDriver() {
    }

    record Settings(int clients, Duration duration, int validPool, int replayCacheEntries, Path workDir) {
    }

    public static void main(String[] args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int pool = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
        int cache = args.length > 3 ? Integer.parseInt(args[3]) : 10_000;
        Path out = Path.of(args.length > 4 ? args[4] : "results");
        LoadResult result = run(new Settings(clients, Duration.ofSeconds(seconds), pool, cache,
                Files.createTempDirectory("wssgate-load")));
        Path written = LoadReport.write(result, out);
        System.out.println(LoadReport.summary(result));
        System.out.println("written: " + written + " (and .json)");
        if (!result.passed()) {
            System.exit(1);
        }
    }

    static LoadResult run(Settings settings) throws Exception {
        String loadBefore = loadAverage();
        Workload workload = new Workload(settings.workDir(), settings.replayCacheEntries());
        long generationStart = System.nanoTime();
        List<Request> pool = workload.validPool(settings.validPool());
        List<Request> attacks = workload.malicious();
        Duration generation = Duration.ofNanos(System.nanoTime() - generationStart);
        try (ServerProcess server = ServerProcess.start(workload.config, settings.workDir().resolve("server.log"), "512m")) {
            Run run = new Run(server, pool, attacks, settings, workload);
            return run.execute(generation, loadBefore);
        }
    }

    /** One run's state, shared by the client threads. */
    private static final class Run {
        final ServerProcess server;
        final List<Request> pool;
        final List<Request> attacks;
        final Settings settings;
        final Workload workload;
        final HttpClient http;
        /**
         * Its own connections for oversized requests: the server closes those connections, and a
         * closed connection must never be handed to the next valid request.
         */
        final HttpClient cutOffHttp;
        final AtomicInteger nextValid = new AtomicInteger();
        /**
         * The last accepted requests, first in first out; replays are drawn from here (a small
         * ring: replays of recent messages, whose Timestamps are certainly still fresh).
         */
        final AtomicReferenceArray<Request> recent;
        final AtomicLong recentNext = new AtomicLong();
        final AtomicLong accepted = new AtomicLong();
        final AtomicBoolean running = new AtomicBoolean(true);
        final AtomicBoolean poolExhausted = new AtomicBoolean();
        final Map<String, LongAdder> perKind = new ConcurrentHashMap<>();
        final ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
        final LongAdder wrongCount = new LongAdder();
        final LongAdder errorCount = new LongAdder();
        final LongAdder cutOff = new LongAdder();
        final AtomicLongArray signedBy = new AtomicLongArray(2);
        final List<long[]> latencies = new ArrayList<>();
        final List<String> rotation = new ArrayList<>();
        final String before;
        final String after;

        Run(ServerProcess server, List<Request> pool, List<Request> attacks, Settings settings, Workload workload) {
            this.server = server;
            this.pool = pool;
            this.attacks = attacks;
            this.settings = settings;
            this.workload = workload;
            this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .executor(Executors.newFixedThreadPool(4)).connectTimeout(Duration.ofSeconds(10)).build();
            this.cutOffHttp = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).build();
            this.recent = new AtomicReferenceArray<>(Math.max(8, Math.min(512, settings.replayCacheEntries() / 8)));
            this.before = LoadReport.certificatePrefix(workload.serverBefore.certificate());
            this.after = LoadReport.certificatePrefix(workload.serverAfter.certificate());
        }

        LoadResult execute(Duration generation, String loadBefore) throws Exception {
            warmUp();
            ServerProcess.Stats start = server.stats(true);
            long clientCpuStart = clientCpu();
            List<Thread> clients = new ArrayList<>();
            long[][] perClient = new long[settings.clients()][];
            long startNanos = System.nanoTime();
            for (int i = 0; i < settings.clients(); i++) {
                int index = i;
                Thread thread = new Thread(() -> perClient[index] = loop(), "load-client-" + i);
                thread.start();
                clients.add(thread);
            }
            Sampler sampler = new Sampler(server);
            sampler.start();
            Thread rotator = rotateKeys(startNanos);
            long deadline = startNanos + settings.duration().toNanos();
            // the run lasts its duration, and longer only if the last key change is not yet in force
            while (System.nanoTime() < deadline || rotator.isAlive()) {
                Thread.sleep(50);
            }
            running.set(false);
            for (Thread thread : clients) {
                thread.join(60_000);
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
            sampler.stop();
            long clientCpu = clientCpu() - clientCpuStart;
            ServerProcess.Stats end = server.stats(false);
            ServerProcess.Stats afterGc = server.stats(true);
            for (long[] l : perClient) {
                if (l != null) {
                    latencies.add(l);
                }
            }
            return new LoadResult(settings.clients(), settings.duration(), elapsed, pool.size(), nextValidUsed(),
                    poolExhausted.get(), generation, snapshot(perKind), wrongCount.sum(), List.copyOf(wrong),
                    errorCount.sum(), List.copyOf(errors), Latencies.of(latencies), start, end, afterGc,
                    sampler.maxHeapUsed(), sampler.maxReplayCache(), sampler.samples(), List.copyOf(rotation),
                    signedBy.get(0), signedBy.get(1), end.cpuNanos() - start.cpuNanos(), clientCpu,
                    Runtime.getRuntime().availableProcessors(), loadBefore, loadAverage(), attacks.size(), cutOff.sum());
        }

        /** A few hundred rejected requests to load the classes and JIT the paths, outside the figures. */
        private void warmUp() throws Exception {
            for (int i = 0; i < 200; i++) {
                sendQuietly(attacks.get(i % attacks.size()));
            }
            perKind.clear();
            errorCount.reset();
            cutOff.reset();
            errors.clear();
        }

        private int nextValidUsed() {
            return Math.min(nextValid.get(), pool.size());
        }

        private long[] loop() {
            long[] times = new long[4096];
            int n = 0;
            while (running.get()) {
                Request request = next();
                if (request == null) {
                    break;
                }
                long t0 = System.nanoTime();
                Optional<HttpResponse<byte[]>> response = sendQuietly(request);
                long t = System.nanoTime() - t0;
                if (n == times.length) {
                    times = java.util.Arrays.copyOf(times, n * 2);
                }
                times[n++] = t;
                perKind.computeIfAbsent(request.kind(), k -> new LongAdder()).increment();
                response.ifPresent(r -> check(request, r));
            }
            return java.util.Arrays.copyOf(times, n);
        }

        private Request next() {
            int roll = ThreadLocalRandom.current().nextInt(100);
            if (roll < VALID_PERCENT) {
                int i = nextValid.getAndIncrement();
                if (i < pool.size()) {
                    return pool.get(i);
                }
                // used up: the run goes on with replays and attacks only, and says so
                poolExhausted.set(true);
            }
            if (roll < VALID_PERCENT + REPLAY_PERCENT) {
                Request earlier = recent.get(ThreadLocalRandom.current().nextInt(recent.length()));
                if (earlier != null) {
                    return new Request("replay", earlier.path(), earlier.body(),
                            Expectation.fault(io.wssgate.fault.FaultCode.INVALID_SECURITY));
                }
            }
            return attacks.get(ThreadLocalRandom.current().nextInt(attacks.size()));
        }

        private void check(Request request, HttpResponse<byte[]> response) {
            Optional<String> mismatch = request.expected().mismatch(response);
            if (mismatch.isPresent()) {
                wrongCount.increment();
                if (wrong.size() < 20) {
                    wrong.add(request.kind() + ": " + mismatch.get());
                }
                return;
            }
            if (request.expected().principal().isPresent() && !request.kind().equals("rotation-probe")) {
                accepted.incrementAndGet();
                // only answered requests are replayed: the server has certainly recorded them
                recent.set((int) (recentNext.getAndIncrement() % recent.length()), request);
                if (request.path().equals(Workload.X509_PATH)) {
                    String body = new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);
                    if (body.contains(before)) {
                        signedBy.incrementAndGet(0);
                    } else if (body.contains(after)) {
                        signedBy.incrementAndGet(1);
                    }
                }
            }
        }

        private Optional<HttpResponse<byte[]>> sendQuietly(Request request) {
            try {
                return Optional.of(send(request));
            } catch (IOException e) {
                if (request.mayBeCutOff()) {
                    cutOff.increment();
                    return Optional.empty();
                }
                errorCount.increment();
                if (errors.size() < 20) {
                    errors.add(request.kind() + ": " + e);
                }
                return Optional.empty();
            } catch (RuntimeException e) {
                errorCount.increment();
                if (errors.size() < 20) {
                    errors.add(request.kind() + ": " + e);
                }
                return Optional.empty();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }

        private HttpResponse<byte[]> send(Request request) throws IOException, InterruptedException {
            HttpRequest http = HttpRequest.newBuilder(server.uri(request.path())).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "text/xml; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(request.body())).build();
            return (request.mayBeCutOff() ? cutOffHttp : this.http).send(http, HttpResponse.BodyHandlers.ofByteArray());
        }

        /**
         * At a quarter of the run a second CA is added to the truststore; at half the server's
         * keystore is rewritten in place with a new key; at three quarters the CA is removed
         * again. Probes signed by that CA's client show each change in force.
         */
        private Thread rotateKeys(long startNanos) {
            Thread rotator = new Thread(() -> {
                try {
                    long quarter = settings.duration().toNanos() / 4;
                    sleepUntil(startNanos + quarter);
                    probe(workload.partnerProbe(false), "before the rotation: partner CA not trusted");
                    long reloads = server.stats(false).reloaded();
                    workload.trust(workload.keys.ca().certificate(), workload.keys.otherCa().certificate());
                    awaitReload(reloads, "truststore replaced: partner CA added");
                    probe(workload.partnerProbe(true), "partner CA trusted after reload");
                    sleepUntil(startNanos + 2 * quarter);
                    reloads = server.stats(false).reloaded();
                    workload.rotateServerKey();
                    awaitReload(reloads, "server keystore rewritten in place with a new key");
                    signedByNewKey(workload.freshValid(), "a response after the keystore reload");
                    sleepUntil(startNanos + 3 * quarter);
                    reloads = server.stats(false).reloaded();
                    workload.trust(workload.keys.ca().certificate());
                    awaitReload(reloads, "truststore replaced: partner CA removed");
                    probe(workload.partnerProbe(false), "partner CA refused after reload");
                } catch (Exception e) {
                    synchronized (rotation) {
                        rotation.add("rotation failed: " + e);
                    }
                    errorCount.increment();
                }
            }, "key-rotation");
            rotator.setDaemon(true);
            rotator.start();
            return rotator;
        }

        private void awaitReload(long reloadsBefore, String what) throws Exception {
            long t0 = System.nanoTime();
            while (server.stats(false).reloaded() <= reloadsBefore) {
                if (System.nanoTime() - t0 > Duration.ofSeconds(20).toNanos()) {
                    throw new IllegalStateException("no reload within 20 s after: " + what);
                }
                Thread.sleep(100);
            }
            synchronized (rotation) {
                rotation.add(String.format("%s: in force after %d ms", what, (System.nanoTime() - t0) / 1_000_000));
            }
        }

        private void probe(Request probe, String what) throws Exception {
            Optional<String> mismatch = probe.expected().mismatch(send(probe));
            synchronized (rotation) {
                rotation.add(what + ": " + mismatch.map(m -> "WRONG " + m).orElse("as expected"));
            }
            if (mismatch.isPresent()) {
                wrongCount.increment();
                wrong.add("rotation-probe: " + mismatch.get());
            }
        }

        private void signedByNewKey(Request request, String what) throws Exception {
            HttpResponse<byte[]> response = send(request);
            Optional<String> mismatch = request.expected().mismatch(response);
            boolean newKey = new String(response.body(), java.nio.charset.StandardCharsets.UTF_8).contains(after);
            synchronized (rotation) {
                rotation.add(what + ": " + (mismatch.isEmpty() && newKey ? "signed with the new server key"
                        : "WRONG " + mismatch.orElse("not signed with the new server key")));
            }
            if (mismatch.isPresent() || !newKey) {
                wrongCount.increment();
                wrong.add("rotation-probe: " + mismatch.orElse("response not signed with the new server key"));
            }
        }

        private void sleepUntil(long nanos) throws InterruptedException {
            long wait = nanos - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000);
            }
        }

        private static Map<String, Long> snapshot(Map<String, LongAdder> counts) {
            Map<String, Long> out = new java.util.TreeMap<>();
            counts.forEach((k, v) -> out.put(k, v.sum()));
            return out;
        }
    }

    /** Samples the server's heap and replay caches four times a second. */
    private static final class Sampler {
        private final ServerProcess server;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicLong maxHeap = new AtomicLong();
        private final AtomicLong maxCache = new AtomicLong();
        private final AtomicInteger samples = new AtomicInteger();
        private Thread thread;

        Sampler(ServerProcess server) {
            this.server = server;
        }

        void start() {
            thread = new Thread(() -> {
                while (running.get()) {
                    try {
                        ServerProcess.Stats s = server.stats(false);
                        maxHeap.accumulateAndGet(s.heapUsed(), Math::max);
                        maxCache.accumulateAndGet(Math.max(s.replayCacheX509(), s.replayCacheSaml()), Math::max);
                        samples.incrementAndGet();
                        Thread.sleep(250);
                    } catch (IOException e) {
                        // a sample lost under load; the next one counts
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "stats-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        void stop() throws InterruptedException {
            running.set(false);
            thread.join(5_000);
        }

        long maxHeapUsed() {
            return maxHeap.get();
        }

        long maxReplayCache() {
            return maxCache.get();
        }

        int samples() {
            return samples.get();
        }
    }

    static long clientCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    static Instant now() {
        return Instant.now();
    }
}
