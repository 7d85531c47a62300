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
        Shared shared = new Shared(new AtomicInteger(from), to);
        List<Caller> callers = new ArrayList<>();
        for (int c = 0; c < concurrency; c++) {
            callers.add(new Caller(new HttpConnection(port), shared));
        }
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < concurrency; c++) {
            threads.add(new Thread(callers.get(c), "caller-" + c));
        }
        long start = System.nanoTime();
        threads.forEach(Thread::start);
        long deadline = start + duration.toNanos();
        while (System.nanoTime() < deadline && shared.next.get() < to) {
            Thread.sleep(5);
        }
        shared.stop.set(true);
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] all = new long[callers.stream().mapToInt(c -> c.count).sum()];
        int at = 0;
        for (Caller caller : callers) {
            if (caller.connection != null) {
                caller.connection.close();
            }
            System.arraycopy(caller.latencies, 0, all, at, caller.count);
            at += caller.count;
        }
        Arrays.sort(all);
        return new Outcome(all.length, shared.errors.get(), seconds, all, shared.next.get() >= to,
                shared.firstError.get());
    }

    /** What the callers of one phase share: the next message, the end of their share, the errors. */
    private record Shared(AtomicInteger next, int to, AtomicBoolean stop, AtomicLong errors,
                          AtomicReference<String> firstError) {
        Shared(AtomicInteger next, int to) {
            this(next, to, new AtomicBoolean(), new AtomicLong(), new AtomicReference<>());
        }
    }

    /** One caller: its connection and the latencies of its acknowledged requests (read after it ended). */
    private final class Caller implements Runnable {
        private HttpConnection connection;
        private final Shared shared;
        private long[] latencies = new long[1 << 14];
        private int count;

        Caller(HttpConnection connection, Shared shared) {
            this.connection = connection;
            this.shared = shared;
        }

        @Override
        public void run() {
            int i;
            while (!shared.stop.get() && (i = shared.next.getAndIncrement()) < shared.to) {
                long start = System.nanoTime();
                String error;
                try {
                    error = check(connection.post(path, pool.message(i % pool.size())));
                } catch (IOException | RuntimeException e) {
                    error = e.toString();
                    connection = reconnect(connection); // null when the server is gone
                }
                long took = System.nanoTime() - start;
                if (error != null) {
                    shared.errors.incrementAndGet();
                    shared.firstError.compareAndSet(null, error);
                    if (connection == null) {
                        return;
                    }
                } else {
                    if (count == latencies.length) {
                        latencies = Arrays.copyOf(latencies, count * 2);
                    }
                    latencies[count++] = took;
                }
            }
        }
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
            return null;
        }
    }
}
