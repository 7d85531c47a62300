package io.wssgate.benchmarks;

import io.wssgate.PolicyRuntime;
import io.wssgate.WssGate;
import io.wssgate.config.load.ConfigLoader;
import io.wssgate.config.load.VariableResolver;
import io.wssgate.testing.SamlSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Our side of every comparison: one YAML file, as a user writes it, with an inbound and an
 * outbound policy per scenario. Everything stays at the secure defaults except what the
 * issue demands for a fair race: Timestamp replay detection is off (no other system keeps a
 * cache either), and ages are an hour so long benchmark forks do not expire their messages.
 * The Servlet filter of the HTTP benchmark reads the same file.
 */
public final class GateFixture {
    private static WssGate gate;
    private static Path configFile;

    private GateFixture() {
    }

    public static synchronized WssGate gate() {
        if (gate == null) {
            gate = WssGate.create(ConfigLoader.fromYaml(configFile(), VariableResolver.system()));
        }
        return gate;
    }

    public static PolicyRuntime inbound(Scenario scenario) {
        return gate().policy(scenario == Scenario.X509 ? "x509" : "saml").orElseThrow();
    }

    public static PolicyRuntime outbound(Scenario scenario) {
        return gate().policy(scenario == Scenario.X509 ? "x509-out" : "saml-out").orElseThrow();
    }

    /** The YAML file, written next to the PEM files it names (relative paths resolve there). */
    public static synchronized Path configFile() {
        if (configFile == null) {
            try {
                configFile = Files.writeString(BenchKeys.get().dir.resolve("wssgate.yaml"), yaml());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return configFile;
    }

    private static String yaml() {
        return """
                policies:
                  x509:
                    paths: [/x509/*]
                    timestamp: { max-age: 1h, replay-detection: false }
                    trust: { certificates: [ca.pem] }
                  saml:
                    paths: [/saml/*]
                    timestamp: { max-age: 1h, replay-detection: false }
                    trust: { certificates: [ca.pem] }
                    saml:
                      issuers:
                        - name: %1$s
                          certificates: [idp.pem]
                      audiences: [%2$s]
                      max-age: 1h
                      confirmation-methods: [holder-of-key]
                  x509-out:
                    paths: [/x509-out/*]
                    trust: { certificates: [ca.pem] }
                    outbound:
                      timestamp: { ttl: 5m }
                      signature:
                        key: { private-key: client-key.pem, certificate: client.pem }
                  saml-out:
                    paths: [/saml-out/*]
                    trust: { certificates: [ca.pem] }
                    outbound:
                      timestamp: { ttl: 5m }
                      token:
                        source: self-issued
                        saml:
                          version: "2.0"
                          issuer: %1$s
                          issuer-key: { private-key: idp-key.pem, certificate: idp.pem }
                          confirmation-method: holder-of-key
                          subject: alice
                          audiences: [%2$s]
                          lifetime: 5m
                      signature:
                        key: { private-key: alice-key.pem, certificate: alice.pem }
                """.formatted(SamlSpec.DEFAULT_ISSUER, Messages.AUDIENCE);
    }
}
