package io.wssgate.benchmarks.e2e;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One phase of closed-loop load: {@code concurrency} callers, each on its own keep-alive
 * connection, send the next message of the pool as soon as the previous answer arrived, until
 * the time is up or the phase's share of the pool is used. Every answer must be HTTP 200 with the
 * acknowledgement (and, from a secured server, a named caller); anything else is an error.
 */
final class ClosedLoop {
    private final int port;
    private final String path;
    private final MessagePool pool;
    private final boolean secured;

    /** What one phase did; latencies sorted, in nanoseconds. */
    record Outcome(long requests, long errors, double seconds, long[] latencies, boolean poolUsedUp,
                   String firstError) {
        double percentileMillis(double p) {
            if (latencies.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(p * latencies.length) - 1;
            return latencies[Math.max(0, Math.min(latencies.length - 1, index))] / 1e6;
        }
    }

    ClosedLoop(int port, String path, MessagePool pool, boolean secured) {
        this.port = port;
        this.path = path;
        this.pool = pool;
        this.secured = secured;
    }

    /** Messages {@code [from, to)} of the pool (indices wrap around when the pool is one repeated message). */
    Outcome run(int concurrency, Duration duration, int from, int to) throws Exception {
        AtomicInteger next = new AtomicInteger(from);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong errors = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        List<long[]> latencies = new ArrayList<>();
        int[] counts = new int[concurrency];
        List<Thread> callers = new ArrayList<>();
        List<HttpConnection> connections = new ArrayList<>();
        for (int c = 0; c < concurrency; c++) {
            connections.add(new HttpConnection(port));
        }
        for (int c = 0; c < concurrency; c++) {
            int me = c;
            long[][] mine = {new long[1 << 14]};
            latencies.add(null);
            callers.add(new Thread(() -> {
                HttpConnection connection = connections.get(me);
                int n = 0;
                int i;
                while (!stop.get() && (i = next.getAndIncrement()) < to) {
                    long start = System.nanoTime();
                    String error;
                    try {
                        error = check(connection.post(path, pool.message(i % pool.size())));
                    } catch (IOException e) {
                        error = e.toString();
                        connection = reconnect(connection);
                        connections.set(me, connection);
                    }
                    long took = System.nanoTime() - start;
                    if (error != null) {
                        errors.incrementAndGet();
                        firstError.compareAndSet(null, error);
                        continue;
                    }
                    if (n == mine[0].length) {
                        mine[0] = Arrays.copyOf(mine[0], n * 2);
                    }
                    mine[0][n++] = took;
                }
                counts[me] = n;
                latencies.set(me, mine[0]);
            }, "caller-" + c));
        }
        long start = System.nanoTime();
        callers.forEach(Thread::start);
        long deadline = start + duration.toNanos();
        while (System.nanoTime() < deadline && next.get() < to) {
            Thread.sleep(5);
        }
        stop.set(true);
        for (Thread caller : callers) {
            caller.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        for (HttpConnection connection : connections) {
            connection.close();
        }
        long[] all = new long[Arrays.stream(counts).sum()];
        int at = 0;
        for (int c = 0; c < concurrency; c++) {
            System.arraycopy(latencies.get(c), 0, all, at, counts[c]);
            at += counts[c];
        }
        Arrays.sort(all);
        return new Outcome(all.length, errors.get(), seconds, all, next.get() >= to, firstError.get());
    }

    /** Null when the answer is the expected acknowledgement, else what was wrong with it. */
    private String check(HttpConnection.Response response) {
        String body = response.text();
        boolean acknowledged = response.status() == 200 && body.contains("accepted</")
                && !(secured && body.contains(">anonymous<"));
        if (acknowledged) {
            return null;
        }
        return "HTTP " + response.status() + ": " + body.substring(0, Math.min(400, body.length()));
    }

    private HttpConnection reconnect(HttpConnection broken) {
        try {
            broken.close();
            return new HttpConnection(port);
        } catch (IOException e) {
            throw new IllegalStateException("cannot reconnect to the server: " + e, e);
        }
    }

}
