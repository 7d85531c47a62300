package io.wssgate.cli;

import io.wssgate.diagnostics.KeyFileInspector;
import io.wssgate.diagnostics.KeyFileInspector.CertificateItem;
import io.wssgate.diagnostics.KeyFileInspector.Contents;
import io.wssgate.diagnostics.KeyFileInspector.CrlItem;
import io.wssgate.diagnostics.KeyFileInspector.Item;
import io.wssgate.diagnostics.KeyFileInspector.PrivateKeyItem;
import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wssgate keys}: what is in PEM, DER, PKCS#12 and JKS files, the way operators ask for it. */
@Command(name = "keys", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"What is in key and certificate files: PEM, DER, PKCS#12, JKS.", "",
                "Shows what key and certificate files hold, told by their content: PEM (certificates, "
                + "private keys, CRLs), DER, PKCS#12 and JKS. For each certificate: subject, issuer, serial, validity "
                + "and days left, key algorithm and size, SHA-256 and SHA-1 fingerprints, key usage, and which alias "
                + "or key it belongs to. Private keys are only opened to tell their size and certificate; no key "
                + "material or password is ever printed."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every file was read and every certificate is valid now (or --at)",
            "1:a certificate is expired or not yet valid", "2:the command line is wrong",
            "3:a file cannot be read (wrong password, unknown format)"})
