package io.wssgate;

import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.config.load.ConfigLoader;
import io.wssgate.soap.Delivery;
import io.wssgate.testing.attacks.Attack;
import io.wssgate.testing.attacks.AttackCatalogues;
import io.wssgate.testing.attacks.AttackFixture;
import io.wssgate.testing.attacks.Replay;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an operator reads for each refused message of the attack catalogue: exactly one rejection
 * line, under the correlation id the client's fault carries, naming how the request arrived and a
 * precise reason, never one of WSS4J's generic texts alone ("SAML token security failure", "The
 * signature or decryption was invalid", ...) whose cause WSS4J states, if at all, only in a WARN
 * line of its own without the id, and no WARN line of WSS4J or Santuario beside it (the engine sets
 * their per-request loggers to ERROR when it starts: io.wssgate.log.QuietLoggers). The test runs
 * the policies' runtime directly (the integrations' parity suites check the answers over HTTP)
 * and reads the lines slf4j-simple writes (every logger at its default level, as an application
 * that configured nothing).
 */
class RejectionReasonsTest {
    /** WSS4J's texts that name no cause: its error codes' defaults and its generic SAML and UsernameToken failures. */
    private static final Set<String> GENERIC = Set.of(
            "General security error",
            "An unsupported token was provided",
            "An unsupported signature or encryption algorithm was used",
            "An error was discovered processing the <wsse:Security> header",
            "An invalid security token was provided",
            "The security token could not be authenticated or authorized",
            "The signature or decryption was invalid",
            "Referenced security token could not be retrieved",
            "The message has expired",
            "A security error was encountered when verifying the message",
            "SAML token security failure",
            "Bad UsernameToken Values");
    private static final String REMOTE = "192.0.2.44";

    @Test
    void everyRefusedAttackIsLoggedOnceWithAPreciseReason(@TempDir Path dir) throws Exception {
        AttackFixture fixture = AttackFixture.create(dir);
        List<String> problems = new ArrayList<>();
        int rejections = 0;
        try (WssGate gate = WssGate.create(ConfigLoader.fromYaml(fixture.config, name -> Optional.empty()))) {
            for (Attack attack : AttackCatalogues.all(fixture).toList()) {
                if (!"POST".equals(attack.method()) || attack.contentType() == null) {
                    continue; // refused by the transport (method, content type) before any policy runs
                }
                PolicyRuntime policy = gate.policyFor(attack.path()).orElseThrow();
                Delivery delivery = Delivery.http("POST", "http://localhost:8080" + attack.path(), attack.path(), REMOTE, null, null);
                if (attack.body() instanceof Replay replay) {
                    Replay.Sequence sequence = replay.build();
                    for (byte[] genuine : sequence.genuine()) {
                        policy.validateHttpBody(genuine, attack.contentType(), delivery);
                    }
                    rejections += check(attack, problems, () -> policy.validateHttpBody(sequence.replay(),
                            attack.contentType(), delivery));
                } else {
                    byte[] body = attack.body().get();
                    rejections += check(attack, problems, () -> policy.validateHttpBody(body, attack.contentType(),
                            delivery));
                }
            }
        } finally {
            fixture.close();
        }
        assertThat(rejections).as("attacks refused by a policy").isGreaterThan(150);
        assertThat(problems).as("rejection lines without a precise reason").isEmpty();
    }

    /** Sends one message with the error stream captured; 1 if it was refused (and its line checked). */
    private static int check(Attack attack, List<String> problems, java.util.function.Supplier<InboundOutcome> send) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        InboundOutcome outcome;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            outcome = send.get();
        } finally {
            System.setErr(original);
        }
        if (!(outcome instanceof InboundOutcome.Rejected rejected)) {
            return 0; // refused later by the transport (e.g. the filter's size or charset handling)
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        Matcher line = Pattern.compile("WS-Security rejected message \\[" + Pattern.quote(rejected.correlationId())
                + "\\] policy=(\\S+) method=POST path=" + Pattern.quote(attack.path()) + " remote=" + REMOTE
                + " fault=" + rejected.code().localName() + ": (.*)").matcher(log);
        if (!line.find()) {
            problems.add(attack + ": no rejection line for " + rejected.correlationId() + " in:\n" + log);
            return 1;
        }
        String reason = line.group(2).strip();
        if (line.find()) {
            problems.add(attack + ": more than one rejection line");
        }
        log.lines().filter(l -> l.contains(" WARN org.apache."))
                .forEach(l -> problems.add(attack + ": a library's own WARN line for what the rejection line says: " + l));
        String bare = reason.startsWith("WSS4J: ") ? reason.substring("WSS4J: ".length()) : reason;
        if (reason.isBlank() || GENERIC.contains(bare)) {
            problems.add(attack + ": generic reason '" + reason + "'");
        }
        return 1;
    }
}
