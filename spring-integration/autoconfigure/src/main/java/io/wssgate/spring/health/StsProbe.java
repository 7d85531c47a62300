package io.wssgate.spring.health;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Whether an STS endpoint accepts TCP connections. A connect, not a WS-Trust call: it needs no
 * credentials, creates no tokens and cannot be mistaken for traffic, and an STS that is down or
 * firewalled off fails it just the same. (Whether the STS then issues tokens is what the
 * client's own errors report.)
 */
final class StsProbe {
    private final Duration timeout;

    StsProbe(Duration timeout) {
        this.timeout = timeout;
    }

    /** Empty when reachable, else why not. */
    Optional<String> problem(URI endpoint) {
        String host = endpoint.getHost();
        if (host == null) {
            return Optional.of("no host in " + endpoint);
        }
        int port = endpoint.getPort() >= 0 ? endpoint.getPort() : "https".equalsIgnoreCase(endpoint.getScheme()) ? 443 : 80;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) Math.max(1, timeout.toMillis()));
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
