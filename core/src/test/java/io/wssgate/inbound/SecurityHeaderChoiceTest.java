package io.wssgate.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.config.PolicyConfig;
import io.wssgate.config.WssGateConfig;
import io.wssgate.config.load.ConfigLoader;
import io.wssgate.fault.FaultCode;
import io.wssgate.testing.attacks.MessageDom;
import io.wssgate.testing.layout.LayoutFixture;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which Security header the validator takes, per policy choice (the defaults; accept-next off; an
 * own actor), SOAP 1.1 and 1.2: the header for {@code next} counts unless switched off, a header
 * for another actor is never processed, and two headers that both qualify are refused.
 */
class SecurityHeaderChoiceTest {
    @TempDir
    static Path dir;
    static LayoutFixture fixture;
    static InboundValidator defaults;
    static InboundValidator noNext;
    static InboundValidator gateway;

    @BeforeAll
    static void setUp() throws Exception {
        fixture = LayoutFixture.create(dir);
        WssGateConfig config = ConfigLoader.fromYaml(fixture.config, name -> Optional.empty());
        defaults = ValidatorFixture.validator(policy(config, "lax"));
        noNext = ValidatorFixture.validator(policy(config, "no-next"));
        gateway = ValidatorFixture.validator(policy(config, "actor"));
    }

    private static PolicyConfig policy(WssGateConfig config, String name) {
        return config.policies().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    private static String next(boolean soap12) {
        return LayoutFixture.next(soap12);
    }

    private static byte[] addressedTo(boolean soap12, String actor) {
        return LayoutFixture.addressedTo(fixture.x509(soap12).build(), actor);
    }

    private static byte[] withSecondHeader(boolean soap12, String actor) {
        return LayoutFixture.withSecondHeader(fixture.x509(soap12).build(), actor);
    }

    @ParameterizedTest(name = "SOAP 1.2: {0}")
    @ValueSource(booleans = {false, true})
    void byDefaultTheHeaderForNextIsOurs(boolean soap12) throws Exception {
        assertThat(defaults.validate(addressedTo(soap12, next(soap12))).principal().name())
                .isEqualTo(LayoutFixture.CLIENT_DN);
    }

    @ParameterizedTest(name = "SOAP 1.2: {0}")
    @ValueSource(booleans = {false, true})
    void withAcceptNextOffTheHeaderForNextIsSomeoneElses(boolean soap12) throws Exception {
        assertThat(ValidatorFixture.assertRejected(noNext, addressedTo(soap12, next(soap12)), FaultCode.INVALID_SECURITY)
                .getMessage()).contains("no wsse:Security header for this receiver").contains(next(soap12));
        // and the same policy takes the header without actor
        assertThat(noNext.validate(fixture.x509(soap12).build()).principal().name()).isEqualTo(LayoutFixture.CLIENT_DN);
    }

    @ParameterizedTest(name = "SOAP 1.2: {0}")
    @ValueSource(booleans = {false, true})
    void theOtherVersionsNextIsJustAnotherActor(boolean soap12) {
        ValidatorFixture.assertRejected(defaults, addressedTo(soap12, next(!soap12)), FaultCode.INVALID_SECURITY);
    }

    @ParameterizedTest(name = "SOAP 1.2: {0}")
    @ValueSource(booleans = {false, true})
    void aPolicyWithItsOwnActorTakesThatHeaderAndNext(boolean soap12) throws Exception {
        assertThat(gateway.validate(addressedTo(soap12, LayoutFixture.GATEWAY_ACTOR)).principal().name())
                .isEqualTo(LayoutFixture.CLIENT_DN);
        assertThat(gateway.validate(addressedTo(soap12, next(soap12))).principal().name())
                .isEqualTo(LayoutFixture.CLIENT_DN);
    }

    @ParameterizedTest(name = "SOAP 1.2: {0}")
    @ValueSource(booleans = {false, true})
    void aPolicyWithItsOwnActorLeavesTheHeaderWithoutActorAlone(boolean soap12) {
        assertThat(ValidatorFixture.assertRejected(gateway, fixture.x509(soap12).build(), FaultCode.INVALID_SECURITY)
                .getMessage()).contains("actor/role " + LayoutFixture.GATEWAY_ACTOR).contains("[(none)]");
    }

    @ParameterizedTest(name = "SOAP 1.2: {0}")
    @ValueSource(booleans = {false, true})
    void theDefaultLeavesAnOwnActorsHeaderAlone(boolean soap12) {
        ValidatorFixture.assertRejected(defaults, addressedTo(soap12, LayoutFixture.GATEWAY_ACTOR),
                FaultCode.INVALID_SECURITY);
    }

    @ParameterizedTest(name = "SOAP 1.2: {0}")
    @ValueSource(booleans = {false, true})
    void theSoap12UltimateReceiverRoleIsTheSameAsNoRoleAndMeansNothingInSoap11(boolean soap12) throws Exception {
        byte[] message = addressedTo(soap12, SecurityHeaderRule.SOAP12_ULTIMATE_RECEIVER);
        if (soap12) {
            assertThat(defaults.validate(message).principal().name()).isEqualTo(LayoutFixture.CLIENT_DN);
        } else {
            ValidatorFixture.assertRejected(defaults, message, FaultCode.INVALID_SECURITY);
        }
        ValidatorFixture.assertRejected(gateway, addressedTo(soap12, SecurityHeaderRule.SOAP12_ULTIMATE_RECEIVER),
                FaultCode.INVALID_SECURITY);
    }

    @ParameterizedTest(name = "SOAP 1.2: {0}")
    @ValueSource(booleans = {false, true})
    void twoHeadersThatBothQualifyAreRefusedNeverChosenBetween(boolean soap12) {
        assertThat(ValidatorFixture.assertRejected(defaults, withSecondHeader(soap12, next(soap12)),
                FaultCode.INVALID_SECURITY).getMessage()).contains("more than one wsse:Security header");
        ValidatorFixture.assertRejected(gateway, MessageDom.edit(withSecondHeader(soap12, LayoutFixture.GATEWAY_ACTOR),
                doc -> LayoutFixture.address(MessageDom.all(doc, MessageDom.WSSE, "Security").get(1), next(soap12))),
                FaultCode.INVALID_SECURITY);
    }

    @ParameterizedTest(name = "SOAP 1.2: {0}")
    @ValueSource(booleans = {false, true})
    void aHeaderForAnotherActorBesideOursIsIgnored(boolean soap12) throws Exception {
        assertThat(defaults.validate(withSecondHeader(soap12, "urn:someone:else")).principal().name())
                .isEqualTo(LayoutFixture.CLIENT_DN);
        // with accept-next off, a header for next is just such another actor's
        assertThat(noNext.validate(withSecondHeader(soap12, next(soap12))).principal().name())
                .isEqualTo(LayoutFixture.CLIENT_DN);
    }
}
