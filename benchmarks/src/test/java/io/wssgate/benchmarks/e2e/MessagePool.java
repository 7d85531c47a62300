package io.wssgate.benchmarks.e2e;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Request bodies in a file, written before a run and memory-mapped by the load generator, so
 * hundreds of megabytes of pre-signed messages cost it neither heap nor a copy per request: a
 * message is a read-only slice of the mapping, written to the socket as it is. Format: the
 * count, then each message as its length and its bytes.
 */
final class MessagePool {
    private final MappedByteBuffer mapping;
    private final int[] offsets;
    private final int[] lengths;

    private MessagePool(MappedByteBuffer mapping, int[] offsets, int[] lengths) {
        this.mapping = mapping;
        this.offsets = offsets;
        this.lengths = lengths;
    }

    /** Appends messages to a pool file being written. */
    static final class Writer implements AutoCloseable {
        private final Path file;
        private final DataOutputStream out;
        private int count;

        Writer(Path file) throws IOException {
            this.file = file;
            this.out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 20));
            out.writeInt(0); // the count, filled in on close
        }

        void add(List<byte[]> messages) throws IOException {
            for (byte[] message : messages) {
                out.writeInt(message.length);
                out.write(message);
                count++;
            }
        }

        @Override
        public void close() throws IOException {
            out.close();
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.allocate(4).putInt(0, count), 0);
            }
        }
    }

    static MessagePool map(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            if (channel.size() > Integer.MAX_VALUE) {
                throw new IOException(file + " is larger than 2 GB: make the pool smaller");
            }
            MappedByteBuffer mapping = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
            int count = mapping.getInt(0);
            int[] offsets = new int[count];
            int[] lengths = new int[count];
            int at = 4;
            for (int i = 0; i < count; i++) {
                lengths[i] = mapping.getInt(at);
                offsets[i] = at + 4;
                at = offsets[i] + lengths[i];
            }
            return new MessagePool(mapping, offsets, lengths);
        }
    }

    int size() {
        return offsets.length;
    }

    int length(int index) {
        return lengths[index];
    }

    /** Message {@code index} as a buffer of its own (position 0, limit its length). */
    ByteBuffer message(int index) {
        return mapping.slice(offsets[index], lengths[index]);
    }
}
