package io.wssgate.revocation;

import io.wssgate.testing.SettableClock;

import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.config.OcspPolicy;
import io.wssgate.testing.OcspResponder;
import io.wssgate.testing.TestKeys;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How long an OCSP answer is reused, against a real responder on loopback with the client's clock
 * moved forward: until the answer's nextUpdate or cache-ttl, whichever comes first; then the
 * responder is asked again.
 */
class OcspCacheValidityTest {
    private OcspResponder responder;
    private final SettableClock clock = new SettableClock(Instant.now());

    @BeforeEach
    void start() throws Exception {
        responder = OcspResponder.start();
    }

    @AfterEach
    void stop() {
        responder.close();
    }

    @Test
    void anAnswerIsReusedUntilItsNextUpdateWhenThatComesBeforeTheCacheTtl() throws Exception {
        responder.validity(Duration.ofMinutes(10));
        OcspClient client = new OcspClient(OcspPolicy.enabledByDefault().withCacheTtl(Duration.ofDays(1)), clock, false);
        TestKeys.Identity signer = responder.issue("cache-next-update");

        assertThat(askedOn(client, signer)).isTrue();
        clock.advance(Duration.ofMinutes(9));
        assertThat(askedOn(client, signer)).as("9 minutes later: nextUpdate not reached").isFalse();
        clock.advance(Duration.ofMinutes(2));
        assertThat(askedOn(client, signer)).as("11 minutes later: past nextUpdate").isTrue();
    }

    @Test
    void anAnswerIsReusedForAtMostTheCacheTtl() throws Exception {
        OcspClient client = new OcspClient(OcspPolicy.enabledByDefault().withCacheTtl(Duration.ofMinutes(1)), clock,
                false);
        TestKeys.Identity signer = responder.issue("cache-ttl");

        assertThat(askedOn(client, signer)).isTrue();
        clock.advance(Duration.ofSeconds(50));
        assertThat(askedOn(client, signer)).as("within cache-ttl").isFalse();
        clock.advance(Duration.ofSeconds(20));
        assertThat(askedOn(client, signer)).as("past cache-ttl, long before nextUpdate").isTrue();
    }

    @Test
    void aRevokedAnswerIsCachedLikeAGoodOneAndNoAnswerIsNot() throws Exception {
        OcspClient client = new OcspClient(OcspPolicy.enabledByDefault(), clock, false);
        TestKeys.Identity revoked = responder.issue("cache-revoked");
        responder.set(revoked.certificate(), OcspResponder.Answer.REVOKED);
        TestKeys.Identity unanswered = responder.issue("cache-down");

        RevocationStatus first = client.status(revoked.certificate(), responder.ca().certificate());
        int before = responder.requests();
        RevocationStatus second = client.status(revoked.certificate(), responder.ca().certificate());
        responder.mode(OcspResponder.Mode.DOWN);
        RevocationStatus down = client.status(unanswered.certificate(), responder.ca().certificate());
        RevocationStatus downAgain = client.status(unanswered.certificate(), responder.ca().certificate());

        assertThat(first).isInstanceOf(RevocationStatus.Revoked.class).isEqualTo(second);
        assertThat(down).isInstanceOf(RevocationStatus.NoAnswer.class);
        assertThat(downAgain).isInstanceOf(RevocationStatus.NoAnswer.class);
        assertThat(responder.requests() - before).as("the revoked answer reused; the responder that was down asked twice")
                .isEqualTo(2);
    }

    /** Whether asking about {@code signer} now reached the responder; the answer must be good. */
    private boolean askedOn(OcspClient client, TestKeys.Identity signer) throws Exception {
        int before = responder.requests();
        assertThat(client.status(signer.certificate(), responder.ca().certificate()))
                .isInstanceOf(RevocationStatus.Good.class);
        return responder.requests() > before;
    }

}
