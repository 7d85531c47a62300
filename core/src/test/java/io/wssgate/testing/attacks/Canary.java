package io.wssgate.testing.attacks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Tripwires for attacks that try to make the server reach out: a loopback listener that counts
 * every connection made to it (XXE over http, http: reference URIs, xop:Include, RetrievalMethod)
 * and a local file with a random secret (XXE over file:). A suite asserts after every attack that
 * nobody connected and that the secret never appears in a response.
 */
public final class Canary implements AutoCloseable {
    private final ServerSocket listener;
    private final AtomicInteger connections = new AtomicInteger();
    private final Path secretFile;
    private final String secret;

    private Canary(ServerSocket listener, Path secretFile, String secret) {
        this.listener = listener;
        this.secretFile = secretFile;
        this.secret = secret;
    }

    public static Canary start(Path dir) throws IOException {
        String secret = "CANARY-SECRET-" + UUID.randomUUID();
        Path file = Files.writeString(dir.resolve("canary-secret.txt"), secret);
        ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Canary canary = new Canary(listener, file, secret);
        Thread acceptor = new Thread(canary::accept, "canary-listener");
        acceptor.setDaemon(true);
        acceptor.start();
        return canary;
    }

    private void accept() {
        while (!listener.isClosed()) {
            try (Socket ignored = listener.accept()) {
                // counting is the whole point: any connection means the server fetched something
                connections.incrementAndGet();
            } catch (IOException e) {
                if (!listener.isClosed()) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    /** An http URL on the listener; {@code path} starts with "/". */
    public String httpUrl(String path) {
        return "http://127.0.0.1:" + listener.getLocalPort() + path;
    }

    /** The file: URI of the secret file. */
    public String secretFileUri() {
        return secretFile.toUri().toString();
    }

    public String secret() {
        return secret;
    }

    public int connections() {
        return connections.get();
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
