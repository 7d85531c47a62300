package io.wssgate.benchmarks.e2e;

import io.wssgate.benchmarks.BenchKeys;
import io.wssgate.benchmarks.Messages;
import io.wssgate.testing.SamlSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The configuration the secured WSS Gate servers read, as a user writes it: one inbound policy
 * per scenario at the secure defaults, replay detection ON. Two settings differ from the
 * defaults, both for the length of a run, not for speed: ages of an hour (the messages are
 * signed before the first server starts) and a replay cache large enough to remember every
 * message one server is sent (at the default 100,000 a full cache refuses further messages).
 */
final class E2eConfig {
    static final String FILE = "wssgate-e2e.yaml";

    private E2eConfig() {
    }

    /** Writes the YAML next to BenchKeys' PEM files (the directory every server JVM is given). */
    static Path write(BenchKeys keys) throws IOException {
        return Files.writeString(keys.dir.resolve(FILE), """
                replay: { memory: { max-entries: 2000000 } }
                policies:
                  x509:
                    paths: [/x509/*]
                    timestamp: { max-age: 1h }
                    trust: { certificates: [ca.pem] }
                  saml:
                    paths: [/saml/*]
                    timestamp: { max-age: 1h }
                    trust: { certificates: [ca.pem] }
                    saml:
                      issuers:
                        - name: %1$s
                          certificates: [idp.pem]
                      audiences: [%2$s]
                      max-age: 1h
                      confirmation-methods: [holder-of-key]
                """.formatted(SamlSpec.DEFAULT_ISSUER, Messages.AUDIENCE));
    }
}
