package io.wssgate.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.config.PolicyConfig;
import io.wssgate.config.Problems;
import io.wssgate.config.TrustConfig;
import io.wssgate.fault.FaultCode;
import io.wssgate.fault.SecurityFault;
import io.wssgate.keys.InboundKeys;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Builds {@link InboundValidator}s the way {@code WssGate} does and asserts on their verdicts. */
final class ValidatorFixture {

    private ValidatorFixture() {
    }

    /** Loads the policy's key material (failing on any problem) and builds its validator. */
    static InboundValidator validator(PolicyConfig policy) {
        Problems problems = new Problems();
        InboundKeys keys = InboundKeys.load(policy, problems);
        problems.throwIfAny();
        return new InboundValidator(policy, keys, Clock.systemUTC());
    }

    static TrustConfig trust(Path... certificates) {
        return new TrustConfig(List.of(certificates), Optional.empty(), List.of(), List.of());
    }

    static TrustConfig trust(List<Path> certificates, List<Path> crls, List<Pattern> subjectDnPatterns) {
        return new TrustConfig(certificates, Optional.empty(), crls, subjectDnPatterns);
    }

    /** A policy with the secure defaults, guarding every path, trusting the given PEM files. */
    static PolicyConfig.Builder policy(Path... trusted) {
        return PolicyConfig.builder("test").path("/*").trust(trust(trusted));
    }

    /** The fault the validator raised; fails the test if the message was accepted. */
    static SecurityFault rejection(InboundValidator validator, byte[] message) {
        try {
            ValidatedMessage accepted = validator.validate(message);
            throw new AssertionError("message was accepted, principal " + accepted.principal());
        } catch (SecurityFault fault) {
            return fault;
        }
    }

    /** Asserts a rejection with {@code code}; the fault's detail shows up in a failure. */
    static SecurityFault assertRejected(InboundValidator validator, byte[] message, FaultCode code) {
        SecurityFault fault = rejection(validator, message);
        assertThat(fault.code()).as("fault detail: %s", fault.getMessage()).isEqualTo(code);
        return fault;
    }
}
