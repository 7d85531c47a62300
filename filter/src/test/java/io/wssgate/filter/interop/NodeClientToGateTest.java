package io.wssgate.filter.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.fault.FaultCode;
import io.wssgate.filter.interop.NodeGateApp.Service;
import io.wssgate.filter.interop.NodeGateApp.Target;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A WS-Security client that is not built on WSS4J - Node.js with node-soap and xml-crypto - calling
 * WSS Gate's Servlet filter and WSS Gate's Metro endpoint on Jetty 12 over HTTP: signed requests
 * in each header layout the Node stack produces are accepted with the certificate's subject as the
 * principal, a tampered copy of each is refused with {@code wsse:FailedCheck} before the
 * application runs, and node-soap's UsernameToken works as the username-token policy says.
 */
class NodeClientToGateTest {
    static final String RSA_SHA512 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha512";
    static final String SHA512 = "http://www.w3.org/2001/04/xmlenc#sha512";
    static final String RSA_SHA1 = "http://www.w3.org/2000/09/xmldsig#rsa-sha1";
    static final String SHA1 = "http://www.w3.org/2000/09/xmldsig#sha1";
    static final String GENUINE_TEXT = "signed by node-soap, nobody else";

    static NodePeer node;
    static NodeGateApp gate;

    /** How the Node client signs, and the Security header layout that produces. */
    enum Signing {
        /** node-soap's WSSecurityCert as its README shows it: plain {@code Id} attributes. */
        NODE_SOAP_DEFAULTS("cert-library-defaults", "BinarySecurityToken,Timestamp,Signature"),
        /** WSSecurityCert with {@code signerOptions.idMode: 'wssecurity'}: {@code wsu:Id} attributes. */
        NODE_SOAP_WSU_IDS("cert", "BinarySecurityToken,Timestamp,Signature"),
        /** xml-crypto directly, each element prepended as WSS 1.1 section 5 asks: the signature precedes its token. */
        XML_CRYPTO_SIGNATURE_FIRST("signature-first", "Signature,BinarySecurityToken,Timestamp");

        final String profile;
        final String layout;

