package io.wssgate.mime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wssgate.config.AttachmentPolicy;
import io.wssgate.fault.SecurityFault;
import io.wssgate.testing.mime.Multipart;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * attachments.memory-budget: a package is held in memory while the policy's budget can hold it,
 * else spooled to a temporary file (also part-way, when a body of unknown length outgrows the
 * budget); either way the checks see, and the application gets back, the very bytes that
 * arrived, and the budget is given back however the package ends.
 */
class PackageMemoryTest {
    static final byte[] ENVELOPE = MimeReaderTest.ENVELOPE;
    static final AttachmentPolicy POLICY = new AttachmentPolicy(true, 3, 2_000_000, 5_000_000, true);

    @TempDir
    Path spoolDir;

    @Test
    void aPackageWithinTheBudgetStaysInMemoryUntilTheApplicationIsDone() throws Exception {
        MemoryBudget budget = new MemoryBudget(1024 * 1024);
        Multipart mime = withAttachment(300_000);
        MimeReader reader = new MimeReader(POLICY, 4096, budget, spoolDir);
        try (MimePackage pkg = reader.read(new ByteArrayInputStream(mime.bytes()), mime.bytes().length,
                mime.contentType())) {
            assertThat(spoolFiles()).isZero();
            assertThat(budget.inUse()).isBetween((long) mime.bytes().length, mime.bytes().length + 64L * 1024);
            assertThat(pkg.content(pkg.attachment("doc@test").orElseThrow()).readAllBytes()).isEqualTo(content(300_000));
            try (InputStream in = pkg.handOver(Optional.empty())) {
                pkg.close(); // the transport is done with the package; the application still reads
                assertThat(budget.inUse()).as("held for the application").isPositive();
                assertThat(in.readAllBytes()).isEqualTo(mime.bytes());
            }
        }
        assertThat(budget.inUse()).isZero();
    }

    @Test
    void aDeclaredPackageLargerThanWhatIsLeftGoesToAFileAndTheBudgetStaysFree() throws Exception {
        MemoryBudget budget = new MemoryBudget(1024 * 1024);
        Multipart small = withAttachment(700_000);
        Multipart large = withAttachment(900_000);
        MimeReader reader = new MimeReader(POLICY, 4096, budget, spoolDir);
        try (MimePackage first = reader.read(new ByteArrayInputStream(small.bytes()), small.bytes().length,
                small.contentType())) {
            long held = budget.inUse();
            assertThat(spoolFiles()).isZero();
            // a second request while the first is in flight: it does not fit in what is left
            try (MimePackage second = reader.read(new ByteArrayInputStream(large.bytes()), large.bytes().length,
                    large.contentType())) {
                assertThat(spoolFiles()).isEqualTo(1);
                assertThat(budget.inUse()).isEqualTo(held);
                assertThat(second.content(second.attachment("doc@test").orElseThrow()).readAllBytes())
                        .isEqualTo(content(900_000));
            }
            assertThat(spoolFiles()).isZero();
        }
        assertThat(budget.inUse()).isZero();
    }

    @Test
    void aBodyOfUnknownLengthMovesToAFileWhenItOutgrowsTheBudget() throws Exception {
        MemoryBudget budget = new MemoryBudget(256 * 1024);
        Multipart mime = withAttachment(1_000_000);
        MimeReader reader = new MimeReader(POLICY, 4096, budget, spoolDir);
        try (MimePackage pkg = reader.read(new ByteArrayInputStream(mime.bytes()), -1, mime.contentType())) {
            assertThat(spoolFiles()).isEqualTo(1);
            assertThat(budget.inUse()).as("what was held in memory went to the file").isZero();
            assertThat(pkg.rootBytes()).isEqualTo(ENVELOPE);
            assertThat(pkg.content(pkg.attachment("doc@test").orElseThrow()).readAllBytes())
                    .isEqualTo(content(1_000_000));
            try (InputStream in = pkg.handOver(Optional.empty())) {
                assertThat(in.readAllBytes()).isEqualTo(mime.bytes());
            }
        }
        assertThat(spoolFiles()).isZero();
    }

    @Test
    void aRefusedPackageGivesItsMemoryBack() throws Exception {
        MemoryBudget budget = new MemoryBudget(1024 * 1024);
        MimeReader reader = new MimeReader(POLICY, 4096, budget, spoolDir);
        byte[] truncated = new Multipart().root(ENVELOPE).attachment("doc@test", "application/octet-stream",
                content(100_000)).bytes();
        String contentType = new Multipart().contentType();
        assertThatThrownBy(() -> reader.read(new ByteArrayInputStream(truncated), truncated.length, contentType))
                .isInstanceOf(SecurityFault.class).hasMessageContaining("close delimiter");
        byte[] tooLarge = withAttachment(100_000).bytes();
        AttachmentPolicy small = new AttachmentPolicy(true, 3, 2_000_000, 50_000, true);
        assertThatThrownBy(() -> new MimeReader(small, 4096, budget, spoolDir).read(new ByteArrayInputStream(tooLarge),
                -1, contentType)).isInstanceOf(SecurityFault.class).hasMessageContaining("max-total-size");
        assertThat(budget.inUse()).isZero();
        assertThat(spoolFiles()).isZero();
    }

