package io.wssgate.mime;

import io.wssgate.fault.SecurityFault;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the parts of a spooled multipart body from where its delimiter ({@code --boundary})
 * occurs ({@link DelimiterSearch}), strictly: every occurrence of the boundary string must be a
 * delimiter line, only white space may surround the parts, and the close delimiter must be there.
 */
final class Delimiters {
    private final Spool spool;
    private final byte[] delimiter;

    Delimiters(Spool spool, byte[] delimiter) {
        this.spool = spool;
        this.delimiter = delimiter;
    }

    /**
     * From the delimiter positions, each part's [start, end) (headers and content): every
     * occurrence of the boundary string must be a delimiter line (after CRLF, followed by
     * optional spaces and CRLF, or by {@code --} for the last); only white space may precede the
     * first and follow the last.
     */
    List<long[]> partBodies(List<Long> positions) throws IOException, SecurityFault {
        int delimiterLength = delimiter.length;
        if (positions.isEmpty()) {
            throw MimeReader.malformed("no MIME delimiter in the body");
        }
        long size = spool.size();
        List<long[]> bodies = new ArrayList<>();
        long partStart = -1;
        for (int k = 0; k < positions.size(); k++) {
            long p = positions.get(k);
            if (p > 0 && !"\r\n".equals(MimeReader.ascii(spool, p - 2, 2))) {
                throw MimeReader.malformed("the boundary string inside a part, or a delimiter not on its own CRLF line");
            }
            if (k == 0 && p > 2 && (p - 2 > 1024 || !MimeReader.ascii(spool, 0, (int) (p - 2)).isBlank())) {
                throw MimeReader.malformed("text before the first MIME delimiter");
            }
            if (k > 0) {
                bodies.add(new long[] {partStart, p - 2});
            }
            long after = p + delimiterLength;
            String tail = MimeReader.ascii(spool, after, (int) Math.min(size - after, 80));
            if (tail.startsWith("--")) {
                if (k != positions.size() - 1) {
                    throw MimeReader.malformed("the boundary string after the close delimiter");
                }
                if (k == 0) {
                    throw MimeReader.malformed("a MIME package without parts");
                }
                String epilogue = MimeReader.ascii(spool, after + 2, (int) Math.min(size - after - 2, 1024));
                if (!epilogue.isBlank() || size - after - 2 > 1024) {
                    throw MimeReader.malformed("text after the close MIME delimiter");
                }
                return bodies;
            }
            int i = 0;
            while (i < tail.length() && (tail.charAt(i) == ' ' || tail.charAt(i) == '\t')) {
                i++;
            }
            if (!tail.startsWith("\r\n", i)) {
                throw MimeReader.malformed("the boundary string inside a part, or a malformed delimiter line");
            }
            partStart = after + i + 2;
        }
        throw MimeReader.malformed("MIME package without its close delimiter (truncated)");
    }
}
