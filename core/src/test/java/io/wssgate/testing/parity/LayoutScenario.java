package io.wssgate.testing.parity;

import static io.wssgate.testing.layout.LayoutFixture.addressedTo;
import static io.wssgate.testing.layout.LayoutFixture.next;
import static io.wssgate.testing.layout.LayoutFixture.withSecondHeader;

import io.wssgate.config.HeaderLayout;
import io.wssgate.fault.FaultCode;
import io.wssgate.soap.SoapVersion;
import io.wssgate.testing.attacks.Attack;
import io.wssgate.testing.attacks.Canary;
import io.wssgate.testing.layout.HeaderOrders;
import io.wssgate.testing.layout.LayoutCase;
import io.wssgate.testing.layout.LayoutFixture;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The header-layout matrix and the Security-header actor choices as a {@link Scenario}, so every
 * integration decides them alike. Over HTTP each profile runs in its representative orders
 * (original, reversed, every child moved to either end; core's {@code LayoutMatrixTest} runs all
 * permutations through the same pipeline): to the lax policy in both SOAP versions, genuine and
 * with a tampered Body, and to the enforcing policies in SOAP 1.1.
 */
public final class LayoutScenario implements Scenario {
    private static final List<HeaderLayout> ENFORCED =
            List.of(HeaderLayout.STRICT, HeaderLayout.LAX_TIMESTAMP_FIRST, HeaderLayout.LAX_TIMESTAMP_LAST);

    private final LayoutFixture fixture;
    private final Canary canary;

    private LayoutScenario(LayoutFixture fixture, Canary canary) {
        this.fixture = fixture;
        this.canary = canary;
    }

    public static LayoutScenario create(Path dir) throws IOException {
        return new LayoutScenario(LayoutFixture.create(dir), Canary.start(dir));
    }

    @Override
    public Path config() {
        return fixture.config;
    }

    @Override
    public Map<String, Endpoint> endpoints() {
        Map<String, Endpoint> endpoints = new LinkedHashMap<>();
        endpoints.put(LayoutFixture.LAX, new Endpoint("lax", SoapVersion.SOAP_11));
        endpoints.put(LayoutFixture.LAX_12, new Endpoint("lax", SoapVersion.SOAP_12));
        endpoints.put(LayoutFixture.STRICT, new Endpoint("strict", SoapVersion.SOAP_11));
        endpoints.put(LayoutFixture.TS_FIRST, new Endpoint("ts-first", SoapVersion.SOAP_11));
        endpoints.put(LayoutFixture.TS_LAST, new Endpoint("ts-last", SoapVersion.SOAP_11));
        endpoints.put(LayoutFixture.NO_NEXT, new Endpoint("no-next", SoapVersion.SOAP_11));
        endpoints.put(LayoutFixture.NO_NEXT_12, new Endpoint("no-next", SoapVersion.SOAP_12));
        endpoints.put(LayoutFixture.ACTOR, new Endpoint("actor", SoapVersion.SOAP_11));
        endpoints.put(LayoutFixture.ACTOR_12, new Endpoint("actor", SoapVersion.SOAP_12));
        return endpoints;
    }

    @Override
    public Stream<ParityCase> cases() {
        return Stream.of(lax(false), lax(true), enforced(), actors(false), actors(true)).flatMap(s -> s);
    }

    private Stream<ParityCase> lax(boolean soap12) {
        return fixture.representativeCases(soap12).flatMap(c -> Stream.of(
                decided(c, HeaderLayout.LAX),
                post("Layout / lax, Body tampered / " + c, LayoutFixture.path(HeaderLayout.LAX, soap12), soap12,
                        c::tampered, refused(FaultCode.FAILED_CHECK))));
    }

    private Stream<ParityCase> enforced() {
        return fixture.representativeCases(false).flatMap(c -> ENFORCED.stream().map(layout -> decided(c, layout)));
    }

