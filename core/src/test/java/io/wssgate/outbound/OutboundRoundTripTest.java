package io.wssgate.outbound;

import io.wssgate.spi.OutboundSecurityException;
import io.wssgate.spi.OutboundContext;
import static io.wssgate.outbound.OutboundFixture.accepted;
import static io.wssgate.outbound.OutboundFixture.bytes;
import static io.wssgate.outbound.OutboundFixture.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wssgate.InboundOutcome;
import io.wssgate.identity.ConfirmationMethod;
import io.wssgate.fault.FaultCode;
import io.wssgate.identity.TokenType;
import io.wssgate.identity.WssPrincipal;
import io.wssgate.testing.SamlSpec;
import io.wssgate.testing.TestCrypto;
import io.wssgate.testing.TestMessages;
import io.wssgate.testing.Wss4jVerifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.wss4j.dom.WSConstants;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** What one policy's outbound section produces, validated by another policy and by plain WSS4J. */
class OutboundRoundTripTest {
    static OutboundFixture fx;

    @BeforeAll
    static void setUp(@TempDir Path dir) throws Exception {
        fx = new OutboundFixture(dir);
    }

    @Test
    void timestampAndX509SignatureAreAcceptedByTheReceiverAndByPlainWss4j() throws Exception {
        SecuredMessage secured = fx.policy("x509-out").secureOutbound(request(), OutboundContext.none());
        byte[] message = bytes(secured.document());

        WssPrincipal principal = accepted(fx.policy("receiver").validate(message, "text/xml")).principal();
        assertThat(principal.name()).isEqualTo("CN=client,O=WSS Gate Test,C=DE");
        assertThat(secured.signatureValues()).hasSize(1);

        Wss4jVerifier.Outcome independent = new Wss4jVerifier(TestCrypto.trusting(fx.keys.ca().certificate()), Map.of())
                .process(message);
        assertThat(independent.signedElements(WSConstants.SIGN)).extracting(q -> q.getLocalPart())
                .contains("Body", "Timestamp");
    }

    @Test
    void tamperingWithTheSecuredMessageIsDetected() throws Exception {
        byte[] message = bytes(fx.policy("x509-out").secureOutbound(request(), OutboundContext.none()).document());
        InboundOutcome outcome = fx.policy("receiver").validate(TestMessages.tamperBody(message), "text/xml");
        assertThat(outcome).isInstanceOfSatisfying(InboundOutcome.Rejected.class,
                r -> assertThat(r.code()).isEqualTo(FaultCode.FAILED_CHECK));
    }

    @Test
    void selfIssuedSaml2HolderOfKey() throws Exception {
        byte[] message = bytes(fx.policy("saml-out").secureOutbound(request(), OutboundContext.none()).document());

        WssPrincipal principal = accepted(fx.policy("receiver").validate(message, "text/xml")).principal();
        assertThat(principal.name()).isEqualTo("alice");
        assertThat(principal.tokenType()).isEqualTo(TokenType.SAML_2_0);
        assertThat(principal.confirmationMethod()).contains(ConfirmationMethod.HOLDER_OF_KEY);
        assertThat(principal.issuer()).contains(OutboundFixture.WSC_ISSUER);
        assertThat(principal.roles()).containsExactlyInAnyOrder("admin", "clerk");
        assertThat(principal.certificate()).contains(fx.client.certificate());
    }

    @Test
    void selfIssuedSaml11SenderVouchesTakesTheSubjectFromTheCaller() throws Exception {
        WssPrincipal caller = accepted(fx.policy("receiver").validate(bytes(
                fx.policy("saml-out").secureOutbound(request(), OutboundContext.none()).document()), "text/xml"))
                .principal();
        var context = OutboundContext.request(Optional.of(new io.wssgate.identity.AuthenticatedCaller(caller,
                Optional.empty(), List.of())));
        byte[] message = bytes(fx.policy("saml11-sv-out").secureOutbound(request(), context).document());

        WssPrincipal principal = accepted(fx.policy("receiver").validate(message, "text/xml")).principal();
        assertThat(principal.name()).isEqualTo("alice");
        assertThat(principal.tokenType()).isEqualTo(TokenType.SAML_1_1);
        assertThat(principal.confirmationMethod()).contains(ConfirmationMethod.SENDER_VOUCHES);
    }

    @Test
    void selfIssuedAssertionWithoutAnySubjectIsRefusedNotSent() {
        assertThatThrownBy(() -> fx.policy("saml11-sv-out").secureOutbound(request(), OutboundContext.none()))
                .isInstanceOf(OutboundSecurityException.class).hasMessageContaining("no subject");
    }

    @Test
    void propagatedAssertionReachesTheDownstreamProviderUnchanged() throws Exception {
        byte[] inbound = TestMessages.soap11().timestamp(Duration.ofMinutes(5))
                .saml(SamlSpec.saml2().signedBy(fx.idp).bearer().subject("bob").audienceRestriction(OutboundFixture.AUDIENCE))
                .build();
        var caller = accepted(fx.policy("bearer-receiver").validate(inbound, "text/xml")).caller();
        assertThat(caller.assertion()).isPresent();

        byte[] outbound = bytes(fx.policy("propagate-out").secureOutbound(request(),
                OutboundContext.request(Optional.of(caller))).document());

        WssPrincipal downstream = accepted(fx.policy("bearer-receiver").validate(outbound, "text/xml")).principal();
        assertThat(downstream.name()).isEqualTo("bob");
        assertThat(downstream.tokenId()).isEqualTo(caller.principal().tokenId());
    }

