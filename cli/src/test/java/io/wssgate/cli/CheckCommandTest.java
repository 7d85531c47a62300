package io.wssgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.testing.TestKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code wssgate check} on real configuration files: a valid one is described (policies, what they
 * accept, certificates with their expiry, every effective setting with the defaults filled in); a
 * broken one, in YAML or in web.xml's flat keys, has every problem listed with its key path.
 */
class CheckCommandTest {
    @TempDir
    static Path dir;
    static final TestKeys KEYS = TestKeys.create();
    static Path ca;
    static Path users;

    @BeforeAll
    static void keys() throws Exception {
        ca = TestKeys.writePem(dir.resolve("ca.pem"), KEYS.ca().certificate());
        users = Files.writeString(dir.resolve("users.properties"), "bob=secret\n");
    }

    @Test
    void aValidConfigurationIsDescribedWithItsCertificatesAndEveryEffectiveSetting() throws Exception {
        Path config = Files.writeString(dir.resolve("valid.yaml"), """
                policies:
                  partner:
                    paths: [/services/*]
                    trust:
                      certificates: [%s]
                    timestamp:
                      max-age: 2m
                """.formatted(ca));

        Cli.Result result = Cli.run("check", "--config", config.toString());

        assertThat(result.status()).as("%s", result).isEqualTo(ExitCodes.OK);
        assertThat(result.out()).contains("valid, 1 policy")
                .contains("policy partner  (paths /services/*)")
                .containsPattern("accepts +X\\.509 signatures by certificates chaining to CN=" + TestKeys.CA_NAME)
                .containsPattern("requires +a Timestamp at most 120s old")
                .containsPattern("requires +signed Body, Timestamp")
                .containsPattern("(?s)partner +trust +CN=" + TestKeys.CA_NAME + ".*? expires \\S+\\s+\\(" + caDaysLeft()
                        + " days\\)")
                .containsPattern("policies\\.partner\\.timestamp\\.max-age +set +2m")
                .containsPattern("policies\\.partner\\.limits\\.max-message-size +default +\\S+");
    }

    @Test
    void theJsonReportHasTheSameFactsAndMarksDefaults() throws Exception {
        Path config = Files.writeString(dir.resolve("valid-json.yaml"), """
                policies:
                  partner:
                    paths: [/services/*]
                    trust:
                      certificates: [%s]
                """.formatted(ca));

        Cli.Result result = Cli.run("check", "--json", "--config", config.toString());

        assertThat(result.status()).as("%s", result).isEqualTo(ExitCodes.OK);
        Map<String, Object> json = result.json();
        assertThat(json.get("valid")).isEqualTo(true);
        assertThat(list(json, "problems")).isEmpty();
        assertThat(list(json, "policies")).singleElement().satisfies(p -> assertThat(p.get("name")).isEqualTo("partner"));
        assertThat(list(json, "certificates")).singleElement().satisfies(c -> {
            assertThat(c.get("use")).isEqualTo("trust");
            assertThat(((Number) c.get("daysLeft")).longValue()).isEqualTo(caDaysLeft());
        });
        assertThat(list(json, "settings")).anySatisfy(s -> {
            assertThat(s.get("key")).isEqualTo("policies.partner.timestamp.max-age");
            assertThat(s.get("source")).isEqualTo("default");
        }).anySatisfy(s -> {
            assertThat(s.get("key")).isEqualTo("policies.partner.paths");
            assertThat(s.get("source")).isEqualTo("set");
        });
    }

    @Test
    void everyProblemOfABrokenYamlFileIsListedWithItsKeyPath() throws Exception {
        Path config = Files.writeString(dir.resolve("broken.yaml"), """
                policies:
                  partner:
                    paths: [/services/*]
                    trust:
                      certificates: [%s, %s]
                    timestamp:
                      max-age: five minutes
                      max-agee: 5m
                    signature:
                      algorithms:
                        min-rsa-key-size: many
                """.formatted(ca, dir.resolve("missing-ca.pem")));

        Cli.Result result = Cli.run("check", "--config", config.toString());

        assertThat(result.status()).as("%s", result).isEqualTo(ExitCodes.NEGATIVE);
        assertThat(problemKeys("--config", config.toString())).containsExactlyInAnyOrder(
                "policies.partner.trust.certificates", "policies.partner.timestamp.max-age",
                "policies.partner.timestamp.max-agee", "policies.partner.signature.algorithms.min-rsa-key-size");
        assertThat(result.out()).contains("4 problems")
                .contains("policies.partner.trust.certificates: file not found: ").contains("missing-ca.pem")
                .contains("policies.partner.timestamp.max-agee: unknown key");
    }

