package io.wssgate.log;

import io.wssgate.InboundOutcome;
import io.wssgate.WssGate;
import io.wssgate.config.load.ConfigLoader;
import io.wssgate.testing.TestKeys;
import io.wssgate.testing.TestMessages;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** An application without an SLF4J provider: starts an engine and has one message rejected. */
public final class NoSlf4jProviderMain {
    private NoSlf4jProviderMain() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("wssgate-no-slf4j");
        Path ca = TestKeys.writePem(dir.resolve("ca.pem"), TestKeys.create().ca().certificate());
        String yaml = "policies:\n  lonely:\n    paths: [/s/*]\n    trust: {certificates: ['" + ca + "']}\n";
        try (WssGate gate = WssGate.create(ConfigLoader.fromYaml(new StringReader(yaml), dir, name -> Optional.empty()))) {
            InboundOutcome outcome = gate.policy("lonely").orElseThrow()
                    .validate(TestMessages.soap11().build(), "text/xml");
            System.out.println("outcome " + ((InboundOutcome.Rejected) outcome).correlationId());
        }
    }
}
