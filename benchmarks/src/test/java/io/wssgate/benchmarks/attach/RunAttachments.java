package io.wssgate.benchmarks.attach;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link AttachmentBenchmark}: writes the signed requests (in this JVM, which has the heap
 * for signing them), then measures every system, format and size in forked JVMs limited to
 * {@code -Xmx128m}, with JMH's GC profiler for the bytes allocated per message. Arguments:
 * {@code full} (results in {@code results/jmh-attachments.json}) or {@code smoke} (1 MB and
 * 10 MB, one short iteration, under {@code target/smoke}), and the module directory.
 */
public final class RunAttachments {
    private RunAttachments() {
    }

    public static void main(String[] args) throws Exception {
        boolean full = "full".equals(args[0]);
        Path module = Path.of(args[1]).toAbsolutePath();
        Path results = Files.createDirectories(full ? module.resolve("results") : module.resolve("target/smoke"));
        Path messages = Files.createDirectories(module.resolve("target/attachment-messages"));
        List<String> sizes = full ? List.of("10MB", "100MB") : List.of("1MB", "10MB");
        AttachmentMessages.write(messages, sizes);
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include("io\\.wssgate\\.benchmarks\\.attach\\.AttachmentBenchmark\\..*")
                .param("size", sizes.toArray(String[]::new))
                .forks(1)
                .warmupIterations(full ? 2 : 1).warmupTime(full ? TimeValue.seconds(5) : TimeValue.milliseconds(200))
                .measurementIterations(full ? 5 : 1)
                .measurementTime(full ? TimeValue.seconds(10) : TimeValue.milliseconds(200))
                .addProfiler(GCProfiler.class)
                .jvmArgs("-Xmx128m", "-D" + AttachmentMessages.DIR_PROPERTY + "=" + messages)
                .shouldFailOnError(false)
                .resultFormat(ResultFormatType.JSON).result(results.resolve("jmh-attachments.json").toString());
        for (RunResult result : new Runner(options.build()).run()) {
            var params = result.getParams();
            var primary = result.getPrimaryResult();
            var alloc = result.getSecondaryResults().get("·gc.alloc.rate.norm");
            System.out.printf("%-6s %-5s %-6s %12.2f %s  alloc/op %s%n", params.getParam("system"),
                    params.getParam("format"), params.getParam("size"), primary.getScore(), primary.getScoreUnit(),
                    alloc == null ? "-" : String.format("%.0f B", alloc.getScore()));
        }
    }
}