    @Test
    void theSameProblemsInWebXmlFlatKeysHaveTheSameKeyPaths() throws Exception {
        Path config = Files.writeString(dir.resolve("broken.properties"), """
                policies.partner.paths=/services/*
                policies.partner.trust.certificates=%s,%s
                policies.partner.timestamp.max-age=five minutes
                policies.partner.timestamp.max-agee=5m
                policies.partner.signature.algorithms.min-rsa-key-size=many
                """.formatted(ca, dir.resolve("missing-ca.pem")));

        Cli.Result result = Cli.run("check", "--config", config.toString());

        assertThat(result.status()).as("%s", result).isEqualTo(ExitCodes.NEGATIVE);
        assertThat(problemKeys("--config", config.toString())).containsExactlyInAnyOrder(
                "policies.partner.trust.certificates", "policies.partner.timestamp.max-age",
                "policies.partner.timestamp.max-agee", "policies.partner.signature.algorithms.min-rsa-key-size");
    }

    @Test
    void keyMaterialProblemsAreListedTooExpiredAsOfAt() throws Exception {
        Path config = Files.writeString(dir.resolve("expiring.yaml"), """
                policies:
                  partner:
                    paths: [/services/*]
                    trust:
                      certificates: [%s]
                  clerks:
                    paths: [/clerks/*]
                    signature:
                      required: false
                    username-token:
                      enabled: true
                      passwords: %s
                """.formatted(ca, users));
        String afterTheCa = KEYS.ca().certificate().getNotAfter().toInstant().plus(Duration.ofDays(1)).toString();

        Cli.Result now = Cli.run("check", "--config", config.toString());
        Cli.Result later = Cli.run("check", "--config", config.toString(), "--at", afterTheCa);

        assertThat(now.status()).as("%s", now).isEqualTo(ExitCodes.OK);
        assertThat(later.status()).as("%s", later).isEqualTo(ExitCodes.NEGATIVE);
        assertThat(later.out()).contains("1 problem").containsPattern(
                "policies\\.partner\\.trust\\.certificates: certificate 'CN=" + TestKeys.CA_NAME + ".*' expired on");
    }

    @Test
    void aCaptureDirectoryOpenToOthersIsAProblemAndNothingIsCreated() throws Exception {
        Path open = Files.createDirectory(dir.resolve("open-captures"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxrwxrwx")));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path notYet = dir.resolve("captures-not-yet");
        Path openConfig = Files.writeString(dir.resolve("capture-open.yaml"), capturing(open));
        Path newConfig = Files.writeString(dir.resolve("capture-new.yaml"), capturing(notYet));

        Cli.Result openResult = Cli.run("check", "--config", openConfig.toString());
        Cli.Result newResult = Cli.run("check", "--config", newConfig.toString());

        assertThat(openResult.status()).as("%s", openResult).isEqualTo(ExitCodes.NEGATIVE);
        assertThat(openResult.out()).contains("diagnostics.capture-rejected.directory: ");
        assertThat(newResult.status()).as("%s", newResult).isEqualTo(ExitCodes.OK);
        assertThat(notYet).as("check changes nothing").doesNotExist();
    }

    @Test
    void anUnreadableFileIsExitThreeAndAMissingOptionExitTwo() {
        Cli.Result missing = Cli.run("check", "--config", dir.resolve("nothing-here.yaml").toString());
        Cli.Result usage = Cli.run("check");

        assertThat(missing.status()).as("%s", missing).isEqualTo(ExitCodes.CANNOT_RUN);
        assertThat(missing.err()).contains("cannot read").contains("nothing-here.yaml");
        assertThat(usage.status()).as("%s", usage).isEqualTo(ExitCodes.USAGE);
        assertThat(usage.err()).contains("--config");
    }

    /** Whole days from now to the CA certificate's end, as check counts them. */
    private static long caDaysLeft() {
        return Duration.between(Instant.now(), KEYS.ca().certificate().getNotAfter().toInstant()).toDays();
    }

    private String capturing(Path captures) {
        return """
                diagnostics:
                  capture-rejected:
                    directory: %s
                policies:
                  partner:
                    paths: [/services/*]
                    trust:
                      certificates: [%s]
                """.formatted(captures, ca);
    }

    private static List<String> problemKeys(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "check";
        all[1] = "--json";
        System.arraycopy(args, 0, all, 2, args.length);
        Cli.Result result = Cli.run(all);
        return list(result.json(), "problems").stream().map(p -> (String) p.get("key")).toList();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Map<String, Object> json, String name) {
        return (List<Map<String, Object>>) json.get(name);
    }
}
