package io.wssgate.mime;

import io.wssgate.fault.SecurityFault;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds every occurrence of a package's delimiter ({@code --boundary}) in the body while it is
 * being spooled, chunk by chunk, so the spool file is never read again to look for parts. The
 * search is Boyer-Moore-Horspool: on attachment bytes (which rarely hold the delimiter's last
 * byte next to its other bytes) it looks at about one byte in {@code delimiter.length}, where a
 * byte-by-byte scan looked at all of them (that scan, a second pass over the file, was most of
 * the time a 10 MB package took to read). It finds every occurrence, overlapping ones included,
 * exactly as a byte-by-byte scan would: the checks that each one is a proper delimiter line come
 * after ({@link Delimiters}).
 */
final class DelimiterSearch {
    private final byte[] delimiter;
    /** Horspool's shift: how far the delimiter may move when a byte ends the window. */
    private final int[] shift = new int[256];
    private final int allowed;
    private final int maxParts;
    private final List<Long> positions = new ArrayList<>();

    /**
     * {@code allowed}: how many occurrences a package may hold (root, {@code maxParts}
     * attachments, close delimiter); one more is refused at once.
     */
    DelimiterSearch(byte[] delimiter, int allowed, int maxParts) {
        this.delimiter = delimiter.clone();
        this.allowed = allowed;
        this.maxParts = maxParts;
        int last = delimiter.length - 1;
        java.util.Arrays.fill(shift, delimiter.length);
        for (int i = 0; i < last; i++) {
            shift[delimiter[i] & 0xFF] = last - i;
        }
    }

    /** Bytes a caller keeps from the end of one chunk to put before the next: a delimiter may straddle them. */
    int overlap() {
        return delimiter.length - 1;
    }

    /**
     * Searches {@code window[0, filled)}, which starts at body offset {@code base}. The caller
     * then carries the last {@link #overlap()} bytes (the start of any occurrence not wholly in
     * this window) to the front of the next window: an occurrence is found once, in the window
     * that holds all of it.
     */
    void search(byte[] window, int filled, long base) throws SecurityFault {
        int last = delimiter.length - 1;
        byte end = delimiter[last];
        for (int i = 0; i + last < filled; i += shift[window[i + last] & 0xFF]) {
            if (window[i + last] == end && matches(window, i)) {
                positions.add(base + i);
                if (positions.size() > allowed) {
                    throw MimeReader.malformed("more than attachments.max-parts " + maxParts + " parts");
                }
            }
        }
    }

    private boolean matches(byte[] window, int at) {
        for (int j = 0; j < delimiter.length - 1; j++) {
            if (window[at + j] != delimiter[j]) {
                return false;
            }
        }
        return true;
    }

    /** Where the delimiter occurs in the body, in order. */
    List<Long> positions() {
        return List.copyOf(positions);
    }
}
