package io.wssgate.mime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wssgate.fault.SecurityFault;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The delimiter search fed the body in blocks of any size, as the spool receives it: it finds
 * exactly the occurrences a byte-by-byte scan of the whole body finds (overlapping ones and
 * those straddling any number of blocks included), each once.
 */
class DelimiterSearchTest {
    private static final byte[] DELIMITER = "--=_aa-a".getBytes(StandardCharsets.US_ASCII);

    @Test
    void findsWhatAByteByByteScanFindsWhateverTheBlocks() throws Exception {
        Random random = new Random(42);
        for (int round = 0; round < 2000; round++) {
            byte[] body = body(random, 1 + random.nextInt(3000));
            List<Long> expected = naive(body);
            DelimiterSearch search = new DelimiterSearch(DELIMITER, Integer.MAX_VALUE, 1);
            int maxBlock = random.nextBoolean() ? 1 + random.nextInt(12) : 1 + random.nextInt(2000);
            // each block handed over inside a larger array, as the spool's chunks are
            for (int at = 0; at < body.length; ) {
                int n = Math.min(body.length - at, 1 + random.nextInt(maxBlock));
                int offset = random.nextInt(5);
                byte[] array = new byte[offset + n + random.nextInt(5)];
                random.nextBytes(array);
                System.arraycopy(body, at, array, offset, n);
                search.feed(array, offset, n);
                at += n;
            }
            assertThat(search.positions()).as("round %d", round).isEqualTo(expected);
        }
    }

    @Test
    void oneOccurrenceMoreThanAllowedIsRefusedAtOnce() throws Exception {
        byte[] body = ("x" + new String(DELIMITER, StandardCharsets.US_ASCII)).repeat(4)
                .getBytes(StandardCharsets.US_ASCII);
        DelimiterSearch search = new DelimiterSearch(DELIMITER, 3, 1);
        assertThatThrownBy(() -> {
            for (byte b : body) {
                search.feed(new byte[] {b}, 0, 1);
            }
        }).isInstanceOf(SecurityFault.class).hasMessageContaining("more than attachments.max-parts 1");
    }

    /** Bytes mostly from the delimiter's own alphabet, with whole delimiters planted: many near misses and overlaps. */
    private static byte[] body(Random random, int length) {
        byte[] alphabet = "-=_axb\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] body = new byte[length];
        for (int i = 0; i < length; i++) {
            body[i] = alphabet[random.nextInt(alphabet.length)];
        }
        for (int k = random.nextInt(4); k > 0 && length > DELIMITER.length; k--) {
            System.arraycopy(DELIMITER, 0, body, random.nextInt(length - DELIMITER.length + 1), DELIMITER.length);
        }
        return body;
    }

    private static List<Long> naive(byte[] body) {
        List<Long> found = new ArrayList<>();
        outer:
        for (int i = 0; i + DELIMITER.length <= body.length; i++) {
            for (int j = 0; j < DELIMITER.length; j++) {
                if (body[i + j] != DELIMITER[j]) {
                    continue outer;
                }
            }
            found.add((long) i);
        }
        return found;
    }
}
