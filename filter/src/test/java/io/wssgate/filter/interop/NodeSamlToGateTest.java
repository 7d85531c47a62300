package io.wssgate.filter.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.fault.FaultCode;
import io.wssgate.filter.interop.NodeGateApp.Service;
import io.wssgate.filter.interop.NodeGateApp.Target;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SAML 2.0 from the Node peer: node-soap has no SAML support, so the assertion is written as XML
 * and signed with xml-crypto the way an IdP signs it (lib/saml.js), then sent with node-soap -
 * holder-of-key and sender-vouches in WSSecurityCert's Security header (after the certificate and
 * Timestamp, before the signature), bearer with a Timestamp only. WSS Gate's filter and Metro
 * endpoint accept each with the assertion's subject and roles, and refuse a copy whose subject was
 * changed after the IdP signed it, without running the application.
 */
class NodeSamlToGateTest {
    static final String SUBJECT = "alice";

    static NodePeer node;
    static NodeGateApp gate;

    /** The confirmation methods, each with the policy that accepts it and the header node sends. */
    enum Confirmation {
        HOLDER_OF_KEY("saml-holder-of-key", Service.SAML, "BinarySecurityToken,Timestamp,Assertion,Signature"),
        SENDER_VOUCHES("saml-sender-vouches", Service.SAML, "BinarySecurityToken,Timestamp,Assertion,Signature"),
        BEARER("saml-bearer", Service.SAML_BEARER, "Timestamp,Assertion");

        final String profile;
        final Service service;
        final String layout;

        Confirmation(String profile, Service service, String layout) {
            this.profile = profile;
            this.service = service;
            this.layout = layout;
        }
    }

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        node = NodePeer.ready();
        gate = NodeGateApp.start(dir);
    }

    @AfterAll
    static void stop() throws Exception {
        if (gate != null) {
            gate.close();
        }
    }

    static Stream<Arguments> confirmationsAndTargets() {
        return Arrays.stream(Confirmation.values())
                .flatMap(c -> Arrays.stream(Target.values()).map(t -> Arguments.of(c, t)));
    }

    @ParameterizedTest(name = "SAML 2.0 {0} -> {1}: accepted with the assertion's subject and roles")
    @MethodSource("confirmationsAndTargets")
    void assertionIsAccepted(Confirmation confirmation, Target target) throws Exception {
        int before = target.invocations.get();

        NodeRun run = node.run("call", gate.samlCall(confirmation.profile, target.address(gate, confirmation.service),
                "whoami", "", SUBJECT)).assertCompleted();

        assertThat(run.value("request.layout")).as("%s", run).isEqualTo(confirmation.layout);
        assertThat(run.value("result")).as("%s", run).isEqualTo("principal=" + SUBJECT + ";roles=admin,clerk");
        assertThat(target.invocations.get()).isEqualTo(before + 1);
    }

    @ParameterizedTest(name = "SAML 2.0 {0} -> {1}: subject changed after signing, FailedCheck")
    @MethodSource("confirmationsAndTargets")
    void assertionWithAChangedSubjectIsRefused(Confirmation confirmation, Target target) throws Exception {
        CaptureServlet.LAST.set(null);
        NodeRun captured = node.run("call", gate.samlCall(confirmation.profile, gate.capture(), "echo", "hello",
                SUBJECT)).assertCompleted();
        assertThat(captured.value("result")).as("%s", captured).isEqualTo("captured");
        String genuine = new String(CaptureServlet.LAST.get(), StandardCharsets.UTF_8);
        assertThat(genuine).contains(">" + SUBJECT + "</saml2:NameID>");
        byte[] tampered = genuine.replace(">" + SUBJECT + "</saml2:NameID>", ">mallory</saml2:NameID>")
                .getBytes(StandardCharsets.UTF_8);
        int before = target.invocations.get();

        WsSecurityFaults.assertFault(gate.post(target.address(gate, confirmation.service), tampered), FaultCode.FAILED_CHECK);

        assertThat(target.invocations.get()).as("application invocations").isEqualTo(before);
    }
}
