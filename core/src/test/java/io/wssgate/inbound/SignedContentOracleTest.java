package io.wssgate.inbound;

import static io.wssgate.inbound.ValidatorFixture.validator;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wssgate.config.PolicyConfig;
import io.wssgate.config.SignaturePolicy;
import io.wssgate.testing.TestMessages;
import org.junit.jupiter.api.Test;

/** The fuzz test's invariant check must be able to fail: shown with a pipeline that does not check the Body. */
class SignedContentOracleTest {
    static final FuzzSeedCorpus CORPUS = FuzzSeedCorpus.generate(FuzzSeedCorpus.temporaryDirectory());
    static final SignedContentOracle ORACLE = SignedContentOracle.learn(CORPUS, validator(CORPUS.policy()));

    @Test
    void aGenuineSeedPasses() throws Exception {
        for (FuzzSeedCorpus.Seed seed : CORPUS.seeds()) {
            ValidatedMessage accepted = validator(CORPUS.policy()).validate(seed.message());

            assertThatCode(() -> ORACLE.assertGenuine(accepted)).as(seed.profile()).doesNotThrowAnyException();
        }
    }

    @Test
    void aBodyNoSeedSignedBreaksTheInvariant() throws Exception {
        // signature wrapping, accepted only because this policy does not require a signed Body
        // (and a UsernameToken, not the Body's signer, is the caller)
        byte[] wrapped = TestMessages.wrapBody(CORPUS.seeds().stream()
                .filter(s -> s.profile().equals("username-token-digest")).findFirst().orElseThrow().message());
        ValidatedMessage accepted = validator(bodyNotRequired(CORPUS.policy())).validate(wrapped);

        assertThatThrownBy(() -> ORACLE.assertGenuine(accepted)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("accepted a Body no seed signed").hasMessageContaining("evil");
    }

    private static PolicyConfig bodyNotRequired(PolicyConfig p) {
        SignaturePolicy s = p.signature();
        return new PolicyConfig(p.name(), p.paths(), p.limits(), p.timestamp(),
                new SignaturePolicy(s.required(), false, s.signTimestamp(), s.signedHeaders(), s.algorithms(),
                        s.x509Authentication()),
                p.trust(), p.saml(), p.usernameToken(), p.decryption(), p.roles(), p.allowWsdlGet(), p.outbound(),
                p.securityHeader());
    }
}
