package io.wssgate.cli;

import io.wssgate.CertificateInUse;
import io.wssgate.WssGate;
import io.wssgate.capture.CaptureStore;
import io.wssgate.config.ConfigProblem;
import io.wssgate.config.ConfigurationException;
import io.wssgate.config.Problems;
import io.wssgate.config.ReplayConfig;
import io.wssgate.config.WssGateConfig;
import io.wssgate.config.load.ConfigLoader;
import io.wssgate.config.load.VariableResolver;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code wssgate check}: a configuration loaded as the server loads it; every problem, or what it means. */
@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"A configuration loaded as the server loads it: every problem, or what it means.", "",
                "Loads a configuration exactly as the server would (YAML, or .properties with the web.xml "
                + "keys; $${VAR} from the environment), key and trust files included, and prints every problem with "
                + "its key path; or, when it is valid, what each policy accepts, the effective settings with "
                + "defaults filled in, and when each key and certificate expires.",
                "", "Nothing is created or changed: a capture directory is only checked, a JCache replay store not "
                + "opened (its provider is the server's)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the configuration is valid", "1:it has problems (each listed with its key path)",
            "2:the command line is wrong", "3:the file cannot be read"})
final class CheckCommand implements Callable<Integer> {
    private static final Duration SOON = Duration.ofDays(30);

    @Spec
    CommandSpec spec;

    @Option(names = {"-c", "--config"}, required = true, paramLabel = "FILE", description = "The configuration file.")
    Path config;

    @Option(names = "--at", paramLabel = "INSTANT", converter = Instants.class,
            description = "Check certificate validity as of this time (default: now).")
    Optional<Instant> at;

    @Option(names = "--json", description = "Machine-readable output.")
    boolean json;

