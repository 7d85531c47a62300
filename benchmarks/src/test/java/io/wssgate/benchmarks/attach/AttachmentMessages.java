package io.wssgate.benchmarks.attach;

import io.wssgate.testing.TestKeys;
import io.wssgate.testing.mime.MtomMessages;
import io.wssgate.testing.mime.SwaMessages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * The signed requests the attachment benchmarks validate, written once to files by the JVM that
 * starts JMH (signing a 100 MB attachment with WSS4J, as a sender, needs far more heap than the
 * 128 MB the validating JVMs get): for each format (SwA with the Attachment-Content transform,
 * MTOM with the document's base64 signed inside the Body) and size, the package, its
 * Content-Type, the root envelope alone and the attachment alone; and the CA the receivers trust.
 */
public final class AttachmentMessages {
    /** The system property naming the directory, passed to every forked JVM. */
    public static final String DIR_PROPERTY = "wssgate.bench.attachments";
    static final String DOC_ID = "document@wssgate.bench";

    private AttachmentMessages() {
    }

    public static Path dir() {
        String dir = System.getProperty(DIR_PROPERTY);
        if (dir == null) {
            throw new IllegalStateException("-D" + DIR_PROPERTY + " names no directory: run RunAttachments");
        }
        return Path.of(dir);
    }

    /** Sizes in decimal units, as the issue states them. */
    public static long bytes(String size) {
        return switch (size) {
            case "1MB" -> 1_000_000L;
            case "10MB" -> 10_000_000L;
            case "100MB" -> 100_000_000L;
            default -> throw new IllegalArgumentException("unknown size " + size);
        };
    }

    static Path body(Path dir, String format, String size) {
        return dir.resolve(format + "-" + size + ".mime");
    }

    static Path contentType(Path dir, String format, String size) {
        return dir.resolve(format + "-" + size + ".type");
    }

    static Path envelope(Path dir, String format, String size) {
        return dir.resolve(format + "-" + size + ".xml");
    }

    static Path attachment(Path dir, String size) {
        return dir.resolve("document-" + size + ".bin");
    }

    /**
     * Run in a JVM of its own with a large heap (a sender signing 100 MB with WSS4J keeps several
     * copies of it): arguments the directory and the sizes.
     */
    public static void main(String[] args) throws IOException {
        write(Files.createDirectories(Path.of(args[0])), java.util.Arrays.asList(args).subList(1, args.length));
    }

    /** Writes every format at every size (and ca.pem) into {@code dir}. */
    public static void write(Path dir, Iterable<String> sizes) throws IOException {
        TestKeys keys = TestKeys.create();
        TestKeys.Identity client = keys.issue("client");
        TestKeys.writePem(dir.resolve("ca.pem"), keys.ca().certificate());
        for (String size : sizes) {
            byte[] document = new byte[(int) bytes(size)];
            new Random(13).nextBytes(document);
            Files.write(attachment(dir, size), document);
            write(dir, "SWA", size, SwaMessages.signedBy(client).timeToLive(86_400).attach(DOC_ID, "application/octet-stream", document)
                    .build());
            write(dir, "MTOM", size, MtomMessages.signedBy(client).timeToLive(86_400).document(DOC_ID, document).build());
        }
    }

    private static void write(Path dir, String format, String size, SwaMessages.Package pkg) throws IOException {
        Files.write(body(dir, format, size), pkg.body());
        Files.writeString(contentType(dir, format, size), pkg.contentType());
        Files.write(envelope(dir, format, size), pkg.envelope());
    }
}
