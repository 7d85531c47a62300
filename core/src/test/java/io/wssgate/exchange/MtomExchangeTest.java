package io.wssgate.exchange;

import static io.wssgate.exchange.SwaExchangeTest.CLIENT;
import static io.wssgate.exchange.SwaExchangeTest.accepted;
import static io.wssgate.exchange.SwaExchangeTest.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.InboundOutcome;
import io.wssgate.fault.FaultCode;
import io.wssgate.testing.mime.Multipart;
import io.wssgate.testing.mime.MtomMessages;
import io.wssgate.testing.mime.SwaMessages;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MTOM/XOP through the server exchange: a signature over a Body whose documents travel as
 * attachments (the signed content is their base64, XOP 1.0) is verified by streaming each part
 * into the digest; any change to a part, to an include or to where it points is refused.
 */
class MtomExchangeTest {
    static final byte[] SCAN = randomBytes(200_003);
    static final byte[] REPORT = "%PDF-1.7 discharge report".getBytes(StandardCharsets.US_ASCII);

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        SwaExchangeTest.start(dir);
    }

    @AfterAll
    static void stop() {
        SwaExchangeTest.stop();
    }

    static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        new Random(42).nextBytes(b);
        return b;
    }

    @Test
    void signedXopContentIsAcceptedAndThePackageReachesTheApplicationAsSent() throws Exception {
        SwaMessages.Package pkg = MtomMessages.signedBy(CLIENT).document("scan@test", SCAN)
                .document("report@test", REPORT).build();
        assertThat(pkg.envelopeText()).contains("xop:Include").doesNotContain(
                java.util.Base64.getEncoder().encodeToString(REPORT));
        InboundOutcome.Accepted accepted = accepted("/swa", pkg);
        try (InputStream in = accepted.openApplicationBody()) {
            assertThat(in.readAllBytes()).isEqualTo(pkg.body());
            // the verified document keeps its includes, as the application's MTOM runtime expects
            assertThat(accepted.document().getElementsByTagNameNS(MtomMessages.XOP_NS, "Include").getLength())
                    .isEqualTo(2);
        } finally {
            accepted.release();
        }
    }

    @Test
    void theSigningCertificateMayTravelAsAnAttachmentAsCxfSendsIt() throws Exception {
        SwaMessages.Package pkg = MtomMessages.signedBy(CLIENT).document("report@test", REPORT)
                .certificateAsAttachment().build();
        assertThat(pkg.envelopeText()).contains("cid:certificate@wssgate.test");
        accepted("/swa", pkg).release();
    }

    @Test
    void aCertificatePartNoSignatureUsedIsAnUnsignedPart() throws Exception {
        // the token's part replaced by another (trusted) certificate: not the key that verified
        SwaMessages.Package pkg = MtomMessages.signedBy(CLIENT).document("report@test", REPORT)
                .certificateAsAttachment().build();
        byte[] other = SwaExchangeTest.KEYS.ca().certificate().getEncoded();
        byte[] mine = CLIENT.certificate().getEncoded();
        String body = new String(pkg.body(), StandardCharsets.ISO_8859_1).replace(
                new String(mine, StandardCharsets.ISO_8859_1), new String(other, StandardCharsets.ISO_8859_1));
        assertRejected("/swa", body.getBytes(StandardCharsets.ISO_8859_1), pkg.contentType(), FaultCode.FAILED_CHECK);
    }

    @Test
    void aPartChangedAfterSigning() throws Exception {
        assertRejected("/swa", MtomMessages.signedBy(CLIENT).document("report@test", REPORT)
                .replaceAfterSigning("report@test", "%PDF-1.7 forged report".getBytes(StandardCharsets.US_ASCII))
                .build(), FaultCode.FAILED_CHECK);
    }

    @Test
    void includesPointedAtEachOthersParts() throws Exception {
        assertRejected("/swa", MtomMessages.signedBy(CLIENT).document("scan@test", SCAN).document("report@test", REPORT)
                .editRoot(root -> root.replace("cid:scan@test", "cid:TMP").replace("cid:report@test", "cid:scan@test")
                        .replace("cid:TMP", "cid:report@test")).build(), FaultCode.FAILED_CHECK);
    }

    @Test
    void anIncludePointingAtAPartThatIsNotThere() throws Exception {
        assertRejected("/swa", MtomMessages.signedBy(CLIENT).document("report@test", REPORT)
                .editRoot(root -> root.replace("cid:report@test", "cid:elsewhere@test")).build(),
                FaultCode.INVALID_SECURITY);
    }

    @Test
    void anIncludePointingAtTheRoot() throws Exception {
        assertRejected("/swa", MtomMessages.signedBy(CLIENT).document("report@test", REPORT)
                .editRoot(root -> root.replace("cid:report@test", "cid:root@wssgate.test")).build(),
                FaultCode.INVALID_SECURITY);
    }

    @Test
    void twoIncludesForOnePart() throws Exception {
        assertRejected("/swa", MtomMessages.signedBy(CLIENT).document("scan@test", SCAN).document("report@test", REPORT)
                .editRoot(root -> root.replace("cid:scan@test", "cid:report@test")).build(), FaultCode.INVALID_SECURITY);
    }

    @Test
    void anIncludeNextToOtherContent() throws Exception {
        assertRejected("/swa", MtomMessages.signedBy(CLIENT).document("report@test", REPORT)
                .editRoot(root -> root.replace("<xop:Include", "text<xop:Include")).build(), FaultCode.INVALID_SECURITY);
    }

    @Test
    void anUnsignedExtraPart() throws Exception {
        assertRejected("/swa", MtomMessages.signedBy(CLIENT).document("report@test", REPORT)
                .extraPart("extra@test", "application/pdf", REPORT).build(), FaultCode.FAILED_CHECK);
    }

    @Test
    void xopIncludeInASwaPackageIsNotXop() throws Exception {
        SwaMessages.Package mtom = MtomMessages.signedBy(CLIENT).document("report@test", REPORT).build();
        byte[] asSwa = new Multipart().root(mtom.envelope()).attachment("report@test", "application/octet-stream", REPORT)
                .close().bytes();
        assertRejected("/swa", asSwa, new Multipart().contentType(), FaultCode.INVALID_SECURITY);
    }
}
