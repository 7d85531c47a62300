package io.wssgate.benchmarks.http;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bounded closed-loop load: {@code threads} callers each make one call after another until
 * the duration is over or {@code maxCalls} calls were made, whichever is first. Each caller
 * records its latencies and its own CPU time.
 */
final class LoadRun {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final int MAX_LATENCIES_PER_THREAD = 500_000;

    /** One request; throws if it was not answered as a valid request. */
    interface Call {
        void run() throws Exception;
    }

    record Result(long calls, long errors, double seconds, long callerCpuNanos, long[] sortedLatencies) {
        double perSecond() {
            return calls / seconds;
        }

        double latencyMillis(double percentile) {
            if (sortedLatencies.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.min(sortedLatencies.length - 1, Math.ceil(percentile * sortedLatencies.length) - 1);
            return sortedLatencies[Math.max(0, index)] / 1e6;
        }
    }

    private LoadRun() {
    }

    static Result run(String name, int threads, Duration duration, long maxCalls, Call call) throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong calls = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong cpu = new AtomicLong();
        List<long[]> latencies = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        long[] counts = new long[threads];
        for (int t = 0; t < threads; t++) {
            long[] mine = new long[MAX_LATENCIES_PER_THREAD];
            latencies.add(mine);
            int index = t;
            workers.add(new Thread(() -> {
                long cpuStart = THREADS.getCurrentThreadCpuTime();
                int n = 0;
                while (!stop.get() && calls.incrementAndGet() <= maxCalls) {
                    long start = System.nanoTime();
                    try {
                        call.run();
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    if (n < mine.length) {
                        mine[n++] = System.nanoTime() - start;
                    }
                }
                counts[index] = n;
                cpu.addAndGet(THREADS.getCurrentThreadCpuTime() - cpuStart);
            }, name + "-" + t));
        }
        long start = System.nanoTime();
        workers.forEach(Thread::start);
        long deadline = start + duration.toNanos();
        while (System.nanoTime() < deadline && calls.get() < maxCalls) {
            Thread.sleep(10);
        }
        stop.set(true);
        for (Thread worker : workers) {
            worker.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] all = new long[(int) Arrays.stream(counts).sum()];
        int at = 0;
        for (int t = 0; t < threads; t++) {
            System.arraycopy(latencies.get(t), 0, all, at, (int) counts[t]);
            at += (int) counts[t];
        }
        Arrays.sort(all);
        return new Result(all.length, errors.get(), seconds, cpu.get(), all);
    }
}
