package io.wssgate.examples.webxml;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A server distribution running as its own process on a loopback port, its console output in
 * {@code console.log} of its directory: what the Tomcat and Jetty distribution tests share once
 * the server is started (waiting for a deployment, addressing it, stopping it).
 */
abstract class ServerProcess implements AutoCloseable {
    private final String name;
    private final Path directory;
    private final int port;
    private final Process process;

    ServerProcess(String name, Path directory, int port, Process process) {
        this.name = name;
        this.directory = directory;
        this.port = port;
        this.process = process;
    }

    /** Waits until {@code path} answers (any status but 404/503), at most {@code timeout}. */
    void awaitDeployed(String path, Duration timeout) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited:\n" + console());
            }
            try {
                int status = http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(5)).GET().build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status != 404 && status != 503) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(path + " not deployed within " + timeout + ":\n" + console());
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    String console() throws IOException {
        Path log = directory.resolve("console.log");
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy(); // SIGTERM: the server's shutdown hook stops the applications
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
