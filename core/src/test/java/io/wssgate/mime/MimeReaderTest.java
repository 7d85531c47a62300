package io.wssgate.mime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wssgate.config.AttachmentPolicy;
import io.wssgate.fault.FaultCode;
import io.wssgate.fault.SecurityFault;
import io.wssgate.testing.mime.Multipart;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MIME reader alone: what it finds in a well-formed package, that the application gets the
 * very bytes back, and each malformed or oversized package refused with InvalidSecurity and a
 * detail naming the problem (the temporary file deleted in every case).
 */
class MimeReaderTest {
    static final byte[] ENVELOPE = ("<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\">"
            + "<soap:Body><a/></soap:Body></soap:Envelope>").getBytes(StandardCharsets.UTF_8);
    static final AttachmentPolicy POLICY = new AttachmentPolicy(true, 3, 1000, 10_000, true);

    static MimePackage read(Multipart mime) throws Exception {
        return read(mime.bytes(), mime.contentType(), POLICY);
    }

    static MimePackage read(byte[] body, String contentType, AttachmentPolicy policy) throws Exception {
        return new MimeReader(policy, 4096).read(new ByteArrayInputStream(body), body.length, contentType);
    }

    static Multipart valid() {
        return new Multipart().root(ENVELOPE).attachment("doc-1@test", "application/pdf", bytes("%PDF-1.7 one"))
                .attachment("doc-2@test", "text/plain", bytes("two\r\nlines")).close();
    }

    @Test
    void findsRootAndAttachmentsAndHandsBackTheVeryBytes() throws Exception {
        Multipart mime = valid();
        try (MimePackage pkg = read(mime)) {
            assertThat(pkg.rootBytes()).isEqualTo(ENVELOPE);
            assertThat(pkg.root().contentId()).contains("root@wssgate.test");
            assertThat(pkg.attachments()).extracting(p -> p.contentId().orElseThrow())
                    .containsExactly("doc-1@test", "doc-2@test");
            assertThat(pkg.attachments().get(0).mediaType()).isEqualTo("application/pdf");
            assertThat(pkg.content(pkg.attachment("doc-2@test").orElseThrow()).readAllBytes())
                    .isEqualTo(bytes("two\r\nlines"));
            assertThat(pkg.handOverLength(Optional.empty())).isEqualTo(mime.bytes().length);
            try (InputStream in = pkg.handOver(Optional.empty())) {
                assertThat(in.readAllBytes()).isEqualTo(mime.bytes());
            }
        }
    }

