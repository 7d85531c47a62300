package io.wssgate.filter.layout;

import io.wssgate.config.HeaderLayout;
import io.wssgate.fault.FaultCode;
import io.wssgate.filter.JettyWebApp;
import io.wssgate.testing.TestMessages;
import io.wssgate.testing.layout.LayoutCase;
import io.wssgate.testing.layout.LayoutExchange;
import io.wssgate.testing.layout.LayoutFixture;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The layout matrix and the Security-header actor choices over HTTP through the real
 * {@code WssGateFilter} on Jetty 12, SOAP 1.1 and 1.2. Over HTTP each profile runs in its
 * representative orders (original, reversed, every child moved to either end) rather than all
 * n! ({@code LayoutMatrixTest} in core runs them all through the same pipeline): to the lax
 * policy in both SOAP versions, genuine and with a tampered Body; to the enforcing policies in
 * SOAP 1.1.
 */
class FilterLayoutTest {
    @TempDir
    static Path dir;
    static LayoutFixture fixture;
    static JettyWebApp app;
    static LayoutExchange exchange;

    @BeforeAll
    static void start() throws Exception {
        fixture = LayoutFixture.create(dir);
        app = JettyWebApp.start(dir, Map.of("config-file", fixture.config.toString()), LayoutServlet.class);
        exchange = new LayoutExchange(app::uri, LayoutServlet.INVOCATIONS::get, LayoutServlet.PRINCIPALS,
                response -> response.headers().firstValue("X-Principal").orElse(null));
    }

    @AfterAll
    static void stop() throws Exception {
        app.close();
    }

    static Stream<LayoutCase> bothVersions() {
        return Stream.concat(fixture.representativeCases(false), fixture.representativeCases(true));
    }

    static Stream<LayoutCase> soap11() {
        return fixture.representativeCases(false);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bothVersions")
    void laxAcceptsEveryValidOrderAndRefusesItTampered(LayoutCase layoutCase) throws Exception {
        exchange.assertDecides(layoutCase, HeaderLayout.LAX);
        exchange.assertRefused(LayoutFixture.path(HeaderLayout.LAX, layoutCase.soap12()),
                TestMessages.tamperBody(layoutCase.message()), FaultCode.FAILED_CHECK);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("soap11")
    void enforcedLayoutsDecideAsTheirRulesSay(LayoutCase layoutCase) throws Exception {
        for (HeaderLayout layout : new HeaderLayout[] {HeaderLayout.STRICT, HeaderLayout.LAX_TIMESTAMP_FIRST,
                HeaderLayout.LAX_TIMESTAMP_LAST}) {
            exchange.assertDecides(layoutCase, layout);
        }
    }

    // ---- which Security header is ours ------------------------------------------------------------

    private static String path(String base, boolean soap12) {
        return soap12 ? base + "12" : base;
    }

    @ParameterizedTest(name = "SOAP 1.2: {0}")
    @ValueSource(booleans = {false, true})
    void byDefaultTheOnlyHeaderAddressedToNextIsOurs(boolean soap12) throws Exception {
        byte[] message = LayoutFixture.addressedTo(fixture.x509(soap12).build(), LayoutFixture.next(soap12));
        exchange.assertAccepted(path(LayoutFixture.LAX, soap12), message, LayoutFixture.CLIENT_DN);
    }

    @ParameterizedTest(name = "SOAP 1.2: {0}")
    @ValueSource(booleans = {false, true})
    void withAcceptNextOffAHeaderForNextIsNotOurs(boolean soap12) throws Exception {
        exchange.assertRefused(path(LayoutFixture.NO_NEXT, soap12),
                LayoutFixture.addressedTo(fixture.x509(soap12).build(), LayoutFixture.next(soap12)),
                FaultCode.INVALID_SECURITY);
        exchange.assertAccepted(path(LayoutFixture.NO_NEXT, soap12), fixture.x509(soap12).build(), LayoutFixture.CLIENT_DN);
    }

    @ParameterizedTest(name = "SOAP 1.2: {0}")
    @ValueSource(booleans = {false, true})
    void aPolicyWithItsOwnActorTakesOnlyThatHeaderOrNext(boolean soap12) throws Exception {
        String path = path(LayoutFixture.ACTOR, soap12);
        exchange.assertAccepted(path, LayoutFixture.addressedTo(fixture.x509(soap12).build(), LayoutFixture.GATEWAY_ACTOR),
                LayoutFixture.CLIENT_DN);
        exchange.assertAccepted(path, LayoutFixture.addressedTo(fixture.x509(soap12).build(), LayoutFixture.next(soap12)),
                LayoutFixture.CLIENT_DN);
        exchange.assertRefused(path, fixture.x509(soap12).build(), FaultCode.INVALID_SECURITY);
    }

    @ParameterizedTest(name = "SOAP 1.2: {0}")
    @ValueSource(booleans = {false, true})
    void twoHeadersThatBothQualifyAreRefused(boolean soap12) throws Exception {
        exchange.assertRefused(path(LayoutFixture.LAX, soap12),
                LayoutFixture.withSecondHeader(fixture.x509(soap12).build(), LayoutFixture.next(soap12)),
                FaultCode.INVALID_SECURITY);
    }

    @ParameterizedTest(name = "SOAP 1.2: {0}")
    @ValueSource(booleans = {false, true})
    void aHeaderForAnotherActorBesideOursIsIgnored(boolean soap12) throws Exception {
        exchange.assertAccepted(path(LayoutFixture.LAX, soap12),
                LayoutFixture.withSecondHeader(fixture.x509(soap12).build(), "urn:someone:else"), LayoutFixture.CLIENT_DN);
        exchange.assertAccepted(path(LayoutFixture.NO_NEXT, soap12),
                LayoutFixture.withSecondHeader(fixture.x509(soap12).build(), LayoutFixture.next(soap12)),
                LayoutFixture.CLIENT_DN);
    }

    @ParameterizedTest
    @EnumSource(value = HeaderLayout.class)
    void eachLayoutPolicyStillTakesAHeaderForNext(HeaderLayout layout) throws Exception {
        // a strict-conforming order, so the layout itself is no reason to refuse
        byte[] message = io.wssgate.testing.layout.HeaderOrders.reorder(fixture.x509(false).build(),
                layout == HeaderLayout.LAX_TIMESTAMP_LAST ? java.util.List.of("BinarySecurityToken", "Signature", "Timestamp")
                        : java.util.List.of("Timestamp", "BinarySecurityToken", "Signature"));
        exchange.assertAccepted(LayoutFixture.path(layout, false),
                LayoutFixture.addressedTo(message, LayoutFixture.next(false)), LayoutFixture.CLIENT_DN);
    }
}
