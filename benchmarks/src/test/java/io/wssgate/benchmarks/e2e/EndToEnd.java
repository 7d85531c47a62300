package io.wssgate.benchmarks.e2e;

import io.wssgate.benchmarks.BenchKeys;
import io.wssgate.benchmarks.MachineInfo;
import io.wssgate.benchmarks.MessageSize;
import io.wssgate.benchmarks.Scenario;
import io.wssgate.benchmarks.report.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The HTTP end-to-end benchmark ({@code benchmarks/run.sh http}, and part of every full and smoke
 * run): for each size, the unsecured servers (plain servlet, Metro) on one repeated message; for
 * each scenario, a pool of distinct signed messages, validated in process on the server's core
 * as the reference, then sent to the secured servers (filter, Metro with WSS Gate, CXF). Each
 * server is a JVM of its own on core 0, each load generator a JVM of its own on core 1. Writes
 * {@value #RESULTS}; any refused or wrong answer fails the run after the results are written.
 */
public final class EndToEnd {
    public static final String RESULTS = "e2e.json";
    static final List<String> SERVER_FLAGS = List.of("-Xms1g", "-Xmx1g", "-XX:+UseG1GC");
    static final List<String> LOAD_FLAGS = List.of("-Xmx256m", "-XX:+UseSerialGC");
    private static final List<Variant> SECURED = List.of(Variant.FILTER, Variant.METRO_GATE, Variant.CXF);

    private final E2ePlan plan;
    private final Path work;
    private final Pinning pinning;
    private final Path keys;
    private final List<Map<String, Object>> runs = new ArrayList<>();
    private final List<Map<String, Object>> inProcess = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();

    private EndToEnd(E2ePlan plan, Path work, Pinning pinning, Path keys) {
        this.plan = plan;
        this.work = work;
        this.pinning = pinning;
        this.keys = keys;
    }

    /** Only this benchmark: {@code full|smoke} and the results file. */
    public static void main(String[] args) throws Exception {
        run("full".equals(args[0]) ? E2ePlan.full() : E2ePlan.smoke(), Files.createTempDirectory("wssgate-e2e"),
                Path.of(args[1]));
    }

    /** Runs the plan and writes the results to {@code out}; throws after writing if any answer was wrong. */
    public static Map<String, Object> run(E2ePlan plan, Path work, Path out) throws Exception {
        Pinning pinning = Pinning.detect();
        BenchKeys benchKeys = BenchKeys.get();
        E2eConfig.write(benchKeys);
        Files.createDirectories(work);
        System.out.println("e2e: logs and results of every JVM in " + work);
        EndToEnd e2e = new EndToEnd(plan, work, pinning, benchKeys.dir);
        Map<String, Object> result = new LinkedHashMap<>(MachineInfo.describe());
        result.put("started", now());
        result.put("loadStart", MachineInfo.load());
        e2e.all();
        result.put("loadEnd", MachineInfo.load());
        result.put("finished", now());
        result.put("pinning", pinning.description());
        result.put("serverFlags", String.join(" ", SERVER_FLAGS));
        result.put("loadFlags", String.join(" ", LOAD_FLAGS));
        result.put("concurrencies", plan.concurrencies().stream().map(Integer::doubleValue).toList());
        result.put("warmUpSeconds", plan.warmUp().toMillis() / 1000.0);
        result.put("settleSeconds", plan.settle().toMillis() / 1000.0);
        result.put("measureSeconds", plan.measure().toMillis() / 1000.0);
        result.put("inProcess", e2e.inProcess);
        result.put("runs", e2e.runs);
        result.put("failures", e2e.failures);
        Files.writeString(out, Json.write(result));
        if (!e2e.failures.isEmpty()) {
            throw new IllegalStateException("the end-to-end benchmark got wrong answers:\n"
                    + String.join("\n", e2e.failures));
        }
        return result;
    }

    private void all() throws Exception {
        for (MessageSize size : plan.sizes()) {
            Path repeated = PoolGenerator.repeated(size, work.resolve("repeated-" + size.label() + ".pool"));
            for (Variant variant : List.of(Variant.SERVLET, Variant.METRO)) {
                serve(variant, Scenario.X509, size, repeated);
            }
            for (Scenario scenario : Scenario.values()) {
                Path pool = work.resolve(scenario + "-" + size.label() + ".pool");
                long start = System.nanoTime();
                PoolGenerator.distinct(scenario, size, plan.poolSize(scenario, size), pool);
                System.out.printf("e2e: signed %,d %s %s messages in %.0f s%n", plan.poolSize(scenario, size),
                        scenario, size.label(), (System.nanoTime() - start) / 1e9);
                validateInProcess(scenario, size, pool);
                for (Variant variant : SECURED) {
                    serve(variant, scenario, size, pool);
                }
                Files.delete(pool); // up to 1.6 GB each
            }
            Files.delete(repeated);
        }
    }

    private void validateInProcess(Scenario scenario, MessageSize size, Path pool) throws Exception {
        Path out = work.resolve("inprocess-" + scenario + "-" + size.label() + ".json");
        Path log = work.resolve("inprocess-" + scenario + "-" + size.label() + ".log");
        try (PinnedJvm jvm = PinnedJvm.start(pinning.on(pinning.serverCore()), SERVER_FLAGS, InProcessValidation.class,
                List.of(keys.toString(), policy(scenario), pool.toString(), String.valueOf(plan.warmUp().toMillis()),
                        String.valueOf(plan.measure().toMillis()), out.toString()), log)) {
            if (jvm.await(timeLimit()) != 0) {
                failures.add("in process " + scenario + " " + size.label() + ": " + jvm.logTail());
                return;
            }
        }
        Map<String, Object> figures = new LinkedHashMap<>(json(out));
        figures.put("scenario", scenario.name());
        figures.put("size", size.label());
        inProcess.add(figures);
    }

    private void serve(Variant variant, Scenario scenario, MessageSize size, Path pool) throws Exception {
        String name = variant.id() + "-" + scenario + "-" + size.label();
        Path out = work.resolve(name + ".json");
        System.out.println("e2e: " + name);
        try (PinnedJvm server = PinnedJvm.start(pinning.on(pinning.serverCore()), SERVER_FLAGS, E2eServer.class,
                List.of(variant.id(), keys.toString()), work.resolve(name + "-server.log"))) {
            String port;
            try {
                port = server.firstLine().replace("PORT ", "").trim();
            } catch (IOException e) {
                failures.add(name + ": the server did not start: " + e.getMessage());
                return;
            }
            try (PinnedJvm load = PinnedJvm.start(pinning.on(pinning.loadCore()), LOAD_FLAGS, LoadGenerator.class,
                    List.of(port, E2eServer.CONTEXT + "/" + E2eServer.path(scenario), pool.toString(),
                            String.valueOf(variant.secured()), String.join(",",
                                    plan.concurrencies().stream().map(String::valueOf).toList()),
                            String.valueOf(plan.warmUp().toMillis()), String.valueOf(plan.settle().toMillis()),
                            String.valueOf(plan.measure().toMillis()), out.toString()),
                    work.resolve(name + "-load.log"))) {
                if (load.await(timeLimit()) != 0) {
                    failures.add(name + ": " + load.logTail());
                }
            }
        }
        if (!Files.exists(out)) {
            return;
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("variant", variant.id());
        figures.put("label", variant.label());
        figures.put("scenario", variant.secured() ? scenario.name() : "any");
        figures.put("size", size.label());
        figures.putAll(json(out));
        runs.add(figures);
    }

    private Duration timeLimit() {
        return Duration.ofMillis((long) (plan.loadSeconds() * 1000) + 120_000);
    }

    private static String policy(Scenario scenario) {
        return scenario == Scenario.X509 ? "x509" : "saml";
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(Path file) throws Exception {
        return (Map<String, Object>) Json.parse(Files.readString(file));
    }

    private static String now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