    @Override
    public Integer call() {
        Path file = config.toAbsolutePath();
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new CannotRun("cannot read " + file);
        }
        Instant when = at.orElseGet(Instant::now);
        ConfigFile loaded = ConfigFile.load(file);
        Problems problems = new Problems();
        loaded.problems().forEach(p -> problems.add(p.keyPath(), p.message()));
        // as a server starts: the key material of the best-effort model is checked even when binding
        // found problems, so every problem is listed at once
        Optional<WssGate> gate = build(loaded.config(), when, problems);
        try {
            List<ConfigProblem> all = problems.list();
            Map<String, Object> report = report(file, loaded.config(), all, gate, when);
            PrintWriter out = spec.commandLine().getOut();
            out.print(json ? Json.write(report) : text(report, all, gate.isPresent() ? gate.get().certificates()
                    : List.of(), gate.isPresent() ? summaries(loaded.config(), gate.get()) : List.of(), when));
            out.flush();
            return all.isEmpty() ? ExitCodes.OK : ExitCodes.NEGATIVE;
        } finally {
            gate.ifPresent(WssGate::close);
        }
    }

    /** The engine as a server builds it, without side effects: no reload thread, no capture directory made. */
    private static Optional<WssGate> build(WssGateConfig config, Instant when, Problems problems) {
        config.captureRejected().ifPresent(c -> CaptureStore.check(c, problems));
        WssGateConfig quiet = config.withKeyReloadInterval(Duration.ZERO).withCaptureRejected(Optional.empty());
        if (config.replay() instanceof ReplayConfig.JCache) {
            quiet = quiet.withReplay(ReplayConfig.defaults());
        }
        try {
            WssGate gate = WssGate.create(quiet, Clock.fixed(when, ZoneOffset.UTC), problems);
            if (problems.isEmpty()) {
                return Optional.of(gate);
            }
            gate.close();
            return Optional.empty();
        } catch (ConfigurationException e) {
            return Optional.empty(); // every problem is in problems
        }
    }

    private static List<PolicySummary.Summary> summaries(WssGateConfig config, WssGate gate) {
        return config.policies().stream().map(p -> PolicySummary.of(p, gate.certificates())).toList();
    }

    private Map<String, Object> report(Path file, WssGateConfig config, List<ConfigProblem> problems,
                                       Optional<WssGate> gate, Instant when) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("file", file.toString());
        out.put("valid", problems.isEmpty());
        out.put("problems", problems.stream().map(p -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("key", p.keyPath());
            m.put("message", p.message());
            return m;
        }).toList());
        if (gate.isEmpty()) {
            return out;
        }
        out.put("policies", summaries(config, gate.get()).stream().map(s -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", s.policy());
            m.put("paths", s.paths());
            m.put("accepts", s.accepts());
            m.put("requires", s.requires());
            m.put("outbound", s.outbound());
            return m;
        }).toList());
        out.put("certificates", gate.get().certificates().stream().map(c -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("policy", c.policy());
            m.put("use", c.use());
            m.put("subject", c.certificate().getSubjectX500Principal().getName());
            m.put("notAfter", c.certificate().getNotAfter().toInstant().toString());
            m.put("daysLeft", Duration.between(when, c.certificate().getNotAfter().toInstant()).toDays());
            return m;
        }).toList());
        out.put("settings", settings(file).stream().map(s -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("key", s.key());
            m.put("value", s.value());
            m.put("source", s.source().name().toLowerCase(java.util.Locale.ROOT));
            return m;
        }).toList());
        return out;
    }

    private String text(Map<String, Object> report, List<ConfigProblem> problems, List<CertificateInUse> certificates,
                        List<PolicySummary.Summary> summaries, Instant when) {
        ExplanationReport.Text out = new ExplanationReport.Text();
        Path file = Path.of((String) report.get("file"));
        if (!problems.isEmpty()) {
            out.line(file + ": " + problems.size() + " problem" + (problems.size() == 1 ? "" : "s"));
            problems.forEach(p -> out.wrapped("  " + p.keyPath() + ": ", p.message()));
            return out.toString();
        }
        out.line(file + ": valid, " + summaries.size() + " polic" + (summaries.size() == 1 ? "y" : "ies"));
        for (PolicySummary.Summary s : summaries) {
            out.line("");
            out.line("policy " + s.policy() + "  (paths " + String.join(", ", s.paths()) + ")");
            s.accepts().forEach(a -> out.wrapped("  accepts   ", a));
            s.requires().forEach(r -> out.wrapped("  requires  ", r));
            s.outbound().forEach(o -> out.wrapped("  sends     ", o));
        }
        if (!certificates.isEmpty()) {
            out.line("");
            out.line("certificates in use (as of " + when + ")");
            for (CertificateInUse c : certificates) {
                Instant notAfter = c.certificate().getNotAfter().toInstant();
                Duration left = Duration.between(when, notAfter);
                out.wrapped("  " + ExplanationReport.pad(c.policy(), 12) + ExplanationReport.pad(c.use(), 22),
                        c.certificate().getSubjectX500Principal().getName() + "  expires " + notAfter + " ("
                                + left.toDays() + " days" + (left.compareTo(SOON) < 0 ? ", SOON" : "") + ")");
            }
        }
        out.line("");
        out.line("effective settings (set: from the file, default: left out, off: not configured)");
        for (EffectiveSettings.Setting s : settings(file)) {
            out.wrapped("  " + ExplanationReport.pad(s.key(), 58) + ExplanationReport.pad(
                    s.source().name().toLowerCase(java.util.Locale.ROOT), 8), s.value());
        }
        return out.toString();
    }

    private static List<EffectiveSettings.Setting> settings(Path file) {
        Problems ignored = new Problems();
        Object tree;
        if (file.getFileName().toString().endsWith(".properties")) {
            Properties properties = new Properties();
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(in);
            } catch (IOException e) {
                return List.of();
            }
            Map<String, String> flat = new LinkedHashMap<>();
            properties.stringPropertyNames().stream().sorted().forEach(k -> flat.put(k, properties.getProperty(k)));
            tree = ConfigLoader.treeOf(flat, ignored);
        } else {
            tree = ConfigLoader.readTree(file, ignored).orElse(Map.of());
        }
        return new ArrayList<>(EffectiveSettings.of(tree, VariableResolver.system()));
    }
}
