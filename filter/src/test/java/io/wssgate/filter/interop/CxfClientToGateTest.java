package io.wssgate.filter.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.fault.FaultCode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Apache CXF 4 clients, secured by CXF's WSS4JOutInterceptor as a CXF user configures it, calling
 * WSS Gate's Servlet filter and WSS Gate's Metro endpoint on Jetty 12: every profile is
 * accepted with the right principal and roles, and a tampered copy of every CXF-produced message
 * is rejected with the right fault before the application runs.
 */
class CxfClientToGateTest {
    static InteropKeys keys;
    static GateApp gate;

    /** Where the CXF client sends: our filter or our Metro endpoint. */
    enum Target {
        FILTER(GateApp::filter, CallerServlet.INVOCATIONS),
        METRO_ENDPOINT(GateApp::metro, MetroEndpoints.INVOCATIONS);

        final BiFunction<GateApp, Profile, URI> address;
        final AtomicInteger invocations;

        Target(BiFunction<GateApp, Profile, URI> address, AtomicInteger invocations) {
            this.address = address;
            this.invocations = invocations;
        }
    }

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        keys = new InteropKeys(dir);
        gate = GateApp.start(dir, keys);
    }

    @AfterAll
    static void stop() throws Exception {
        gate.close();
    }

    static Stream<Arguments> profilesAndTargets() {
        return Arrays.stream(Profile.values())
                .flatMap(p -> Arrays.stream(Target.values()).map(t -> Arguments.of(p, t)));
    }

    @ParameterizedTest(name = "CXF {0} -> {1}: accepted")
    @MethodSource("profilesAndTargets")
    void acceptedWithTheRightPrincipalAndRoles(Profile profile, Target target) throws Exception {
        InteropService port = CxfClients.port(target.address.apply(gate, profile), profile, keys);

        assertThat(port.whoami()).isEqualTo("principal=" + profile.principal() + ";roles=" + profile.roles());
        assertThat(port.echo("a second request, secured anew")).isEqualTo("a second request, secured anew");
    }

    @ParameterizedTest(name = "CXF {0} -> {1}: tampered copy rejected")
    @MethodSource("profilesAndTargets")
    void tamperedCopyIsRejectedAndTheApplicationNeverRuns(Profile profile, Target target) throws Exception {
        InteropService capturing = CxfClients.port(gate.capture(), profile, keys);
        assertThat(capturing.echo(CxfTampering.GENUINE_TEXT)).isEqualTo("captured");
        byte[] tampered = CxfTampering.tamper(profile, CaptureServlet.LAST.get());
        int before = target.invocations.get();

        HttpResponse<byte[]> response = gate.post(target.address.apply(gate, profile), tampered);

        WsSecurityFaults.assertFault(response, FaultCode.FAILED_CHECK);
        assertThat(target.invocations.get()).as("application invocations").isEqualTo(before);
    }
}