    /** The genuine message of {@code c} to the policy enforcing {@code layout}, decided as its rules say. */
    private static ParityCase decided(LayoutCase c, HeaderLayout layout) {
        Optional<FaultCode> refusal = c.expectedRefusal(layout);
        return post("Layout / " + layout.key() + " / " + c, LayoutFixture.path(layout, c.soap12()), c.soap12(),
                c::message, refusal.map(LayoutScenario::refused)
                        .orElse(new Expectation.Accepted(c.profile().principal())));
    }

    private Stream<ParityCase> actors(boolean soap12) {
        String v = soap12 ? " (SOAP 1.2)" : "";
        String lax = soap12 ? LayoutFixture.LAX_12 : LayoutFixture.LAX;
        String noNext = soap12 ? LayoutFixture.NO_NEXT_12 : LayoutFixture.NO_NEXT;
        String actor = soap12 ? LayoutFixture.ACTOR_12 : LayoutFixture.ACTOR;
        Expectation client = new Expectation.Accepted(LayoutFixture.CLIENT_DN);
        Supplier<byte[]> plain = () -> fixture.x509(soap12).build();
        Stream<ParityCase> cases = Stream.of(
                post("Actor / by default the only header, addressed to next, is ours" + v, lax, soap12,
                        () -> addressedTo(plain.get(), next(soap12)), client),
                post("Actor / with accept-next off a header for next is not ours" + v, noNext, soap12,
                        () -> addressedTo(plain.get(), next(soap12)), refused(FaultCode.INVALID_SECURITY)),
                post("Actor / with accept-next off the header without actor is ours" + v, noNext, soap12, plain, client),
                post("Actor / a policy's own actor: that header is ours" + v, actor, soap12,
                        () -> addressedTo(plain.get(), LayoutFixture.GATEWAY_ACTOR), client),
                post("Actor / a policy's own actor: a header for next is ours too" + v, actor, soap12,
                        () -> addressedTo(plain.get(), next(soap12)), client),
                post("Actor / a policy's own actor: the header without actor is not ours" + v, actor, soap12, plain,
                        refused(FaultCode.INVALID_SECURITY)),
                post("Actor / two headers that both qualify" + v, lax, soap12,
                        () -> withSecondHeader(plain.get(), next(soap12)), refused(FaultCode.INVALID_SECURITY)),
                post("Actor / a header for another actor beside ours is ignored" + v, lax, soap12,
                        () -> withSecondHeader(plain.get(), "urn:someone:else"), client),
                // the second, mandatory header for next is nobody's here; a SOAP runtime that sees
                // it unprocessed answers MustUnderstand. Metro is told the handler understands every
                // wsse:Security header whatever its actor, so it lets it pass (docs/interoperability.md).
                post("Actor / with accept-next off, a mandatory header for next beside ours" + v, noNext, soap12,
                        () -> withSecondHeader(plain.get(), next(soap12)), client)
                        .except(Integration.SPRING_WS, new Expectation.Refused(Attack.Outcome.runtimeAnswer(500))));
        if (soap12) {
            return cases;
        }
        return Stream.concat(cases, ENFORCED.stream().map(layout -> post(
                "Actor / the " + layout.key() + " policy takes a conforming header for next", LayoutFixture.path(layout,
                        false), false, () -> addressedTo(HeaderOrders.reorder(plain.get(),
                        layout == HeaderLayout.LAX_TIMESTAMP_LAST ? List.of("BinarySecurityToken", "Signature", "Timestamp")
                                : List.of("Timestamp", "BinarySecurityToken", "Signature")), next(false)), client)));
    }

    private static ParityCase post(String name, String path, boolean soap12, Supplier<byte[]> body,
                                   Expectation expected) {
        return ParityCase.post(name, path, LayoutFixture.contentType(soap12), body, expected);
    }

    private static Expectation refused(FaultCode code) {
        return new Expectation.Refused(Attack.Outcome.fault(code));
    }

    @Override
    public Canary canary() {
        return canary;
    }

    @Override
    public void close() throws IOException {
        canary.close();
    }
}