    @Test
    void propagationWithoutAnInboundAssertionIsRefusedNotSent() {
        assertThatThrownBy(() -> fx.policy("propagate-out").secureOutbound(request(), OutboundContext.none()))
                .isInstanceOf(OutboundSecurityException.class).hasMessageContaining("propagated");
    }

    @Test
    void encryptedBodyIsDecryptedByTheRecipient() throws Exception {
        Document doc = TestMessages.parse(TestMessages.soap11("<t:order xmlns:t=\"urn:t\">secret-42</t:order>").build());
        byte[] message = bytes(fx.policy("encrypted-out").secureOutbound(doc, OutboundContext.none()).document());
        assertThat(new String(message, StandardCharsets.UTF_8)).doesNotContain("secret-42").contains("EncryptedData");

        InboundOutcome.Accepted accepted = accepted(fx.policy("receiver").validate(message, "text/xml"));
        assertThat(new String(accepted.body(), StandardCharsets.UTF_8)).contains("secret-42");
        assertThat(accepted.principal().name()).isEqualTo("CN=client,O=WSS Gate Test,C=DE");
    }

    @Test
    void responseConfirmsTheRequestSignaturesAndTheClientChecksIt() throws Exception {
        SecuredMessage request = fx.policy("confirming-client").secureOutbound(request(), OutboundContext.none());
        InboundOutcome.Accepted served = accepted(fx.policy("confirming-server").validate(bytes(request.document()),
                "text/xml"));
        assertThat(served.caller().signatureValues()).hasSize(1);

        byte[] response = bytes(fx.policy("confirming-server").secureOutbound(request(),
                OutboundContext.forResponse(served.caller())).document());

        WssPrincipal server = accepted(fx.policy("confirming-client").validateResponse(response, "text/xml",
                request.signatureValues())).principal();
        assertThat(server.name()).isEqualTo("CN=server,O=WSS Gate Test,C=DE");

        byte[] anotherResponse = bytes(fx.policy("confirming-server").secureOutbound(request(),
                OutboundContext.forResponse(served.caller())).document());
        InboundOutcome otherRequest = fx.policy("confirming-client").validateResponse(anotherResponse, "text/xml",
                List.of(new byte[] {1, 2, 3}));
        assertThat(otherRequest).isInstanceOfSatisfying(InboundOutcome.Rejected.class,
                r -> assertThat(r.code()).isEqualTo(FaultCode.FAILED_CHECK));
    }

    @Test
    void aResponseMayAlsoConfirmTheAssertionsSignatureAsWss4jBasedServersDo() throws Exception {
        // found with Apache CXF: WSS4J confirms every signature it received, the issuer signature
        // of the request's SAML assertion included
        SecuredMessage request = fx.policy("saml-out").secureOutbound(request(), OutboundContext.none());
        assertThat(request.tokenSignatureValues()).as("the assertion's issuer signature").hasSize(1);
        byte[] messageSignature = request.signatureValues().get(0);
        byte[] assertionSignature = request.tokenSignatureValues().get(0);
        WssPrincipal caller = accepted(fx.policy("receiver").validate(bytes(request.document()), "text/xml")).principal();

        byte[] confirmsBoth = confirmingResponse(caller, messageSignature, assertionSignature);
        accepted(fx.policy("confirming-client").validateResponse(confirmsBoth, "text/xml", request.signatureValues(),
                request.tokenSignatureValues()));
        // a confirmation of a value the client never sent is still refused
        assertThat(fx.policy("confirming-client").validateResponse(confirmsBoth, "text/xml", request.signatureValues()))
                .isInstanceOfSatisfying(InboundOutcome.Rejected.class,
                        r -> assertThat(r.code()).isEqualTo(FaultCode.FAILED_CHECK));
        // the assertion's signature repeats while a token is reused, so confirming it alone binds
        // nothing: the message signature must be confirmed
        byte[] confirmsOnlyTheAssertion = confirmingResponse(caller, assertionSignature);
        assertThat(fx.policy("confirming-client").validateResponse(confirmsOnlyTheAssertion, "text/xml",
                request.signatureValues(), request.tokenSignatureValues()))
                .isInstanceOfSatisfying(InboundOutcome.Rejected.class,
                        r -> assertThat(r.code()).isEqualTo(FaultCode.FAILED_CHECK));
    }

    private static byte[] confirmingResponse(WssPrincipal caller, byte[]... confirmedValues) throws Exception {
        var served = new io.wssgate.identity.AuthenticatedCaller(caller, Optional.empty(), List.of(confirmedValues));
        return bytes(fx.policy("confirming-server").secureOutbound(request(), OutboundContext.forResponse(served))
                .document());
    }

    @Test
    void requestsNeverCarrySignatureConfirmationEvenUnderAConfirmingPolicy() throws Exception {
        byte[] request = bytes(fx.policy("confirming-client").secureOutbound(request(), OutboundContext.forRequest())
                .document());
        assertThat(new String(request, StandardCharsets.UTF_8)).doesNotContain("SignatureConfirmation");
        // so a server whose policy does not expect confirmations still accepts it
        accepted(fx.policy("receiver").validate(request, "text/xml"));
    }

    @Test
    void responseWithoutSignatureConfirmationIsRejectedByAClientThatSentSignatures() throws Exception {
        SecuredMessage request = fx.policy("confirming-client").secureOutbound(request(), OutboundContext.none());
        byte[] unconfirmed = bytes(fx.policy("x509-out").secureOutbound(request(), OutboundContext.none()).document());

        InboundOutcome outcome = fx.policy("confirming-client").validateResponse(unconfirmed, "text/xml",
                request.signatureValues());
        assertThat(outcome).isInstanceOfSatisfying(InboundOutcome.Rejected.class,
                r -> assertThat(r.code()).isEqualTo(FaultCode.INVALID_SECURITY));
    }
}
