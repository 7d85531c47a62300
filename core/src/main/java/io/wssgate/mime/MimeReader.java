package io.wssgate.mime;

import io.wssgate.config.AttachmentPolicy;
import io.wssgate.fault.FaultCode;
import io.wssgate.fault.SecurityFault;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Receives a {@code multipart/related} request body (RFC 2046, RFC 2387): spools it within
 * {@code attachments.max-total-size} (in memory while the policy's {@link MemoryBudget} allows,
 * else to one temporary file: {@link SpoolWriter}), then finds its parts and checks them before
 * anything else looks at them.
 *
 * <p>Why not mimepull (Metro's parser, on the class path): WSS Gate must hand the application
 * the very bytes it verified, so the body is kept once, as it arrived, and parts are positions
 * in it; mimepull would keep a second copy of every part. And the point of this reader is to
 * refuse what two MIME parsers could read differently, where mimepull (like most parsers) is
 * lenient: a bare-LF delimiter, the boundary string inside a part, text before the first or
 * after the last delimiter, a missing close delimiter, a duplicate header or Content-ID, a
 * nested multipart, a Content-Length that disagrees, transfer encodings other than identity.
 * Each of these is refused here ({@code wsse:InvalidSecurity}), so the application's parser
 * (mimepull under Metro, the container's under a Servlet) can only find the same parts.
 */
public final class MimeReader {
    /** Part headers beyond this size are refused (real ones are a few hundred bytes). */
    static final int MAX_HEADER_BYTES = 16 * 1024;
    private static final Set<String> IDENTITY_ENCODINGS = Set.of("binary", "8bit", "7bit");
    /** Root media types: SOAP 1.1, SOAP 1.2, and the XOP package of MTOM. */
    static final Set<String> ROOT_TYPES = Set.of("text/xml", "application/soap+xml", "application/xop+xml");

    private final AttachmentPolicy policy;
    private final long maxRootBytes;
    private final MemoryBudget memory;
    /** Where packages beyond the memory budget are spooled; null: the JVM's temporary directory ({@code java.io.tmpdir}). */
    private final Path spoolDirectory;

    /** A reader that spools every package to a file. */
    public MimeReader(AttachmentPolicy policy, long maxRootBytes) {
        this(policy, maxRootBytes, MemoryBudget.none());
    }

    /** {@code memory}: the budget packages are held in (the policy's); beyond it they are spooled to files. */
    public MimeReader(AttachmentPolicy policy, long maxRootBytes, MemoryBudget memory) {
        this(policy, maxRootBytes, memory, null);
    }

    MimeReader(AttachmentPolicy policy, long maxRootBytes, MemoryBudget memory, Path spoolDirectory) {
        this.policy = policy;
        this.maxRootBytes = maxRootBytes;
        this.memory = memory;
        this.spoolDirectory = spoolDirectory;
    }

    /** Whether an HTTP Content-Type announces a MIME package. */
    public static boolean isMultipart(String contentType) {
        return contentType != null && MediaTypes.mediaType(contentType).startsWith("multipart/");
    }

    /**
     * Reads and checks a MIME package from {@code in} ({@code declaredLength}: Content-Length or
     * -1). The caller closes the package.
     */
    public MimePackage read(InputStream in, long declaredLength, String contentType) throws SecurityFault, IOException {
        if (!policy.enabled()) {
            throw malformed("MIME package (" + MediaTypes.mediaType(contentType) + ") but attachments are not enabled");
        }
        if (!"multipart/related".equals(MediaTypes.mediaType(contentType))) {
            throw malformed("only multipart/related packages are accepted, not " + MediaTypes.mediaType(contentType));
        }
        Map<String, String> params = MediaTypes.parameters(contentType)
                .orElseThrow(() -> malformed("malformed Content-Type parameters: " + contentType));
        String boundary = params.get("boundary");
        if (boundary == null || boundary.isEmpty() || boundary.length() > 70 || !isBoundary(boundary)) {
            throw malformed("missing or invalid MIME boundary");
        }
        if (declaredLength > policy.maxTotalBytes()) {
            throw malformed("MIME package of " + declaredLength + " bytes, more than attachments.max-total-size "
                    + policy.maxTotalBytes());
        }
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.US_ASCII);
        Spool spool;
        List<Long> positions;
        try (SpoolWriter writer = new SpoolWriter(memory, declaredLength, spoolDirectory, "wssgate-mime-")) {
            positions = spool(in, writer, delimiter);
            spool = writer.finish();
        }
        // from here the package owns the spool, or parse releases it
        return parse(spool, contentType, params, delimiter, positions);
    }

    /**
     * Reads the body into the spool and finds its delimiters in the same pass, looking at the
     * bytes where the spool keeps them (neither copied nor read again to look for parts); stops
     * at the first byte over {@code max-total-size} and at the first delimiter more than
     * {@code max-parts} allows.
     */
    private List<Long> spool(InputStream in, SpoolWriter writer, byte[] delimiter) throws IOException, SecurityFault {
        DelimiterSearch search = new DelimiterSearch(delimiter, policy.maxParts() + 2, policy.maxParts());
        long total = 0;
        for (int n = writer.append(in); n >= 0; n = writer.append(in)) {
            total += n;
            if (total > policy.maxTotalBytes()) {
                throw malformed("MIME package larger than attachments.max-total-size " + policy.maxTotalBytes());
            }
            search.feed(writer.lastArray(), writer.lastOffset(), n);
        }
        return search.positions();
    }

    private MimePackage parse(Spool spool, String contentType, Map<String, String> params,
                              byte[] delimiter, List<Long> positions) throws IOException, SecurityFault {
        boolean ok = false;
        try {
            List<long[]> bodies = new Delimiters(spool, delimiter).partBodies(positions);
            List<MimePart> parts = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            for (long[] body : bodies) {
                MimePart part = PartHeaders.read(spool, body[0], body[1]);
                if (part.contentId().isPresent() && !ids.add(part.contentId().get().toLowerCase(Locale.ROOT))) {
                    throw malformed("duplicate Content-ID <" + part.contentId().get() + ">");
                }
                parts.add(part);
            }
            MimePart root = root(parts, params);
            List<MimePart> attachments = new ArrayList<>(parts);
            attachments.remove(root);
            for (MimePart attachment : attachments) {
                if (attachment.contentId().isEmpty()) {
                    throw malformed("an attachment without Content-ID");
                }
                if (attachment.contentLength() > policy.maxPartBytes()) {
                    throw malformed("attachment <" + attachment.contentId().get() + "> of " + attachment.contentLength()
                            + " bytes, more than attachments.max-part-size " + policy.maxPartBytes());
                }
            }
            if (root.contentLength() > maxRootBytes) {
                throw malformed("root part of " + root.contentLength() + " bytes, more than limits.max-message-size "
                        + maxRootBytes);
            }
            byte[] rootBytes = new byte[(int) root.contentLength()];
            ByteBuffer target = ByteBuffer.wrap(rootBytes);
            while (target.hasRemaining() && spool.read(target, root.contentOffset() + target.position()) > 0) {
                // read on
            }
            MimePackage mime = new MimePackage(spool, memory, spoolDirectory, contentType, root, rootBytes,
                    attachments);
            ok = true;
            return mime;
        } finally {
            if (!ok) {
                spool.close();
            }
        }
    }

    /** The start part (by the {@code start} parameter, else the first), whose type is the package's {@code type}. */
    private static MimePart root(List<MimePart> parts, Map<String, String> params) throws SecurityFault {
        String start = params.get("start");
        MimePart root;
        if (start == null) {
            root = parts.get(0);
        } else {
            String id = PartHeaders.stripBrackets(start.trim());
            root = parts.stream().filter(p -> p.contentId().map(c -> c.equals(id)).orElse(false)).findFirst()
                    .orElseThrow(() -> malformed("no part is the start part <" + id + ">"));
        }
        String type = params.get("type");
        if (type == null || !type.trim().toLowerCase(Locale.ROOT).equals(root.mediaType())) {
            throw malformed("the package's type parameter " + type + " is not the root part's type " + root.mediaType());
        }
        if (!ROOT_TYPES.contains(root.mediaType())) {
            throw malformed("root part of type " + root.mediaType() + " is not a SOAP envelope or XOP package");
        }
        if ("application/xop+xml".equals(root.mediaType())) {
            // XOP 1.0 / SOAP MTOM: the root says which SOAP media type it packages, and start-info agrees
            String packaged = MediaTypes.parameters(root.contentType()).orElseThrow().get("type");
            if (packaged == null || !Set.of("text/xml", "application/soap+xml").contains(
                    MediaTypes.mediaType(packaged))) {
                throw malformed("an XOP root part without type=\"text/xml\" or \"application/soap+xml\"");
            }
            String startInfo = params.get("start-info");
            if (startInfo != null && !MediaTypes.mediaType(startInfo).equals(MediaTypes.mediaType(packaged))) {
                throw malformed("start-info " + startInfo + " disagrees with the XOP root's type " + packaged);
            }
        }
        return root;
    }

    static String ascii(Spool spool, long position, int length) throws IOException {
        if (length <= 0) {
            return "";
        }
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining() && spool.read(buffer, position + buffer.position()) > 0) {
            // read on
        }
        return new String(buffer.array(), 0, buffer.position(), StandardCharsets.ISO_8859_1);
    }

    /** RFC 2046 bchars, not ending in a space. */
    private static boolean isBoundary(String boundary) {
        if (boundary.endsWith(" ")) {
            return false;
        }
        for (char c : boundary.toCharArray()) {
            boolean ok = c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
                    || "'()+_,-./:=? ".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    static SecurityFault malformed(String detail) {
        return new SecurityFault(FaultCode.INVALID_SECURITY, detail);
    }

    static Optional<String> encodingProblem(String encoding) {
        return IDENTITY_ENCODINGS.contains(encoding.trim().toLowerCase(Locale.ROOT)) ? Optional.empty()
                : Optional.of("Content-Transfer-Encoding " + encoding + " (only binary, 8bit and 7bit are accepted)");
    }
}