final class KeysCommand implements Callable<Integer> {
    private static final String[] USAGES = {"digitalSignature", "nonRepudiation", "keyEncipherment",
        "dataEncipherment", "keyAgreement", "keyCertSign", "cRLSign", "encipherOnly", "decipherOnly"};

    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true)
    PasswordSource password;

    static final class PasswordSource {
        @Option(names = "--password-env", paramLabel = "VAR",
                description = "Read the keystore or PEM key password from this environment variable.")
        String environment;

        @Option(names = "--password-file", paramLabel = "FILE",
                description = "Read it from this file (a trailing newline is ignored).")
        Path file;

        @Option(names = "--ask-password", description = "Ask for it on the terminal, without echo.")
        boolean ask;
    }

    @Option(names = "--at", paramLabel = "INSTANT", converter = Instants.class,
            description = "Judge validity as of this time (default: now).")
    Optional<Instant> at;

    @Option(names = "--json", description = "Machine-readable output.")
    boolean json;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Key, certificate, CRL or keystore files.")
    List<Path> files;

    @Override
    public Integer call() {
        Instant when = at.orElseGet(Instant::now);
        List<Map<String, Object>> reports = new ArrayList<>();
        boolean unreadable = false;
        boolean invalid = false;
        for (Path file : files) {
            Optional<char[]> secret = password();
            try {
                Contents contents = KeyFileInspector.inspect(file, secret);
                Map<String, Object> report = report(contents, when);
                invalid |= (Boolean) report.remove("invalid");
                reports.add(report);
            } catch (IOException e) {
                unreadable = true;
                Map<String, Object> report = new LinkedHashMap<>();
                report.put("file", file.toString());
                report.put("error", e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage());
                reports.add(report);
            } finally {
                KeyFileInspector.wipe(secret);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.print(Json.write(Map.of("files", reports)));
        } else {
            reports.forEach(r -> out.print(text(r)));
        }
        out.flush();
        return unreadable ? ExitCodes.CANNOT_RUN : invalid ? ExitCodes.NEGATIVE : ExitCodes.OK;
    }

    private Optional<char[]> password() {
        if (password == null) {
            return Optional.empty();
        }
        if (password.environment != null) {
            String value = System.getenv(password.environment);
            if (value == null) {
                throw new CannotRun("the environment variable " + password.environment + " is not set");
            }
            return Optional.of(value.toCharArray());
        }
        if (password.file != null) {
            try {
                String value = Files.readString(password.file, StandardCharsets.UTF_8);
                return Optional.of(value.endsWith("\n") ? value.substring(0, value.length() - 1).replaceFirst("\r$", "")
                        .toCharArray() : value.toCharArray());
            } catch (IOException e) {
                throw new CannotRun("cannot read the password file " + password.file + ": " + e.getMessage(), e);
            }
        }
        Console console = System.console();
        if (console == null) {
            throw new CannotRun("--ask-password needs a terminal; use --password-env or --password-file");
        }
        return Optional.ofNullable(console.readPassword("password: "));
    }

    private static Map<String, Object> report(Contents contents, Instant when) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("file", contents.file().toString());
        out.put("format", contents.format());
        out.put("notes", contents.notes());
        List<Object> items = new ArrayList<>();
        boolean invalid = false;
        for (Item item : contents.items()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", item.name());
            if (item instanceof CertificateItem c) {
                m.put("kind", c.trusted() ? "trusted certificate" : c.chainOf().isPresent() ? "certificate of key entry"
                        : "certificate");
                m.putAll(certificate(c.certificate(), when));
                invalid |= !"valid".equals(m.get("status"));
            } else if (item instanceof PrivateKeyItem k) {
                m.put("kind", "private key");
                m.put("algorithm", k.algorithm());
                m.put("bits", k.bits() == 0 ? null : k.bits());
                m.put("encrypted", k.encrypted());
                m.put("certificate", k.certificate());
                m.put("note", k.unreadable());
            } else if (item instanceof CrlItem crl) {
                m.put("kind", "CRL");
                m.put("issuer", crl.crl().getIssuerX500Principal().getName());
                m.put("thisUpdate", crl.crl().getThisUpdate().toInstant().toString());
                m.put("nextUpdate", crl.crl().getNextUpdate() == null ? null
                        : crl.crl().getNextUpdate().toInstant().toString());
                m.put("revoked", crl.crl().getRevokedCertificates() == null ? 0
                        : crl.crl().getRevokedCertificates().size());
            }
            items.add(m);
        }
        out.put("items", items);
        out.put("invalid", invalid);
        return out;
    }

    static Map<String, Object> certificate(X509Certificate c, Instant when) {
        Map<String, Object> m = new LinkedHashMap<>();
        Instant from = c.getNotBefore().toInstant();
        Instant to = c.getNotAfter().toInstant();
        m.put("subject", c.getSubjectX500Principal().getName());
        m.put("issuer", c.getIssuerX500Principal().getName());
        m.put("selfSigned", c.getSubjectX500Principal().equals(c.getIssuerX500Principal()));
        m.put("serial", c.getSerialNumber().toString(16));
        m.put("notBefore", from.toString());
        m.put("notAfter", to.toString());
        m.put("status", when.isAfter(to) ? "expired" : when.isBefore(from) ? "not yet valid" : "valid");
        m.put("daysLeft", Duration.between(when, to).toDays());
        m.put("key", key(c));
        m.put("signatureAlgorithm", c.getSigAlgName());
        m.put("sha256", fingerprint("SHA-256", c));
        m.put("sha1", fingerprint("SHA-1", c));
        m.put("keyUsage", usage(c));
        try {
            m.put("extendedKeyUsage", c.getExtendedKeyUsage() == null ? List.of() : c.getExtendedKeyUsage());
        } catch (CertificateParsingException e) {
            m.put("extendedKeyUsage", List.of("(unreadable)"));
        }
        m.put("ca", c.getBasicConstraints() >= 0);
        return m;
    }

    private static String key(X509Certificate c) {
        if (c.getPublicKey() instanceof RSAKey rsa) {
            return "RSA " + rsa.getModulus().bitLength() + " bits";
        }
        if (c.getPublicKey() instanceof ECKey ec) {
            return "EC " + ec.getParams().getOrder().bitLength() + " bits";
        }
        return c.getPublicKey().getAlgorithm();
    }

    private static List<String> usage(X509Certificate c) {
        boolean[] bits = c.getKeyUsage();
        List<String> out = new ArrayList<>();
        for (int i = 0; bits != null && i < bits.length && i < USAGES.length; i++) {
            if (bits[i]) {
                out.add(USAGES[i]);
            }
        }
        return out;
    }

    private static String fingerprint(String algorithm, X509Certificate c) {
        try {
            byte[] digest = MessageDigest.getInstance(algorithm).digest(c.getEncoded());
            StringBuilder out = new StringBuilder();
            for (byte b : digest) {
                out.append(out.length() == 0 ? "" : ":").append(String.format("%02X", b));
            }
            return out.toString();
        } catch (Exception e) {
            return "(unavailable)";
        }
    }

    @SuppressWarnings("unchecked")
    private static String text(Map<String, Object> report) {
        ExplanationReport.Text out = new ExplanationReport.Text();
        if (report.containsKey("error")) {
            out.line(report.get("file") + ": cannot read: " + report.get("error"));
            out.line("");
            return out.toString();
        }
        out.line(report.get("file") + "  (" + report.get("format") + ")");
        ((List<String>) report.get("notes")).forEach(n -> out.wrapped("  note: ", n));
        for (Object o : (List<Object>) report.get("items")) {
            Map<String, Object> m = (Map<String, Object>) o;
            out.line("  " + m.get("name") + "  " + m.get("kind"));
            if ("private key".equals(m.get("kind"))) {
                line(out, "algorithm", ((Optional<String>) m.get("algorithm")).map(a -> a + (m.get("bits") == null ? ""
                        : " " + m.get("bits") + " bits")).orElse("(not opened)"));
                ((Optional<String>) m.get("certificate")).ifPresent(c -> line(out, "belongs to", c.startsWith("#")
                        ? "the certificate " + c + " of this file" : "alias " + c));
                ((Optional<String>) m.get("note")).ifPresent(n -> line(out, "note", n));
            } else if ("CRL".equals(m.get("kind"))) {
                line(out, "issuer", m.get("issuer"));
                line(out, "updated", m.get("thisUpdate") + ", next " + m.get("nextUpdate"));
                line(out, "revoked", m.get("revoked") + " certificate(s)");
            } else {
                line(out, "subject", m.get("subject"));
                line(out, "issuer", m.get("issuer") + (Boolean.TRUE.equals(m.get("selfSigned")) ? " (self-signed)" : ""));
                line(out, "serial", m.get("serial"));
                long days = (Long) m.get("daysLeft");
                line(out, "valid", m.get("notBefore") + " .. " + m.get("notAfter") + "  (" + switch ((String) m.get("status")) {
                    case "expired" -> "EXPIRED " + -days + " days ago";
                    case "not yet valid" -> "NOT YET VALID";
                    default -> days + " days left";
                } + ")");
                line(out, "key", m.get("key") + ", signed with " + m.get("signatureAlgorithm"));
                line(out, "SHA-256", m.get("sha256"));
                line(out, "SHA-1", m.get("sha1"));
                List<String> usage = (List<String>) m.get("keyUsage");
                line(out, "usage", (usage.isEmpty() ? "(any)" : String.join(", ", usage))
                        + (Boolean.TRUE.equals(m.get("ca")) ? "; a CA" : ""));
            }
        }
        out.line("");
        return out.toString();
    }

    private static void line(ExplanationReport.Text out, String name, Object value) {
        out.wrapped("      " + ExplanationReport.pad(name, 12), String.valueOf(value));
    }
}
