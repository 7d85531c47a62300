package io.wssgate.jaxws.layout;

import io.wssgate.config.HeaderLayout;
import io.wssgate.fault.FaultCode;
import io.wssgate.jaxws.MetroWebApp;
import io.wssgate.testing.TestMessages;
import io.wssgate.testing.layout.LayoutCase;
import io.wssgate.testing.layout.LayoutExchange;
import io.wssgate.testing.layout.LayoutFixture;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The layout matrix and the Security-header actor choices over HTTP to Metro endpoints secured by
 * {@code @WssGateEndpoint} on Jetty 12, SOAP 1.1 and 1.2, with the same YAML and expectations as
 * the filter's {@code FilterLayoutTest}: each profile in its representative orders (the core's
 * {@code LayoutMatrixTest} runs all of them), to the lax policy in both SOAP versions, genuine and
 * with a tampered Body, and to the enforcing policies in SOAP 1.1.
 */
class EndpointLayoutTest {
    private static final String CONFIG_PROPERTY = "wssgate.config";

    @TempDir
    static Path dir;
    static LayoutFixture fixture;
    static MetroWebApp app;
    static LayoutExchange exchange;

    @BeforeAll
    static void start() throws Exception {
        fixture = LayoutFixture.create(dir);
        System.setProperty(CONFIG_PROPERTY, fixture.config.toString());
        try {
            app = MetroWebApp.start(dir, List.of(
                    new MetroWebApp.Endpoint(LayoutFixture.LAX, LaxEndpoint.class),
                    new MetroWebApp.Endpoint(LayoutFixture.LAX_12, LaxSoap12Endpoint.class),
                    new MetroWebApp.Endpoint(LayoutFixture.STRICT, StrictEndpoint.class),
                    new MetroWebApp.Endpoint(LayoutFixture.TS_FIRST, TsFirstEndpoint.class),
                    new MetroWebApp.Endpoint(LayoutFixture.TS_LAST, TsLastEndpoint.class),
                    new MetroWebApp.Endpoint(LayoutFixture.NO_NEXT, NoNextEndpoint.class),
                    new MetroWebApp.Endpoint(LayoutFixture.NO_NEXT_12, NoNextSoap12Endpoint.class),
                    new MetroWebApp.Endpoint(LayoutFixture.ACTOR, ActorEndpoint.class),
                    new MetroWebApp.Endpoint(LayoutFixture.ACTOR_12, ActorSoap12Endpoint.class)));
        } finally {
            System.clearProperty(CONFIG_PROPERTY);
        }
        exchange = new LayoutExchange(app::uri, LayoutEndpoint.INVOCATIONS::get, LayoutEndpoint.PRINCIPALS,
                EndpointLayoutTest::principal);
    }

    @AfterAll
    static void stop() throws Exception {
        app.close();
    }

    /** The endpoint answers "principal=NAME;text=..." in its return element. */
    private static String principal(java.net.http.HttpResponse<byte[]> response) {
        String returned = TestMessages.parse(response.body()).getElementsByTagName("return").item(0).getTextContent();
        return returned.substring("principal=".length(), returned.indexOf(";text="));
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
    }

    /**
     * A documented difference from the Spring-WS interceptor: Metro decides mustUnderstand by
     * header name, and the handler declares wsse:Security understood, so with accept-next off a
     * second header for next beside ours is ignored here (WSS Gate validated its own header)
     * instead of being answered with a MustUnderstand fault.
     */
    @ParameterizedTest(name = "SOAP 1.2: {0}")
    @ValueSource(booleans = {false, true})
    void withAcceptNextOffMetroTakesAHeaderForNextBesideOursAsUnderstood(boolean soap12) throws Exception {
        exchange.assertAccepted(path(LayoutFixture.NO_NEXT, soap12),
                LayoutFixture.withSecondHeader(fixture.x509(soap12).build(), LayoutFixture.next(soap12)),
                LayoutFixture.CLIENT_DN);
    }
}
