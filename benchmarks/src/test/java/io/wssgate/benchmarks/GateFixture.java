package io.wssgate.benchmarks;

import io.wssgate.PolicyRuntime;
import io.wssgate.WssGate;
import io.wssgate.config.ReplayConfig;
import io.wssgate.config.WssGateConfig;
import io.wssgate.config.load.ConfigLoader;
import io.wssgate.config.load.VariableResolver;
import io.wssgate.testing.SamlSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Our side of every comparison: one YAML file, as a user writes it, with an inbound and an
 * outbound policy per scenario. Everything stays at the secure defaults except what the
 * issue demands for a fair race: Timestamp replay detection is off (no other system keeps a
 * cache either), and ages are an hour so long benchmark forks do not expire their messages.
 * Two variants serve single measurements: {@code *-replay} keeps replay detection on (the
 * multi-core benchmark), {@code *-large} raises {@code limits} for the 50 MB message.
 * (The HTTP end-to-end benchmark has a configuration of its own, with replay detection on.)
 *
 * <p>The exchange benchmarks ({@code io.wssgate.benchmarks.exchange}) use the inbound policies
 * and, for a server that also signs its responses, {@code x509-exchange} and
 * {@code saml-exchange}: the same inbound rules plus an {@code outbound} Timestamp and a
 * signature with the server's key.
 */
public final class GateFixture {
    private static WssGate gate;
    private static WssGate replayGate;
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

    /** The scenario's inbound policy with {@code limits} raised for the 50 MB message, nothing else changed. */
    public static PolicyRuntime inboundLarge(Scenario scenario) {
        return gate().policy(scenario == Scenario.X509 ? "x509-large" : "saml-large").orElseThrow();
    }

    /**
     * The scenario's inbound policy with Timestamp replay detection on, as shipped, in an engine
     * of its own whose replay store is {@link UniqueReplayKeys}: the multi-core benchmark sends
     * the same signed bytes again and again, and the store sees each of them as a new message.
     */
    public static synchronized PolicyRuntime replayChecking(Scenario scenario) {
        if (replayGate == null) {
            WssGateConfig config = ConfigLoader.fromYaml(configFile(), VariableResolver.system());
            replayGate = WssGate.create(new WssGateConfig(config.policies(),
                    new ReplayConfig.Shared(new UniqueReplayKeys(UniqueReplayKeys.MAX_ENTRIES, Clock.systemUTC())),
                    config.keyReloadInterval(), config.fips(), config.captureRejected()));
        }
        return replayGate.policy(scenario == Scenario.X509 ? "x509-replay" : "saml-replay").orElseThrow();
    }

    public static PolicyRuntime outbound(Scenario scenario) {
        return gate().policy(scenario == Scenario.X509 ? "x509-out" : "saml-out").orElseThrow();
    }

    /** The name of the policy that validates the scenario's requests and signs the responses. */
    public static String exchangePolicyName(Scenario scenario) {
        return scenario == Scenario.X509 ? "x509-exchange" : "saml-exchange";
    }

    public static PolicyRuntime exchange(Scenario scenario) {
        return gate().policy(exchangePolicyName(scenario)).orElseThrow();
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
                  x509-replay:
                    paths: [/x509-replay/*]
                    timestamp: { max-age: 1h }
                    trust: { certificates: [ca.pem] }
                  saml-replay:
                    paths: [/saml-replay/*]
                    timestamp: { max-age: 1h }
                    trust: { certificates: [ca.pem] }
                    saml:
                      issuers:
                        - name: %1$s
                          certificates: [idp.pem]
                      audiences: [%2$s]
                      max-age: 1h
                      confirmation-methods: [holder-of-key]
                  x509-large:
                    paths: [/x509-large/*]
                    limits: { max-message-size: 60MB, max-elements: 1000000 }
                    timestamp: { max-age: 1h, replay-detection: false }
                    trust: { certificates: [ca.pem] }
                  saml-large:
                    paths: [/saml-large/*]
                    limits: { max-message-size: 60MB, max-elements: 1000000 }
                    timestamp: { max-age: 1h, replay-detection: false }
                    trust: { certificates: [ca.pem] }
                    saml:
                      issuers:
                        - name: %1$s
                          certificates: [idp.pem]
                      audiences: [%2$s]
                      max-age: 1h
                      confirmation-methods: [holder-of-key]
                  x509-exchange:
                    paths: [/x509-exchange/*]
                    timestamp: { max-age: 1h, replay-detection: false }
                    trust: { certificates: [ca.pem] }
                    outbound:
                      timestamp: { ttl: 5m }
                      signature:
                        key: { private-key: server-key.pem, certificate: server.pem }
                  saml-exchange:
                    paths: [/saml-exchange/*]
                    timestamp: { max-age: 1h, replay-detection: false }
                    trust: { certificates: [ca.pem] }
                    saml:
                      issuers:
                        - name: %1$s
                          certificates: [idp.pem]
                      audiences: [%2$s]
                      max-age: 1h
                      confirmation-methods: [holder-of-key]
                    outbound:
                      timestamp: { ttl: 5m }
                      signature:
                        key: { private-key: server-key.pem, certificate: server.pem }
                """.formatted(SamlSpec.DEFAULT_ISSUER, Messages.AUDIENCE);
    }
}
