package io.wssgate.testing.attacks;

import static io.wssgate.testing.attacks.AttackFixture.BODY;
import static io.wssgate.testing.attacks.AttackFixture.DOCUMENT;
import static io.wssgate.testing.attacks.AttackFixture.SWA;

import io.wssgate.fault.FaultCode;
import io.wssgate.testing.mime.Multipart;
import io.wssgate.testing.mime.MtomMessages;
import io.wssgate.testing.mime.SwaMessages;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Attacks on MIME packages (SOAP with Attachments and MTOM/XOP) against policy "swa": every
 * attachment must be exactly what a trusted signature covered, and a package two MIME parsers
 * could read differently is refused before any cryptography. Malformed packages get
 * InvalidSecurity; an attachment or include that does not match its signature gets FailedCheck.
 */
public final class AttachmentAttacks {
    static final String CATEGORY = "Attachments";
    static final String DOC_ID = "document@wssgate.test";
    static final byte[] OTHER = "%PDF-1.7 a forged document\r\n%%EOF".getBytes(StandardCharsets.US_ASCII);
    static final String SWA_TYPE = new Multipart().contentType();
    static final String MTOM_TYPE = new Multipart().type("application/xop+xml").contentType()
            + "; start-info=\"text/xml\"";

    private AttachmentAttacks() {
    }

