package io.wssgate.testing.attacks;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/** The one list of attack catalogues both suites (filter and JAX-WS handler) run. */
public final class AttackCatalogues {
    private static final List<Function<AttackFixture, List<Attack>>> CATALOGUES = List.of(
            WrappingAttacks::all,
            KeyReferenceAttacks::all,
            KeyAndAlgorithmAttacks::all,
            EncryptionAttacks::all,
            TransportAttacks::all,
            SamlAttacks::all,
            SamlRuleAttacks::all,
            EncryptedAssertionAttacks::all,
            EncryptedXmlAdvisoryAttacks::all,
            ParserAttacks::all,
            AttachmentAttacks::all,
            TimestampAndUsernameTokenAttacks::all,
            OperationAttacks::all,
            AuthorizationAttacks::all);

    private AttackCatalogues() {
    }

    public static Stream<Attack> all(AttackFixture fixture) {
        return CATALOGUES.stream().flatMap(catalogue -> catalogue.apply(fixture).stream());
    }

    /** The valid messages at the edge of the catalogues' rules, which every suite must accept. */
    public static Stream<ValidVariant> validVariants(AttackFixture fixture) {
        return SamlRuleAttacks.valid(fixture).stream();
    }

    /**
     * The accepted twins of the operation and authorization catalogues: requests that need more
     * than a body (a SOAPAction header, an action parameter) to be what they are.
     */
    public static Stream<io.wssgate.testing.parity.ParityCase> acceptedCases(AttackFixture fixture) {
        return Stream.concat(OperationAttacks.valid(fixture).stream(), AuthorizationAttacks.valid(fixture).stream());
    }
}
