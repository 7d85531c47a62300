package io.wssgate.outbound;

import static io.wssgate.outbound.OutboundFixture.accepted;
import static io.wssgate.outbound.OutboundFixture.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.InboundOutcome;
import io.wssgate.exchange.ServerExchange;
import io.wssgate.fault.FaultCode;
import io.wssgate.identity.AuthenticatedCaller;
import io.wssgate.identity.ConfirmationMethod;
import io.wssgate.identity.WssPrincipal;
import io.wssgate.soap.Delivery;
import io.wssgate.spi.OutboundContext;
import io.wssgate.testing.TestMessages;
import io.wssgate.testing.mime.Multipart;
import io.wssgate.testing.mime.XopUpload;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MTOM under a SAML-keyed signature, as configured in YAML: a self-issued SAML 2.0 holder-of-key
 * assertion whose proof key signs, and a sender-vouches one the sender signs, each over a Body
 * holding an {@code xop:Include}. The message goes out optimised and the receiving policy accepts
 * the package on its ordinary SAML path; a changed attachment is refused.
 */
class MtomSamlOutboundTest {
    static final byte[] SCAN = "%PDF-1.7 a referral under an XUA assertion".getBytes(StandardCharsets.US_ASCII);
    static OutboundFixture fx;

    @BeforeAll
    static void setUp(@TempDir Path dir) throws Exception {
        fx = new OutboundFixture(dir);
    }

    static byte[] secure(String policy, OutboundContext context) throws Exception {
        byte[] envelope = bytes(fx.policy(policy).secureOutbound(TestMessages.parse(TestMessages.soap11(
                XopUpload.BODY).build()), context.withAttachments(List.of(XopUpload.part(SCAN)))).document());
        assertThat(new String(envelope, StandardCharsets.UTF_8)).as("sent optimised").contains("xop:Include")
                .doesNotContain(Base64.getEncoder().encodeToString(SCAN));
        return envelope;
    }

    static InboundOutcome receive(byte[] envelope, byte[] attachment) throws Exception {
        Multipart mime = XopUpload.sent(envelope, attachment);
        return new ServerExchange(fx.policy("receiver")).receive(new ByteArrayInputStream(mime.bytes()), -1,
                mime.contentType(), Delivery.unknown());
    }

    static WssPrincipal acceptedPrincipal(InboundOutcome outcome) {
        InboundOutcome.Accepted accepted = accepted(outcome);
        accepted.release();
        return accepted.principal();
    }

    static void assertSwappedAttachmentRefused(byte[] envelope) throws Exception {
        byte[] swapped = "%PDF-1.7 another referral, swapped".getBytes(StandardCharsets.US_ASCII);
        assertThat(receive(envelope, swapped)).isInstanceOfSatisfying(InboundOutcome.Rejected.class,
                r -> assertThat(r.code()).isEqualTo(FaultCode.FAILED_CHECK));
    }

    @Test
    void holderOfKeyProofKeySignsTheXopContent() throws Exception {
        byte[] envelope = secure("saml-out", OutboundContext.none());

        WssPrincipal principal = acceptedPrincipal(receive(envelope, SCAN));
        assertThat(principal.name()).isEqualTo("alice");
        assertThat(principal.confirmationMethod()).contains(ConfirmationMethod.HOLDER_OF_KEY);
        assertThat(principal.certificate()).contains(fx.client.certificate());
        assertSwappedAttachmentRefused(envelope);
    }

    @Test
    void senderVouchesSignatureCoversTheXopContent() throws Exception {
        WssPrincipal caller = acceptedPrincipal(receive(secure("saml-out", OutboundContext.none()), SCAN));
        OutboundContext onBehalf = OutboundContext.request(Optional.of(new AuthenticatedCaller(caller,
                Optional.empty(), List.of())));
        byte[] envelope = secure("saml2-for-caller-out", onBehalf);

        WssPrincipal principal = acceptedPrincipal(receive(envelope, SCAN));
        assertThat(principal.name()).isEqualTo("alice");
        assertThat(principal.confirmationMethod()).contains(ConfirmationMethod.SENDER_VOUCHES);
        assertSwappedAttachmentRefused(envelope);
    }
}