    public static List<Attack> all(AttackFixture f) {
        List<Attack> attacks = new ArrayList<>();
        // signatures and coverage
        attacks.add(swa("attachment swapped after signing", FaultCode.FAILED_CHECK,
                () -> f.swa().replaceAfterSigning(DOC_ID, OTHER).build().body()));
        attacks.add(swa("contents of two signed attachments swapped (Content-ID swap)", FaultCode.FAILED_CHECK,
                () -> f.swa().attach("second@wssgate.test", "application/pdf", OTHER)
                        .replaceAfterSigning(DOC_ID, OTHER).replaceAfterSigning("second@wssgate.test", DOCUMENT)
                        .build().body()));
        attacks.add(swa("an unsigned extra part", FaultCode.FAILED_CHECK,
                () -> f.swa().attachUnsigned("extra@wssgate.test", "application/pdf", OTHER).build().body()));
        attacks.add(swa("a part added after signing", FaultCode.FAILED_CHECK,
                () -> f.swa().andThen(m -> m.attachment("added@wssgate.test", "application/pdf", OTHER)).build().body()));
        attacks.add(swa("signature references a missing part", FaultCode.FAILED_CHECK,
                () -> new Multipart().root(f.swa().build().envelope()).close().bytes()));
        attacks.add(swa("attachment reference in a plain SOAP message", FaultCode.INVALID_SECURITY,
                () -> f.swa().build().envelope()).sentAs("POST", AttackFixture.SOAP11_CONTENT_TYPE));
        attacks.add(swa("a signed package sent to a policy without attachments", FaultCode.INVALID_SECURITY,
                () -> f.swa().build().body()).onPath(AttackFixture.X509));
        // SwA encrypted attachments (signed, then encrypted for the server, as WSS4J and CXF do)
        attacks.add(swa("attachment encrypted for another recipient", FaultCode.FAILED_CHECK,
                () -> f.swa().encryptFor(f.otherServer.certificate(), false).build().body()));
        // each part is still decrypted from its own ciphertext, but gets the other's MimeType: the
        // Attachment-Complete signature covers the part's Content-Type
        attacks.add(swa("encrypted attachments with their CipherReferences swapped", FaultCode.FAILED_CHECK,
                () -> f.swa().attach("second@wssgate.test", "text/plain", OTHER).completeTransform()
                        .encryptFor(f.server.certificate(), false).editEnvelope(e -> e
                                .replace(cipherReference(DOC_ID), cipherReference("TMP"))
                                .replace(cipherReference("second@wssgate.test"), cipherReference(DOC_ID))
                                .replace(cipherReference("TMP"), cipherReference("second@wssgate.test")))
                        .build().body()));
        attacks.add(swa("an encrypted attachment no signature covers", FaultCode.FAILED_CHECK,
                () -> f.swa().attachUnsigned("extra@wssgate.test", "application/pdf", OTHER)
                        .encryptFor(f.server.certificate(), false).build().body()));
        attacks.add(swa("an encrypted attachment's ciphertext changed", FaultCode.FAILED_CHECK,
                () -> f.swa().encryptFor(f.server.certificate(), false).replaceAfterSigning(DOC_ID,
                        new byte[64]).build().body()));
        attacks.add(swa("a CipherReference to a missing part", FaultCode.FAILED_CHECK,
                () -> f.swa().encryptFor(f.server.certificate(), false).editEnvelope(e -> e
                        .replace(cipherReference(DOC_ID), cipherReference("nowhere@wssgate.test"))).build().body()));
        attacks.add(swa("an attachment EncryptedData no EncryptedKey lists", FaultCode.UNSUPPORTED_SECURITY_TOKEN,
                () -> f.swa().encryptFor(f.server.certificate(), false).editEnvelope(e -> e
                        .replace("DataReference URI=\"#", "DataReference URI=\"#unlisted-")).build().body()));
        // MIME structure
        attacks.add(swa("Content-ID duplicated", FaultCode.INVALID_SECURITY,
                () -> f.swa().andThen(m -> m.attachment(DOC_ID, "application/pdf", OTHER)).build().body()));
        attacks.add(swa("Content-ID of the root duplicated by an attachment", FaultCode.INVALID_SECURITY,
                () -> f.swa().andThen(m -> m.attachment("root@wssgate.test", "text/xml", OTHER)).build().body()));
        attacks.add(swa("missing start part", FaultCode.INVALID_SECURITY, () -> f.swa().build().body())
                .sentAs("POST", new Multipart().start("<elsewhere@wssgate.test>").contentType()));
        // a delimiter line inside a part's content is a delimiter: it splits the signed part in two
        attacks.add(swa("a MIME boundary line inside a part (a smuggled part)", FaultCode.FAILED_CHECK,
                () -> f.swa().replaceAfterSigning(DOC_ID, ("x\r\n--" + Multipart.BOUNDARY + "\r\nContent-ID: <smuggled@x>"
                        + "\r\n\r\n" + BODY).getBytes(StandardCharsets.US_ASCII)).build().body()));
        attacks.add(swa("the boundary string inside a part's content", FaultCode.INVALID_SECURITY,
                () -> f.swa().replaceAfterSigning(DOC_ID, ("x --" + Multipart.BOUNDARY + " y")
                        .getBytes(StandardCharsets.US_ASCII)).build().body()));
        attacks.add(swa("a bare-LF delimiter inside a part", FaultCode.INVALID_SECURITY,
                () -> f.swa().replaceAfterSigning(DOC_ID, ("x\n--" + Multipart.BOUNDARY + "\n\n" + BODY)
                        .getBytes(StandardCharsets.US_ASCII)).build().body()));
        attacks.add(swa("a huge number of tiny parts", FaultCode.INVALID_SECURITY, () -> {
            SwaMessages m = f.swa();
            for (int i = 0; i < 2000; i++) {
                m.attachUnsigned("tiny-" + i + "@wssgate.test", "text/plain", new byte[] {'x'});
            }
            return m.build().body();
        }));
        attacks.add(swa("a part declared small (Content-Length) and sent large", FaultCode.INVALID_SECURITY,
                () -> f.swa().andThen(m -> m.part(List.of("Content-Type: application/pdf", "Content-Length: 10",
                        "Content-ID: <declared@wssgate.test>"), new byte[100_000])).build().body()));
        attacks.add(swa("a part over attachments.max-part-size", FaultCode.INVALID_SECURITY,
                () -> f.swa().attach("big@wssgate.test", "application/octet-stream", new byte[257 * 1024]).build().body()));
        attacks.add(swa("nested multipart", FaultCode.INVALID_SECURITY,
                () -> f.swa().andThen(m -> m.part(List.of("Content-Type: multipart/related; boundary=inner",
                        "Content-ID: <nested@wssgate.test>"), ("--inner\r\n\r\n" + BODY + "\r\n--inner--")
                        .getBytes(StandardCharsets.US_ASCII))).build().body()));
        attacks.add(swa("package truncated before its close delimiter", FaultCode.INVALID_SECURITY, () -> {
            byte[] whole = f.swa().build().body();
            return java.util.Arrays.copyOf(whole, whole.length - Multipart.BOUNDARY.length() - 8);
        }));
        attacks.add(swa("a second envelope before the first delimiter", FaultCode.INVALID_SECURITY,
                () -> concat(f.x509(SWA).build(), f.swa().build().body())));
        attacks.add(swa("base64 transfer encoding", FaultCode.INVALID_SECURITY,
                () -> new Multipart().root(f.swa().build().envelope()).part(List.of("Content-Type: application/pdf",
                        "Content-Transfer-Encoding: base64", "Content-ID: <" + DOC_ID + ">"),
                        java.util.Base64.getEncoder().encode(DOCUMENT)).close().bytes()));
        // charset tricks in part headers
        attacks.add(swa("root part charset disagreeing with the envelope's encoding", FaultCode.INVALID_SECURITY,
                () -> replaceHeader(f.swa().build().body(), "Content-Type: text/xml; charset=UTF-8",
                        "Content-Type: text/xml; charset=UTF-16")));
        attacks.add(swa("charset parameter given twice in a part", FaultCode.INVALID_SECURITY,
                () -> replaceHeader(f.swa().build().body(), "Content-Type: text/xml; charset=UTF-8",
                        "Content-Type: text/xml; charset=UTF-8; charset=UTF-16")));
        attacks.add(swa("an encoded-word part header", FaultCode.INVALID_SECURITY,
                () -> replaceHeader(f.swa().build().body(), "Content-Type: application/pdf",
                        "Content-Type: =?UTF-8?B?dGV4dC94bWw=?=")));
        attacks.add(swa("a non-ASCII byte in a part header", FaultCode.INVALID_SECURITY,
                () -> replaceHeader(f.swa().build().body(), "Content-Type: application/pdf",
                        "Content-Type: application/pdf; name=\u00e9")));
        attacks.add(swa("a Content-Type header given twice in a part", FaultCode.INVALID_SECURITY,
                () -> replaceHeader(f.swa().build().body(), "Content-Type: application/pdf",
                        "Content-Type: application/pdf\r\nContent-Type: text/xml")));
        // MTOM / XOP
        attacks.add(mtom("XOP part changed after signing", FaultCode.FAILED_CHECK,
                () -> mtom(f).replaceAfterSigning(DOC_ID, OTHER).build().body()));
        attacks.add(mtom("XOP includes pointing at each other's parts", FaultCode.FAILED_CHECK,
                () -> mtom(f).document("second@wssgate.test", OTHER).editRoot(root -> root
                        .replace("cid:" + DOC_ID, "cid:TMP").replace("cid:second@wssgate.test", "cid:" + DOC_ID)
                        .replace("cid:TMP", "cid:second@wssgate.test")).build().body()));
        attacks.add(mtom("XOP include pointing at the root part", FaultCode.INVALID_SECURITY,
                () -> mtom(f).editRoot(root -> root.replace("cid:" + DOC_ID, "cid:root@wssgate.test")).build().body()));
        attacks.add(mtom("XOP include pointing at a missing part", FaultCode.INVALID_SECURITY,
                () -> mtom(f).editRoot(root -> root.replace("cid:" + DOC_ID, "cid:missing@wssgate.test")).build().body()));
        attacks.add(mtom("an unsigned extra part next to XOP content", FaultCode.FAILED_CHECK,
                () -> mtom(f).extraPart("extra@wssgate.test", "application/pdf", OTHER).build().body()));
        attacks.add(swa("xop:Include in a SwA (not XOP) package", FaultCode.INVALID_SECURITY,
                () -> new Multipart().root(mtom(f).build().envelope()).attachment(DOC_ID, "application/octet-stream",
                        DOCUMENT).close().bytes()));
        return attacks;
    }

    private static String cipherReference(String contentId) {
        return "CipherReference URI=\"cid:" + contentId + "\"";
    }

    private static MtomMessages mtom(AttackFixture f) {
        return MtomMessages.signedBy(f.client).document(DOC_ID, DOCUMENT);
    }

    private static Attack swa(String name, FaultCode code, Supplier<byte[]> body) {
        return Attack.post(CATEGORY, name, SWA, body, code).sentAs("POST", SWA_TYPE);
    }

    private static Attack mtom(String name, FaultCode code, Supplier<byte[]> body) {
        return Attack.post(CATEGORY, name, SWA, body, code).sentAs("POST", MTOM_TYPE);
    }

    private static byte[] replaceHeader(byte[] body, String header, String replacement) {
        String text = new String(body, StandardCharsets.ISO_8859_1);
        if (!text.contains(header)) {
            throw new IllegalStateException("no header " + header);
        }
        return text.replaceFirst(java.util.regex.Pattern.quote(header),
                java.util.regex.Matcher.quoteReplacement(replacement)).getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
