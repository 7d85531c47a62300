package io.wssgate.log;

import io.wssgate.InboundOutcome;
import io.wssgate.PolicyRuntime;
import io.wssgate.WssGate;
import io.wssgate.config.load.ConfigLoader;
import io.wssgate.testing.KeyIdType;
import io.wssgate.testing.attacks.Attack;
import io.wssgate.testing.attacks.AttackCatalogues;
import io.wssgate.testing.attacks.AttackFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.LoggerFactory;

/**
 * An application with whatever SLF4J backend its class path has (QuietLoggersBackendTest): starts
 * an engine, sends a valid sender-vouches message (Santuario warns for its STR-Transform
 * reference) and the SAML assertion edited after its issuer signed it (Santuario warns for the
 * digest), and logs one probe line at WARN and one at ERROR under a quieted package. Prints what
 * happened, for the test to compare with the log lines around it.
 */
public final class QuietLoggersMain {
    static final String ATTACK = "attribute edited after signing (role user -> admin)";
    static final String ENGINE_STARTED = "--- engine started ---";
    static final String PROBE_LOGGER = "org.apache.wss4j.dom.processor.QuietLoggersProbe";

    private QuietLoggersMain() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("wssgate-quiet-loggers");
        try (AttackFixture fixture = AttackFixture.create(dir)) {
            // built before the engine starts, so the libraries' loggers exist already (as in an application that signs too)
            byte[] senderVouches = AttackFixture.envelope(AttackFixture.SAML).timestamp(Duration.ofMinutes(5))
                    .saml(fixture.assertion().senderVouches()).signWith(fixture.sender, KeyIdType.BST).build();
            Attack attack = AttackCatalogues.all(fixture).filter(a -> a.name().equals(ATTACK)).findFirst().orElseThrow();
            byte[] tampered = attack.body().get();
            try (WssGate gate = WssGate.create(ConfigLoader.fromYaml(fixture.config, name -> Optional.empty()))) {
                // the application's own signing above may have warned: what counts is what follows
                System.out.println(ENGINE_STARTED);
                PolicyRuntime saml = gate.policyFor(AttackFixture.SAML).orElseThrow();
                InboundOutcome valid = saml.validate(senderVouches, AttackFixture.SOAP11_CONTENT_TYPE);
                System.out.println("sender-vouches accepted: " + (valid instanceof InboundOutcome.Accepted));
                InboundOutcome refused = saml.validate(tampered, AttackFixture.SOAP11_CONTENT_TYPE);
                System.out.println("tampered assertion rejected: " + ((InboundOutcome.Rejected) refused).correlationId());
                LoggerFactory.getLogger(PROBE_LOGGER).warn("probe WARN line");
                LoggerFactory.getLogger(PROBE_LOGGER).error("probe ERROR line");
            }
        }
        System.out.flush();
        System.exit(0); // the engine's and the fixture's threads (key reload, replay) need not linger
    }
}
