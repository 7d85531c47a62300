package io.wssgate.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/** Runs the command line in this JVM, as {@code java -jar wssgate.jar ARGS} would, and keeps what it wrote. */
final class Cli {
    private Cli() {
    }

    record Result(int status, String out, String err) {
        /** The {@code --json} output as maps and lists (JSON is YAML). */
        @SuppressWarnings("unchecked")
        Map<String, Object> json() {
            return (Map<String, Object>) new Yaml().load(out);
        }

        @Override
        public String toString() {
            return "exit " + status + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = WssGateCli.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(status, out.toString(), err.toString());
    }
}
