package io.wssgate.sts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wssgate.config.Secret;
import io.wssgate.config.StsAuthentication;
import io.wssgate.config.StsSettings;
import io.wssgate.identity.AuthenticatedCaller;
import io.wssgate.identity.TokenType;
import io.wssgate.identity.WssPrincipal;
import io.wssgate.spi.LoadedKey;
import io.wssgate.spi.IssuedToken;
import io.wssgate.spi.OutboundContext;
import io.wssgate.spi.OutboundSecurityException;
import io.wssgate.testing.SamlSpec;
import io.wssgate.testing.TestKeys;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The STS token source: one STS call per cached token, exactly one refresh, clear failures. */
class StsTokenSupplierTest {
    static final TestKeys KEYS = TestKeys.create();
    static final TestKeys.Identity STS_KEY = KEYS.issue("sts");
    FakeSts sts;
    MovableClock clock;

    @BeforeEach
    void start() throws Exception {
        sts = new FakeSts(STS_KEY);
        clock = new MovableClock(Instant.now());
    }

    @AfterEach
    void stop() {
        sts.close();
    }

    private StsSettings settings(StsSettings.Delegation delegation, Duration timeout) {
        return new StsSettings(sts.endpoint(), true, "urn:provider", true, false, Optional.of(Duration.ofMinutes(5)),
                List.of("http://schemas.xmlsoap.org/ws/2005/05/identity/claims/role"),
                new StsAuthentication.Username("wsc", Secret.of("wsc-pw"), false), delegation, timeout,
                Duration.ofSeconds(60));
    }

    private StsTokenSupplier supplier(StsSettings settings) {
        return new StsTokenSupplier(settings, new StsClient(settings.endpoint(), settings.authentication(),
                Optional.empty(), settings.timeout()), Optional.empty(), clock);
    }

    @Test
    void manyRequestsCauseOneStsCallUntilNearExpiryThenExactlyOneRefresh() throws Exception {
        Instant expiry = clock.instant().plusSeconds(300);
        sts.expires = () -> expiry;
        StsTokenSupplier supplier = supplier(settings(StsSettings.Delegation.NONE, Duration.ofSeconds(5)));

        List<IssuedToken> tokens = concurrently(40, () -> supplier.token(OutboundContext.none()));
        assertThat(sts.requests).hasValue(1);
        assertThat(tokens).extracting(IssuedToken::assertion).containsOnly(tokens.get(0).assertion());

        clock.set(expiry.minusSeconds(61));
        supplier.token(OutboundContext.none());
        assertThat(sts.requests).hasValue(1);

        sts.expires = () -> clock.instant().plusSeconds(300);
        clock.set(expiry.minusSeconds(30));   // inside refresh-before: the next ones refresh, once
        concurrently(40, () -> supplier.token(OutboundContext.none()));
        assertThat(sts.requests).hasValue(2);
    }

    @Test
    void theRequestCarriesTheConfiguredParametersAndAuthentication() throws Exception {
        supplier(settings(StsSettings.Delegation.NONE, Duration.ofSeconds(5))).token(OutboundContext.none());
        String rst = sts.received.get(0);
        assertThat(rst).contains(WsTrust.ISSUE).contains(WsTrust.SAML2_TOKEN_TYPE).contains(WsTrust.BEARER)
                .contains("<wsa:Address>urn:provider</wsa:Address>").contains("ClaimType")
                .contains("UsernameToken").contains("<wsse:Username>wsc</wsse:Username>").contains("PasswordDigest")
                .doesNotContain("wsc-pw");
    }

    @Test
    void aFaultingStsFailsClearlyAndNothingIsCached() throws Exception {
        sts.fault = true;
        StsTokenSupplier supplier = supplier(settings(StsSettings.Delegation.NONE, Duration.ofSeconds(5)));
        assertThatThrownBy(() -> supplier.token(OutboundContext.none())).isInstanceOf(OutboundSecurityException.class)
                .hasMessageContaining("STS " + sts.endpoint()).hasMessageContaining("SOAP fault soap:Sender")
                .hasMessageContaining("invalid or malformed");
        sts.fault = false;
        assertThat(supplier.token(OutboundContext.none())).isNotNull();
        assertThat(sts.requests).hasValue(2);
    }