        Signing(String profile, String layout) {
            this.profile = profile;
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

    static Stream<Arguments> signingsAndTargets() {
        return Arrays.stream(Signing.values())
                .flatMap(s -> Arrays.stream(Target.values()).map(t -> Arguments.of(s, t)));
    }

    @ParameterizedTest(name = "{0} -> {1}: accepted, principal is the certificate subject")
    @MethodSource("signingsAndTargets")
    void signedRequestIsAcceptedWithTheCertificateSubject(Signing signing, Target target) throws Exception {
        int before = target.invocations.get();

        NodeRun run = node.run("call", signed(signing.profile, target.address(gate, Service.X509), "whoami"))
                .assertCompleted();

        assertThat(run.value("request.layout")).as("Security header as node sent it; %s", run).isEqualTo(signing.layout);
        assertThat(run.value("result")).as("%s", run).isEqualTo("principal=" + NodeKeys.CLIENT_DN + ";roles=admin,user");
        assertThat(target.invocations.get()).isEqualTo(before + 1);
    }

    @ParameterizedTest(name = "{0} -> {1}: tampered copy refused, application not invoked")
    @MethodSource("signingsAndTargets")
    void tamperedCopyIsRefusedAndTheApplicationNeverRuns(Signing signing, Target target) throws Exception {
        byte[] genuine = captured(signed(signing.profile, gate.capture(), "echo"));
        String message = new String(genuine, StandardCharsets.UTF_8);
        assertThat(message).contains(GENUINE_TEXT);
        byte[] tampered = message.replace(GENUINE_TEXT, "changed in transit").getBytes(StandardCharsets.UTF_8);
        URI service = target.address(gate, Service.X509);
        int before = target.invocations.get();

        WsSecurityFaults.assertFault(gate.post(service, tampered), FaultCode.FAILED_CHECK);
        assertThat(target.invocations.get()).as("application invocations").isEqualTo(before);

        // the very message node sent, unchanged, is accepted: the refusal was the tampering
        HttpResponse<byte[]> response = gate.post(service, genuine);
        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains(GENUINE_TEXT);
        assertThat(target.invocations.get()).isEqualTo(before + 1);
    }

    @ParameterizedTest(name = "RSA-SHA512 with SHA-512 digests -> {0}: accepted")
    @EnumSource(Target.class)
    void strongerAlgorithmsAreAccepted(Target target) throws Exception {
        Map<String, String> options = signed("cert", target.address(gate, Service.X509), "whoami");
        options.put("signatureAlgorithm", RSA_SHA512);
        options.put("digestAlgorithm", SHA512);

        NodeRun run = node.run("call", options).assertCompleted();

        assertThat(run.value("result")).as("%s", run).isEqualTo("principal=" + NodeKeys.CLIENT_DN + ";roles=admin,user");
    }

    @ParameterizedTest(name = "RSA-SHA1 with SHA-1 digests -> {0}: UnsupportedAlgorithm")
    @EnumSource(Target.class)
    void sha1IsRefused(Target target) throws Exception {
        Map<String, String> options = signed("cert", target.address(gate, Service.X509), "whoami");
        options.put("signatureAlgorithm", RSA_SHA1);
        options.put("digestAlgorithm", SHA1);
        int before = target.invocations.get();

        node.run("call", options).assertFault(FaultCode.UNSUPPORTED_ALGORITHM);

        assertThat(target.invocations.get()).isEqualTo(before);
    }

    @Test
    void soap12RequestToTheFilterIsAccepted() throws Exception {
        Map<String, String> options = signed("cert", Target.FILTER.address(gate, Service.X509), "whoami");
        options.put("soap12", "true");

        NodeRun run = node.run("call", options).assertCompleted();

        assertThat(run.value("result")).as("%s", run).isEqualTo("principal=" + NodeKeys.CLIENT_DN + ";roles=admin,user");
    }

    @ParameterizedTest(name = "UsernameToken PasswordDigest -> {0}: accepted, principal is the user")
    @EnumSource(Target.class)
    void usernameTokenWithDigestIsAccepted(Target target) throws Exception {
        NodeRun run = node.run("call", usernameToken(target, NodeKeys.USER_PASSWORD, "PasswordDigest")).assertCompleted();

        assertThat(run.value("request.layout")).as("%s", run).isEqualTo("Timestamp,UsernameToken");
        assertThat(run.value("result")).as("%s", run).isEqualTo("principal=" + NodeKeys.USER + ";roles=");
    }

    @ParameterizedTest(name = "UsernameToken PasswordText -> {0}: FailedAuthentication (digest required)")
    @EnumSource(Target.class)
    void usernameTokenWithPlainTextPasswordIsRefused(Target target) throws Exception {
        int before = target.invocations.get();

        node.run("call", usernameToken(target, NodeKeys.USER_PASSWORD, "PasswordText"))
                .assertFault(FaultCode.FAILED_AUTHENTICATION);

        assertThat(target.invocations.get()).isEqualTo(before);
    }

    @ParameterizedTest(name = "UsernameToken with a wrong password -> {0}: FailedAuthentication")
    @EnumSource(Target.class)
    void usernameTokenWithWrongPasswordIsRefused(Target target) throws Exception {
        int before = target.invocations.get();

        node.run("call", usernameToken(target, "not-" + NodeKeys.USER_PASSWORD, "PasswordDigest"))
                .assertFault(FaultCode.FAILED_AUTHENTICATION);

        assertThat(target.invocations.get()).isEqualTo(before);
    }

    @ParameterizedTest(name = "UsernameToken signed with Body and Timestamp (WSSecurityPlusCert) -> {0}: accepted")
    @EnumSource(Target.class)
    void signedUsernameTokenIsAccepted(Target target) throws Exception {
        Map<String, String> options = signed("username-cert", target.address(gate, Service.USERNAME_TOKEN_SIGNED), "whoami");
        options.put("username", NodeKeys.USER);
        options.put("password", NodeKeys.USER_PASSWORD);

        NodeRun run = node.run("call", options).assertCompleted();

        assertThat(run.value("request.layout")).as("%s", run)
                .isEqualTo("UsernameToken,BinarySecurityToken,Timestamp,Signature");
        assertThat(run.value("result")).as("%s", run).isEqualTo("principal=" + NodeKeys.USER + ";roles=");
    }

    static Map<String, String> signed(String profile, URI endpoint, String operation) {
        return gate.signedCall(profile, endpoint, operation, GENUINE_TEXT);
    }

    private static Map<String, String> usernameToken(Target target, String password, String passwordType) {
        Map<String, String> options = gate.call(target.address(gate, Service.USERNAME_TOKEN), "whoami", GENUINE_TEXT);
        options.put("security", "username");
        options.put("username", NodeKeys.USER);
        options.put("password", password);
        options.put("passwordType", passwordType);
        return options;
    }

    /** The bytes node-soap sent for this call, recorded by {@link CaptureServlet} before any service saw them. */
    private static byte[] captured(Map<String, String> options) throws Exception {
        CaptureServlet.LAST.set(null);
        NodeRun run = node.run("call", options).assertCompleted();
        assertThat(run.value("result")).as("%s", run).isEqualTo("captured");
        byte[] message = CaptureServlet.LAST.get();
        assertThat(message).as("captured request").isNotNull();
        return message;
    }
}
