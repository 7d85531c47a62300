package io.wssgate.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.config.HeaderLayout;
import io.wssgate.config.PolicyConfig;
import io.wssgate.config.WssGateConfig;
import io.wssgate.config.load.ConfigLoader;
import io.wssgate.fault.FaultCode;
import io.wssgate.testing.layout.LayoutCase;
import io.wssgate.testing.layout.LayoutFixture;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The layout matrix through the inbound pipeline itself: every profile's genuine message with
 * its Security header's children in every order (SOAP 1.1; the representative orders for SOAP
 * 1.2), validated by the four policies that differ only in {@code security-header.layout}. Lax
 * accepts every order that keeps the signing/encryption steps in their order, the others accept
 * exactly what their rules allow (the expectation comes from each profile's declared
 * dependencies, not from the implementation), and the same message with a tampered Body is
 * refused with FailedCheck. One message serves all four policies: each has its own replay cache.
 */
class LayoutMatrixTest {
    @TempDir
    static Path dir;
    static LayoutFixture fixture;
    static final Map<HeaderLayout, InboundValidator> VALIDATORS = new EnumMap<>(HeaderLayout.class);

    @BeforeAll
    static void setUp() throws Exception {
        fixture = LayoutFixture.create(dir);
        WssGateConfig config = ConfigLoader.fromYaml(fixture.config, name -> Optional.empty());
        for (HeaderLayout layout : HeaderLayout.values()) {
            String name = switch (layout) {
                case LAX -> "lax";
                case STRICT -> "strict";
                case LAX_TIMESTAMP_FIRST -> "ts-first";
                case LAX_TIMESTAMP_LAST -> "ts-last";
            };
            PolicyConfig policy = config.policies().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
            assertThat(policy.securityHeader().layout()).isEqualTo(layout);
            VALIDATORS.put(layout, ValidatorFixture.validator(policy));
        }
    }

    static Stream<LayoutCase> cases() {
        return Stream.concat(fixture.allCases(false), fixture.representativeCases(true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyLayoutModeDecidesAsItsRulesSay(LayoutCase layoutCase) throws Exception {
        byte[] message = layoutCase.message();
        for (HeaderLayout layout : HeaderLayout.values()) {
            InboundValidator validator = VALIDATORS.get(layout);
            Optional<FaultCode> refusal = layoutCase.expectedRefusal(layout);
            if (refusal.isEmpty()) {
                ValidatedMessage valid = validator.validate(message);
                assertThat(valid.principal().name()).as(layout.key()).isEqualTo(layoutCase.profile().principal());
            } else {
                assertThat(ValidatorFixture.rejection(validator, message).code()).as(layout.key()).isEqualTo(refusal.get());
            }
        }
        ValidatorFixture.assertRejected(VALIDATORS.get(HeaderLayout.LAX),
                io.wssgate.testing.TestMessages.tamperBody(message), FaultCode.FAILED_CHECK);
    }
}