    @Test
    void aTokenOfAnotherTypeThanRequestedIsRefused() {
        StsSettings saml11 = new StsSettings(sts.endpoint(), false, "urn:provider", false, false, Optional.empty(),
                List.of(), new StsAuthentication.Username("wsc", Secret.of("pw"), false), StsSettings.Delegation.NONE,
                Duration.ofSeconds(5), Duration.ofSeconds(60));
        assertThatThrownBy(() -> supplier(saml11).token(OutboundContext.none()))
                .isInstanceOf(OutboundSecurityException.class)
                .hasMessageContaining("unexpected token: expected a SAML 1.1 assertion");
    }

    @Test
    void aSlowStsTimesOut() {
        sts.delayMillis = 1500;
        StsTokenSupplier supplier = supplier(settings(StsSettings.Delegation.NONE, Duration.ofMillis(300)));
        assertThatThrownBy(() -> supplier.token(OutboundContext.none())).isInstanceOf(OutboundSecurityException.class)
                .hasMessageContaining("no answer within PT0.3S");
    }

    @Test
    void anUnreachableStsFailsClearly() {
        StsSettings unreachable = new StsSettings(URI.create("http://127.0.0.1:9/sts"), false, "urn:provider", true,
                false, Optional.empty(), List.of(), new StsAuthentication.Username("wsc", Secret.of("pw"), true),
                StsSettings.Delegation.NONE, Duration.ofSeconds(2), Duration.ofSeconds(60));
        assertThatThrownBy(() -> supplier(unreachable).token(OutboundContext.none()))
                .isInstanceOf(OutboundSecurityException.class)
                .hasMessageContaining("STS http://127.0.0.1:9/sts: unreachable");
    }

    @Test
    void anExpiredTokenIsNeverHandedOutEvenIfTheStsIsDownThen() throws Exception {
        Instant expiry = clock.instant().plusSeconds(300);
        sts.expires = () -> expiry;
        StsTokenSupplier supplier = supplier(settings(StsSettings.Delegation.NONE, Duration.ofSeconds(5)));
        supplier.token(OutboundContext.none());

        sts.fault = true;
        clock.set(expiry.plusSeconds(1));
        assertThatThrownBy(() -> supplier.token(OutboundContext.none())).isInstanceOf(OutboundSecurityException.class);
    }

    @Test
    void delegationSendsTheCallersAssertionAndCachesPerCaller() throws Exception {
        StsTokenSupplier supplier = supplier(settings(StsSettings.Delegation.ACT_AS, Duration.ofSeconds(5)));
        supplier.token(OutboundContext.request(Optional.of(caller("alice"))));
        supplier.token(OutboundContext.request(Optional.of(caller("alice"))));
        supplier.token(OutboundContext.request(Optional.of(caller("bob"))));

        assertThat(sts.requests).hasValue(2);
        assertThat(sts.received.get(0)).contains("ActAs").contains("alice");
        assertThatThrownBy(() -> supplier.token(OutboundContext.none())).isInstanceOf(OutboundSecurityException.class)
                .hasMessageContaining("delegation needs the SAML assertion of the caller");
    }

    @Test
    void publicKeyTokensCarryTheProofCertificateAndKey() throws Exception {
        TestKeys.Identity client = KEYS.issue("client");
        StsSettings settings = new StsSettings(sts.endpoint(), false, "urn:provider", true, true, Optional.empty(),
                List.of(), new StsAuthentication.Username("wsc", Secret.of("pw"), false), StsSettings.Delegation.NONE,
                Duration.ofSeconds(5), Duration.ofSeconds(60));
        LoadedKey proof = new LoadedKey(client.privateKey(), client.certificate());
        IssuedToken token = new StsTokenSupplier(settings, new StsClient(settings.endpoint(), settings.authentication(),
                Optional.empty(), settings.timeout()), Optional.of(proof), clock).token(OutboundContext.none());

        assertThat(token.proofKey()).contains(proof);
        assertThat(sts.received.get(0)).contains(WsTrust.PUBLIC_KEY).contains("UseKey").contains("X509Certificate");
    }

    private static AuthenticatedCaller caller(String name) {
        var assertion = SamlSpec.saml2().signedBy(STS_KEY).bearer().subject(name).audienceRestriction("urn:me")
                .toAssertion();
        try {
            return new AuthenticatedCaller(new WssPrincipal(name, TokenType.SAML_2_0, Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty(), Map.of(), Set.of(), Optional.empty(),
                    Optional.of(assertion.getId())), Optional.of(assertion.toDOM(null)), List.of());
        } catch (org.apache.wss4j.common.ext.WSSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> List<T> concurrently(int n, Call<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(call::run));
            }
            List<T> out = new ArrayList<>();
            for (Future<T> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    @FunctionalInterface
    private interface Call<T> {
        T run() throws Exception;
    }

    /** A clock the test moves. */
    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
