package io.wssgate.outbound;

import io.wssgate.spi.OutboundSecurityException;
import io.wssgate.spi.OutboundContext;
import io.wssgate.spi.IssuedToken;
import io.wssgate.spi.TokenSupplier;
import static io.wssgate.outbound.OutboundFixture.accepted;
import static io.wssgate.outbound.OutboundFixture.bytes;
import static io.wssgate.outbound.OutboundFixture.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wssgate.WssGate;
import io.wssgate.config.ConfigurationException;
import io.wssgate.identity.ConfirmationMethod;
import io.wssgate.config.KeySource;
import io.wssgate.config.OutboundPolicy;
import io.wssgate.config.OutboundToken;
import io.wssgate.config.PolicyConfig;
import io.wssgate.config.Problems;
import io.wssgate.config.SamlIssuance;
import io.wssgate.config.TrustConfig;
import io.wssgate.config.WssGateConfig;
import io.wssgate.config.load.ConfigLoader;
import io.wssgate.config.load.VariableResolver;
import io.wssgate.identity.WssPrincipal;
import io.wssgate.spi.LoadedKey;
import io.wssgate.testing.SamlSpec;
import io.wssgate.testing.TestKeys;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tokens from application code (the STS plug-in point) and the outbound start-up checks. */
class SuppliedTokenAndChecksTest {
    static OutboundFixture fx;
    static Path dir;

    @BeforeAll
    static void setUp(@TempDir Path tempDir) throws Exception {
        dir = tempDir;
        fx = new OutboundFixture(tempDir);
    }

    @Test
    void suppliedHolderOfKeyTokenIsProvenWithItsProofKey() throws Exception {
        TestKeys.Identity alice = fx.keys.issue("alice-key");
        AtomicInteger calls = new AtomicInteger();
        TokenSupplier supplier = context -> {
            calls.incrementAndGet();
            var assertion = SamlSpec.saml2().signedBy(fx.idp).holderOfKey(alice).subject("alice")
                    .audienceRestriction(OutboundFixture.AUDIENCE).toAssertion();
            try {
                return new IssuedToken(assertion.toDOM(null),
                        Optional.of(new LoadedKey(alice.privateKey(), alice.certificate())));
            } catch (org.apache.wss4j.common.ext.WSSecurityException e) {
                throw new OutboundSecurityException("fixture", e);
            }
        };
        PolicyConfig sender = PolicyConfig.builder("supplied").path("/out/supplied")
                .outbound(new OutboundPolicy(Optional.of(Duration.ofMinutes(5)),
                        Optional.of(new OutboundToken.Supplied(supplier)), Optional.empty(), Optional.empty(), false))
                .build();
        WssGate gate = WssGate.create(WssGateConfig.of(sender));

        byte[] message = bytes(gate.policy("supplied").orElseThrow().secureOutbound(request(), OutboundContext.none())
                .document());

        WssPrincipal principal = accepted(fx.policy("receiver").validate(message, "text/xml")).principal();
        assertThat(principal.name()).isEqualTo("alice");
        assertThat(principal.confirmationMethod()).contains(ConfirmationMethod.HOLDER_OF_KEY);
        assertThat(principal.certificate()).contains(alice.certificate());
        assertThat(calls).hasValue(1);
    }

    @Test
    void aSupplierThatFailsStopsTheMessage() throws Exception {
        PolicyConfig sender = PolicyConfig.builder("failing").path("/out/failing")
                .outbound(new OutboundPolicy(Optional.empty(), Optional.of(new OutboundToken.Supplied(context -> {
                    throw new OutboundSecurityException("STS https://sts.example unreachable");
                })), Optional.empty(), Optional.empty(), false))
                .build();
        WssGate gate = WssGate.create(WssGateConfig.of(sender));

        assertThatThrownBy(() -> gate.policy("failing").orElseThrow().secureOutbound(request(), OutboundContext.none()))
                .isInstanceOf(OutboundSecurityException.class)
                .hasMessageContaining("policy 'failing'").hasMessageContaining("sts.example unreachable");
    }

    @Test
    void holderOfKeyWithoutASigningKeyAndOtherOutboundMistakesFailStartUp() throws Exception {
        Path issuerCert = TestKeys.writePem(dir.resolve("checks-issuer.pem"), fx.issuer.certificate());
        Path issuerKey = TestKeys.writePkcs8Pem(dir.resolve("checks-issuer-key.pem"), fx.issuer.privateKey());
        String yaml = """
                policies:
                  broken-out:
                    paths: [/out]
                    outbound:
                      token:
                        source: self-issued
                        saml:
                          issuer: https://wsc
                          issuer-key: { private-key: %s, certificate: %s }
                          confirmation-method: holder-of-key
                      signature-confirmation: true
                      encryption:
                        recipient-certificate: %s
                  unknown-source:
                    paths: [/other]
                    outbound:
                      token: { source: carrier-pigeon }
                      signature:
                        key: { private-key: %s, certificate: %s }
                        key-identifier: by-name
                """.formatted(issuerKey, issuerCert, dir.resolve("no-such-recipient.pem"), issuerKey, issuerCert);

        // as the filter does: binding problems and key problems reported together
        Problems problems = new Problems();
        WssGateConfig config = ConfigLoader.fromYaml(new StringReader(yaml), dir, VariableResolver.system(), problems);
        assertThatThrownBy(() -> WssGate.create(config, Clock.systemUTC(), problems))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("policies.broken-out.outbound.signature: a holder-of-key assertion needs")
                .hasMessageContaining("policies.broken-out.outbound.signature-confirmation")
                .hasMessageContaining("policies.broken-out.outbound.encryption.recipient-certificate")
                .hasMessageContaining("policies.unknown-source.outbound.token.source")
                .hasMessageContaining("policies.unknown-source.outbound.signature.key-identifier");
    }

    @Test
    void selfIssuedIssuanceNeedsAnIssuerKeyInTheJavaModelToo() {
        SamlIssuance issuance = new SamlIssuance(true, "https://wsc", new KeySource.PemKeyPair(
                dir.resolve("missing-key.pem"), dir.resolve("missing.pem"), Optional.empty()),
                ConfirmationMethod.BEARER, Optional.of("alice"), SamlIssuance.UNSPECIFIED_NAME_FORMAT, Map.of(),
                List.of(), Duration.ofMinutes(5));
        PolicyConfig policy = PolicyConfig.builder("java").path("/java")
                .trust(new TrustConfig(List.of(), Optional.empty(), List.of(), List.of()))
                .outbound(new OutboundPolicy(Optional.empty(), Optional.of(new OutboundToken.SelfIssued(issuance)),
                        Optional.empty(), Optional.empty(), false))
                .build();
        assertThatThrownBy(() -> WssGate.create(WssGateConfig.of(policy)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("policies.java.outbound.token.saml.issuer-key");
    }
}
