package io.wssgate.benchmarks.e2e;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * One keep-alive HTTP/1.1 connection over a blocking socket: what a load generator on one core
 * can afford. No client library's threads, selector or per-request objects: a request is a small
 * header and the message's bytes (a slice of the memory-mapped pool) in one gathering write, the
 * response is read into one reusable buffer and parsed just enough to check it (status,
 * Content-Length or chunked body).
 */
final class HttpConnection implements AutoCloseable {
    private final SocketChannel channel;
    private final String host;
    private byte[] buffer = new byte[16 * 1024];
    private int filled;

    /** A response: its status and body. */
    record Response(int status, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    HttpConnection(int port) throws IOException {
        this.channel = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        this.host = "127.0.0.1:" + port;
    }

    Response post(String path, ByteBuffer body) throws IOException {
        byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: text/xml; charset=UTF-8\r\n"
                + "SOAPAction: \"\"\r\nContent-Length: " + body.remaining() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        ByteBuffer[] request = {ByteBuffer.wrap(head), body.duplicate()};
        while (request[1].hasRemaining()) {
            channel.write(request);
        }
        return read();
    }

    Response get(String path) throws IOException {
        ByteBuffer request = ByteBuffer.wrap(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        while (request.hasRemaining()) {
            channel.write(request);
        }
        return read();
    }

    private Response read() throws IOException {
        filled = 0;
        int headEnd;
        while ((headEnd = indexOf(buffer, filled, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII))) < 0) {
            fill();
        }
        String head = new String(buffer, 0, headEnd, StandardCharsets.ISO_8859_1);
        int status = Integer.parseInt(head.substring(9, 12));
        String lower = head.toLowerCase(Locale.ROOT);
        int bodyStart = headEnd + 4;
        if (lower.contains("\r\ntransfer-encoding: chunked")) {
            return new Response(status, chunked(bodyStart));
        }
        int length = contentLength(lower);
        while (filled < bodyStart + length) {
            fill();
        }
        return new Response(status, Arrays.copyOfRange(buffer, bodyStart, bodyStart + length));
    }

    private byte[] chunked(int at) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            int lineEnd;
            while ((lineEnd = indexOf(buffer, at, filled, (byte) '\r')) < 0 || lineEnd + 1 >= filled) {
                fill();
            }
            String sizeField = new String(buffer, at, lineEnd - at, StandardCharsets.US_ASCII);
            int size = Integer.parseInt(sizeField.split(";")[0].trim(), 16);
            int dataStart = lineEnd + 2;
            while (filled < dataStart + size + 2) {
                fill();
            }
            if (size == 0) {
                return body.toByteArray(); // no trailers from the servers measured here
            }
            body.write(buffer, dataStart, size);
            at = dataStart + size + 2;
        }
    }

    private static int contentLength(String head) throws IOException {
        int at = head.indexOf("\r\ncontent-length:");
        if (at < 0) {
            throw new IOException("response without Content-Length or chunked body: " + head);
        }
        int end = head.indexOf("\r\n", at + 2);
        return Integer.parseInt(head.substring(at + 17, end < 0 ? head.length() : end).trim());
    }

    private void fill() throws IOException {
        if (filled == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        int n = channel.read(ByteBuffer.wrap(buffer, filled, buffer.length - filled));
        if (n < 0) {
            throw new EOFException("the server closed the connection");
        }
        filled += n;
    }

    private static int indexOf(byte[] data, int limit, byte[] pattern) {
        outer:
        for (int i = 0; i <= limit - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static int indexOf(byte[] data, int from, int limit, byte b) {
        for (int i = from; i < limit; i++) {
            if (data[i] == b) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
