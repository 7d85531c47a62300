package io.wssgate.inbound;

import io.wssgate.replay.ExpiringReplayCache;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.wssgate.InboundOutcome;
import io.wssgate.WssGate;
import io.wssgate.config.Problems;
import io.wssgate.config.WssGateConfig;
import io.wssgate.fault.SecurityFault;
import io.wssgate.keys.KeyMaterialLoader;
import io.wssgate.keys.InboundKeys;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Coverage-guided fuzzing (Jazzer) of the whole inbound pipeline, from raw bytes to identity,
 * starting from a genuine signed message of every profile ({@link FuzzSeedCorpus}).
 *
 * <p>Invariant: every input ends either in a {@link SecurityFault} (a rejection with a fault
 * code) or in an accepted message whose signed Body and Timestamp are byte for byte those of the
 * seed they were signed in, for that seed's caller ({@link SignedContentOracle}). Any other
 * exception or error escapes and is a finding.
 *
 * <p>The target is {@link InboundValidator#validate(byte[])}, built exactly as {@code WssGate}
 * builds it, rather than {@code PolicyRuntime.validate}: {@code PolicyRuntime} turns any
 * RuntimeException into an InvalidSecurity rejection as a last line of defence, which would hide
 * precisely the bugs the fuzzer is looking for. An accepted input is also run through
 * {@code WssGate}/{@code PolicyRuntime.validate}, which must accept it for the same caller.
 *
 * <p>Without {@code JAZZER_FUZZ} this runs as a regression test over the seeds and the inputs in
 * {@code src/test/resources/io/wssgate/inbound/InboundFuzzTestInputs/inboundPipeline} (where
 * Jazzer also writes the inputs of new findings); see docs/contributing.md "Fuzzing" for the fuzzing runs.
 */
class InboundFuzzTest {

    /** Built on first use, shared by all inputs, never changed afterwards. */
    private static final class Fixture {
        static final FuzzSeedCorpus CORPUS = FuzzSeedCorpus.generate(FuzzSeedCorpus.temporaryDirectory());
        /** The seeds' signing time: key material is loaded and checked as of then. */
        static final Clock SIGNING_TIME = Clock.fixed(CORPUS.createdAt(), ZoneOffset.UTC);
        static final InboundKeys KEYS = loadKeys();
        /**
         * The pipeline under test, one for all inputs, with replay detection on. Its replay
         * cache's clock stands years after the seeds' windows, so every entry it records has
         * expired when the next input arrives (the rules themselves, like WSS4J's, run on the
         * system clock, within the seeds' day-long windows): the replay code runs in full for
         * every accepted input, but a genuine seed is never refused as a replay of itself. A
         * blocking cache would stop the fuzzer from ever reaching the code behind replay
         * detection again and make findings depend on the order of inputs; a fresh pipeline per
         * input costs more than most validations. Replay itself is tested in ReplayGuardTest and
         * the adapters' tests.
         */
        static final InboundValidator PIPELINE = new InboundValidator(CORPUS.policy(), KEYS,
                java.util.Optional.empty(), Clock.systemUTC(), new ExpiringReplayCache(
                        io.wssgate.config.ReplayConfig.DEFAULT_MAX_ENTRIES,
                        Clock.fixed(CORPUS.createdAt().plus(Duration.ofDays(3650)), ZoneOffset.UTC)));
        static final SignedContentOracle ORACLE = SignedContentOracle.learn(CORPUS, PIPELINE);

        /** Through the public entry point, on a fresh gate (whose replay cache is real). */
        static InboundOutcome throughPublicEntryPoint(byte[] message) {
            return WssGate.create(WssGateConfig.of(CORPUS.policy()), SIGNING_TIME).policy(CORPUS.policy().name())
                    .orElseThrow().validate(message, "text/xml");
        }

        private static InboundKeys loadKeys() {
            Problems problems = new Problems();
            InboundKeys keys = InboundKeys.load(CORPUS.policy(), new KeyMaterialLoader(problems, SIGNING_TIME));
            problems.throwIfAny();
            return keys;
        }
    }

    static Stream<byte[]> genuineMessages() {
        return Fixture.CORPUS.seeds().stream().map(FuzzSeedCorpus.Seed::message);
    }

    @MethodSource("genuineMessages")
    @FuzzTest(maxDuration = "25s")
    void inboundPipeline(byte[] message) throws SecurityFault {
        ValidatedMessage accepted;
        try {
            accepted = Fixture.PIPELINE.validate(message);
        } catch (SecurityFault rejected) {
            if (Fixture.CORPUS.isSeed(message)) {
                throw new AssertionError("a genuine seed was rejected: " + rejected.code() + " " + rejected.getMessage());
            }
            return;
        }
        Fixture.ORACLE.assertGenuine(accepted);
        InboundOutcome outcome = Fixture.throughPublicEntryPoint(message);
        assertThat(outcome).isInstanceOf(InboundOutcome.Accepted.class);
        assertThat(SignedContentOracle.Caller.of(((InboundOutcome.Accepted) outcome).principal()))
                .isEqualTo(SignedContentOracle.Caller.of(accepted.principal()));
    }
}
