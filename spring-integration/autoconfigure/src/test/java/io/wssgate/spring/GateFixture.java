package io.wssgate.spring;

import io.wssgate.GateObserver;
import io.wssgate.WssGate;
import io.wssgate.config.Problems;
import io.wssgate.config.load.ConfigLoader;
import io.wssgate.config.load.VariableResolver;
import io.wssgate.testing.TestKeys;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * A gate configured from YAML as a user would write it, with key material the fixtures generate:
 * {@code p} receives X.509-signed messages; {@code client} and {@code server} sign and confirm
 * each other's messages; {@code propagating} can only pass on a caller's assertion.
 * Until WSS Gate's own auto-configuration defines the engine bean, tests define it from here.
 */
public final class GateFixture {
    public final TestKeys keys = TestKeys.create();
    public final TestKeys.Identity client = keys.issue("client");
    public final TestKeys.Identity server = keys.issue("server");
    public final WssGate gate;

    public GateFixture(Path dir) throws Exception {
        this(dir, "");
    }

    /** {@code extraPolicies}: more YAML under {@code policies:}, indented by two spaces. */
    public GateFixture(Path dir, String extraPolicies) throws Exception {
        this(dir, extraPolicies, List.of());
    }

    /** The engine tells {@code observers} about every inbound decision. */
    public GateFixture(Path dir, String extraPolicies, List<GateObserver> observers) throws Exception {
        Path ca = TestKeys.writePem(dir.resolve("ca.pem"), keys.ca().certificate());
        Path clientKey = TestKeys.writePkcs8Pem(dir.resolve("client-key.pem"), client.privateKey());
        Path clientCert = TestKeys.writePem(dir.resolve("client.pem"), client.certificate());
        Path serverKey = TestKeys.writePkcs8Pem(dir.resolve("server-key.pem"), server.privateKey());
        Path serverCert = TestKeys.writePem(dir.resolve("server.pem"), server.certificate());
        String yaml = """
                policies:
                  p:
                    paths: [/p/*]
                    trust: { certificates: [%1$s] }
                  client:
                    paths: [/client/*]
                    trust: { certificates: [%1$s] }
                    outbound:
                      timestamp: { ttl: 5m }
                      signature: { key: { private-key: %2$s, certificate: %3$s } }
                      signature-confirmation: true
                  server:
                    paths: [/server/*]
                    trust: { certificates: [%1$s] }
                    outbound:
                      timestamp: { ttl: 5m }
                      signature: { key: { private-key: %4$s, certificate: %5$s } }
                      signature-confirmation: true
                  propagating:
                    paths: [/propagating/*]
                    trust: { certificates: [%1$s] }
                    outbound:
                      timestamp: { ttl: 5m }
                      token: { source: propagated }
                %6$s""".formatted(ca, clientKey, clientCert, serverKey, serverCert, extraPolicies);
        this.gate = WssGate.create(ConfigLoader.fromYaml(new StringReader(yaml), dir, VariableResolver.system()),
                Clock.systemUTC(), new Problems(), observers);
    }
}