    /** The delimiter search and the part reads across the seams of the in-memory chunks, at every offset. */
    @Test
    void delimitersAcrossMemoryChunks() throws Exception {
        MemoryBudget budget = new MemoryBudget(4 * 1024 * 1024);
        MimeReader reader = new MimeReader(POLICY, 4096, budget, spoolDir);
        int prefix = new Multipart().root(ENVELOPE).attachment("doc@test", "application/octet-stream", new byte[0])
                .bytes().length;
        int seam = SpoolWriter.CHUNK;
        for (int shift = -Multipart.BOUNDARY.length() - 6; shift <= 4; shift++) {
            byte[] content = new byte[seam + shift - prefix];
            Arrays.fill(content, (byte) '-');
            Multipart mime = new Multipart().root(ENVELOPE).attachment("doc@test", "application/octet-stream", content)
                    .close();
            try (MimePackage pkg = reader.read(new ByteArrayInputStream(mime.bytes()), mime.bytes().length,
                    mime.contentType())) {
                assertThat(pkg.content(pkg.attachment("doc@test").orElseThrow()).readAllBytes()).isEqualTo(content);
                try (InputStream in = pkg.handOver(Optional.empty())) {
                    assertThat(in.readAllBytes()).isEqualTo(mime.bytes());
                }
            }
        }
        assertThat(spoolFiles()).isZero();
        assertThat(budget.inUse()).isZero();
    }

    /** Released memory serves the next package: nothing that could still read the old one may see it. */
    @Test
    void aReleasedPackageCanNoLongerBeReadOnceItsMemoryServesTheNextOne() throws Exception {
        MemoryBudget budget = new MemoryBudget(1024 * 1024);
        MimeReader reader = new MimeReader(POLICY, 4096, budget, spoolDir);
        Multipart mime = withAttachment(200_000);
        MimePackage first = reader.read(new ByteArrayInputStream(mime.bytes()), mime.bytes().length,
                mime.contentType());
        InputStream stale = first.content(first.attachment("doc@test").orElseThrow());
        first.close();
        assertThatThrownBy(() -> stale.read(new byte[16])).isInstanceOf(IOException.class);

        MimePackage second = reader.read(new ByteArrayInputStream(mime.bytes()), mime.bytes().length,
                mime.contentType());
        InputStream application = second.handOver(Optional.empty());
        second.close();
        byte[] start = application.readNBytes(100);
        application.close();
        assertThat(start).isEqualTo(Arrays.copyOf(mime.bytes(), 100));
        Multipart other = withAttachment(150_000);
        try (MimePackage third = reader.read(new ByteArrayInputStream(other.bytes()), other.bytes().length,
                other.contentType())) {
            // the application's closed stream gives nothing more, least of all the third package's bytes
            assertThatThrownBy(() -> application.read(new byte[16])).isInstanceOf(IOException.class);
            assertThat(third.content(third.attachment("doc@test").orElseThrow()).readAllBytes())
                    .isEqualTo(content(150_000));
        }
        assertThat(budget.inUse()).isZero();
    }

    @Test
    void aBudgetOfZeroSpoolsEveryPackage() throws Exception {
        Multipart mime = withAttachment(10);
        try (MimePackage pkg = new MimeReader(POLICY, 4096, new MemoryBudget(0), spoolDir)
                .read(new ByteArrayInputStream(mime.bytes()), mime.bytes().length, mime.contentType())) {
            assertThat(spoolFiles()).isEqualTo(1);
        }
        assertThat(spoolFiles()).isZero();
    }

    private static Multipart withAttachment(int size) {
        return new Multipart().root(ENVELOPE).attachment("doc@test", "application/octet-stream", content(size)).close();
    }

    /** Random bytes without CR or LF, so no line inside can be a delimiter. */
    private static byte[] content(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\r' || bytes[i] == '\n') {
                bytes[i] = 'x';
            }
        }
        return bytes;
    }

    private long spoolFiles() throws IOException {
        try (Stream<Path> files = Files.list(spoolDir)) {
            return files.filter(f -> f.getFileName().toString().startsWith("wssgate-")).count();
        }
    }
}