    @Test
    void decryptedRootReplacesOnlyTheRootContent() throws Exception {
        byte[] decrypted = bytes("<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                + "<soap:Body><plain/></soap:Body></soap:Envelope>");
        Multipart expected = new Multipart().root(decrypted)
                .attachment("doc-1@test", "application/pdf", bytes("%PDF-1.7 one"))
                .attachment("doc-2@test", "text/plain", bytes("two\r\nlines")).close();
        try (MimePackage pkg = read(valid()); InputStream in = pkg.handOver(Optional.of(decrypted))) {
            assertThat(in.readAllBytes()).isEqualTo(expected.bytes());
            assertThat(pkg.handOverLength(Optional.of(decrypted))).isEqualTo(expected.bytes().length);
        }
    }

    @Test
    void markAndResetRereadAnAttachmentFromDisk() throws Exception {
        try (MimePackage pkg = read(valid())) {
            InputStream in = pkg.content(pkg.attachment("doc-1@test").orElseThrow());
            assertThat(in.markSupported()).isTrue();
            in.mark(1);
            assertThat(in.readAllBytes()).isEqualTo(bytes("%PDF-1.7 one"));
            in.reset();
            assertThat(in.readAllBytes()).isEqualTo(bytes("%PDF-1.7 one"));
        }
    }

    @Test
    void rootByStartParameterAndFirstPartWithoutOne() throws Exception {
        Multipart attachmentFirst = new Multipart()
                .attachment("doc-1@test", "application/pdf", bytes("pdf")).root(ENVELOPE).close();
        try (MimePackage pkg = read(attachmentFirst)) {
            assertThat(pkg.rootBytes()).isEqualTo(ENVELOPE);
        }
        Multipart noStart = new Multipart().start(null).root(ENVELOPE)
                .attachment("doc-1@test", "application/pdf", bytes("pdf")).close();
        try (MimePackage pkg = read(noStart)) {
            assertThat(pkg.rootBytes()).isEqualTo(ENVELOPE);
        }
    }

    @Test
    void aLeadingCrlfAndTrailingCrlfAreNoContent() throws Exception {
        // Apache CXF starts its packages with CRLF; Multipart does too, and ends with one
        assertThat(new String(valid().bytes(), StandardCharsets.ISO_8859_1)).startsWith("\r\n--").endsWith("--\r\n");
        try (MimePackage pkg = read(valid())) {
            assertThat(pkg.attachments()).hasSize(2);
        }
    }

    @Test
    void missingStartPart() {
        refused(new Multipart().start("<nobody@test>").root(ENVELOPE).close(), "no part is the start part");
    }

    @Test
    void duplicateContentId() {
        refused(new Multipart().root(ENVELOPE).attachment("doc@test", "text/plain", bytes("a"))
                .attachment("doc@test", "text/plain", bytes("b")).close(), "duplicate Content-ID");
        refused(new Multipart().root(ENVELOPE).attachment("DOC@test", "text/plain", bytes("a"))
                .attachment("doc@test", "text/plain", bytes("b")).close(), "duplicate Content-ID");
    }

    @Test
    void boundaryStringInsideAPart() {
        refused(new Multipart().root(ENVELOPE).attachment("doc@test", "text/plain",
                bytes("before --" + Multipart.BOUNDARY + " after")).close(), "boundary string inside a part");
        // a bare-LF delimiter: lenient parsers split here, so it is refused
        refused(new Multipart().root(ENVELOPE).attachment("doc@test", "text/plain",
                bytes("x\n--" + Multipart.BOUNDARY + "\r\nContent-ID: <hidden@test>\r\n\r\nsmuggled")).close(),
                "boundary string inside a part");
        // the boundary as a line but followed by more than white space
        refused(new Multipart().root(ENVELOPE).attachment("doc@test", "text/plain",
                bytes("x\r\n--" + Multipart.BOUNDARY + "X\r\nmore")).close(), "malformed delimiter line");
    }

    /**
     * Delimiters are searched while the body is spooled, 64 KiB at a time: one that straddles
     * two chunks (at every offset across the seam), or a body that arrives a few bytes per read,
     * must still be found exactly, and so must a boundary string smuggled across the seam.
     */
    @Test
    void delimitersAcrossSpoolChunksAndTrickledBodies() throws Exception {
        AttachmentPolicy policy = new AttachmentPolicy(true, 3, 200_000, 1_000_000, true);
        // where the attachment's content starts
        int prefix = new Multipart().root(ENVELOPE).attachment("doc@test", "application/octet-stream", new byte[0])
                .bytes().length;
        int seam = 64 * 1024;
        for (int shift = -Multipart.BOUNDARY.length() - 6; shift <= 4; shift++) {
            // the attachment's closing CRLF and delimiter start `shift` bytes from the seam
            byte[] content = new byte[seam + shift - prefix];
            java.util.Arrays.fill(content, (byte) '-');
            Multipart mime = new Multipart().root(ENVELOPE).attachment("doc@test", "application/octet-stream", content)
                    .close();
            try (MimePackage pkg = read(mime.bytes(), mime.contentType(), policy)) {
                assertThat(pkg.content(pkg.attachment("doc@test").orElseThrow()).readAllBytes()).isEqualTo(content);
            }
            byte[] smuggled = content.clone();
            byte[] boundary = bytes("--" + Multipart.BOUNDARY);
            System.arraycopy(boundary, 0, smuggled, smuggled.length - boundary.length - 3, boundary.length);
            Multipart bad = new Multipart().root(ENVELOPE).attachment("doc@test", "application/octet-stream", smuggled)
                    .close();
            assertRefused(() -> read(bad.bytes(), bad.contentType(), policy), "boundary string inside a part");
        }
        Multipart mime = valid();
        try (MimePackage pkg = new MimeReader(POLICY, 4096).read(new Trickle(mime.bytes()), -1, mime.contentType())) {
            assertThat(pkg.attachments()).extracting(p -> p.contentId().orElseThrow())
                    .containsExactly("doc-1@test", "doc-2@test");
            assertThat(pkg.rootBytes()).isEqualTo(ENVELOPE);
        }
    }

    /** A network body: at most 3 bytes per read. */
    private static final class Trickle extends ByteArrayInputStream {
        Trickle(byte[] bytes) {
            super(bytes);
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            return super.read(b, off, Math.min(len, 3));
        }
    }

    @Test
    void truncatedPackageWithoutCloseDelimiter() {
        refused(new Multipart().root(ENVELOPE).attachment("doc@test", "text/plain", bytes("a")), "close delimiter");
    }

    @Test
    void textOutsideTheParts() {
        refused(new Multipart().raw("preamble a reader might take for content")
                .root(ENVELOPE).close(), "before the first MIME delimiter");
        refused(new Multipart().root(ENVELOPE).close().raw("epilogue with a <soap:Envelope/>"),
                "after the close MIME delimiter");
        refused(new Multipart().root(ENVELOPE).close().raw("--" + Multipart.BOUNDARY + "\r\n"),
                "after the close delimiter");
    }

    @Test
    void nestedMultipart() {
        refused(new Multipart().root(ENVELOPE).part(List.of("Content-Type: multipart/mixed; boundary=inner",
                "Content-ID: <nested@test>"), bytes("--inner\r\n\r\nx\r\n--inner--")).close(), "nested multipart/mixed");
    }

    @Test
    void partDeclaredSmallAndSentLarge() {
        refused(new Multipart().root(ENVELOPE).part(List.of("Content-Type: application/octet-stream",
                "Content-ID: <doc@test>", "Content-Length: 3"), bytes("much more than three bytes")).close(),
                "Content-Length 3");
    }

    @Test
    void headerTricks() {
        refused(new Multipart().root(ENVELOPE).part(List.of("Content-Type: text/plain; charset=utf-8; charset=utf-16",
                "Content-ID: <doc@test>"), bytes("a")).close(), "repeated parameters");
        refused(new Multipart().root(ENVELOPE).part(List.of("Content-Type: text/plain", "Content-Type: text/xml",
                "Content-ID: <doc@test>"), bytes("a")).close(), "given twice");
        refused(new Multipart().root(ENVELOPE).part(List.of("Content-Type: text/plain; charset=\u00e9",
                "Content-ID: <doc@test>"), bytes("a")).close(), "outside printable ASCII");
        refused(new Multipart().root(ENVELOPE).part(List.of("Content-Type: =?utf-8?B?dGV4dC94bWw=?=",
                "Content-ID: <doc@test>"), bytes("a")).close(), "encoded word");
        refused(new Multipart().root(ENVELOPE).part(List.of("Content-Type: text/plain",
                "Content-Transfer-Encoding: base64", "Content-ID: <doc@test>"), bytes("YQ==")).close(),
                "Content-Transfer-Encoding base64");
        refused(new Multipart().root(ENVELOPE).part(List.of("Content-Type: text/plain"), bytes("a")).close(),
                "without Content-ID");
    }

    @Test
    void rootCharsetAndTypeMustAgreeWithThePackage() {
        refused(new Multipart().type("application/soap+xml").root(ENVELOPE).close(), "type parameter");
        refused(new Multipart().type("application/pdf").part(List.of("Content-Type: application/pdf",
                "Content-ID: <root@wssgate.test>"), bytes("pdf")).close(), "not a SOAP envelope");
    }

    @Test
    void limits() {
        Multipart many = new Multipart().root(ENVELOPE);
        for (int i = 0; i < 4; i++) {
            many.attachment("tiny-" + i + "@test", "text/plain", bytes("x"));
        }
        refused(many.close(), "more than attachments.max-parts 3");
        refused(new Multipart().root(ENVELOPE).attachment("big@test", "application/octet-stream", new byte[1001])
                .close(), "more than attachments.max-part-size 1000");
        Multipart large = new Multipart().root(ENVELOPE).attachment("a@test", "application/octet-stream",
                new byte[1000]);
        for (int i = 0; i < 2; i++) {
            large.attachment("b" + i + "@test", "application/octet-stream", new byte[1000]);
        }
        AttachmentPolicy smallTotal = new AttachmentPolicy(true, 3, 1000, 2500, true);
        assertRefused(() -> read(large.close().bytes(), large.contentType(), smallTotal), "max-total-size");
        byte[] bigRoot = new byte[5000];
        java.util.Arrays.fill(bigRoot, (byte) ' ');
        refused(new Multipart().root(bigRoot).close(), "more than limits.max-message-size");
    }

    @Test
    void onlyMultipartRelatedWithABoundary() {
        Multipart mime = valid();
        assertRefused(() -> read(mime.bytes(), "multipart/mixed; boundary=\"" + Multipart.BOUNDARY + "\"", POLICY),
                "only multipart/related");
        assertRefused(() -> read(mime.bytes(), "multipart/related; type=\"text/xml\"", POLICY), "boundary");
        assertRefused(() -> read(mime.bytes(), mime.contentType() + "; boundary=other", POLICY),
                "malformed Content-Type parameters");
        assertRefused(() -> read(mime.bytes(), mime.contentType(), AttachmentPolicy.disabled()),
                "attachments are not enabled");
    }

    @Test
    void noTemporaryFileIsLeftBehind(@TempDir Path spool) throws Exception {
        MimeReader reader = new MimeReader(POLICY, 4096, MemoryBudget.none(), spool);
        Multipart mime = valid();
        try (MimePackage pkg = reader.read(new ByteArrayInputStream(mime.bytes()), -1, mime.contentType())) {
            assertThat(spoolFiles(spool)).isEqualTo(1);
            if (spool.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                try (Stream<Path> files = Files.list(spool)) {
                    assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                            Files.getPosixFilePermissions(files.findFirst().orElseThrow()))).isEqualTo("rw-------");
                }
            }
        }
        assertThat(spoolFiles(spool)).isZero();
        Multipart truncated = new Multipart().root(ENVELOPE);
        assertRefused(() -> reader.read(new ByteArrayInputStream(truncated.bytes()), -1, truncated.contentType()),
                "close delimiter");
        assertThat(spoolFiles(spool)).isZero();
        try (MimePackage pkg = reader.read(new ByteArrayInputStream(mime.bytes()), -1, mime.contentType());
             InputStream in = pkg.handOver(Optional.empty())) {
            // the stream owns the data now: the file is gone while it is still being read
            assertThat(spoolFiles(spool)).isZero();
            assertThat(in.readAllBytes()).isEqualTo(mime.bytes());
        }
        assertThat(spoolFiles(spool)).isZero();
    }

    private static long spoolFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith("wssgate-mime-")).count();
        }
    }

    private static void refused(Multipart mime, String detail) {
        assertRefused(() -> read(mime), detail);
    }

    interface Reading {
        MimePackage read() throws Exception;
    }

    private static void assertRefused(Reading reading, String detail) {
        assertThatThrownBy(() -> reading.read().close()).isInstanceOfSatisfying(SecurityFault.class, f -> {
            assertThat(f.code()).isEqualTo(FaultCode.INVALID_SECURITY);
            assertThat(f.getMessage()).contains(detail);
        });
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
