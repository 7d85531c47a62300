package io.wssgate.filter.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.fault.FaultCode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One finished run of the Node peer: its exit code and the {@code key=value} lines it printed
 * ({@code peer.js} documents the keys). Assertions name the whole run, node's stderr included.
 */
record NodeRun(int exitCode, Map<String, String> values, String stdout, String stderr) {
    /** peer.js: the response was refused by its checks. */
    static final int REFUSED = 3;

    static Map<String, String> parse(String stdout) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : stdout.split("\\R")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                values.put(line.substring(0, eq), line.substring(eq + 1).replace("\\n", "\n").replace("\\\\", "\\"));
            }
        }
        return values;
    }

    String value(String key) {
        return values.get(key);
    }

    /** Exit code 0 and no SOAP fault; returns this for further assertions. */
    NodeRun assertCompleted() {
        assertThat(exitCode).as("exit code of node; %s", this).isZero();
        assertThat(values).as("node saw no SOAP fault; %s", this).doesNotContainKey("fault.code");
        return this;
    }

    /** The service answered with this WS-Security fault (and node reported it as a result). */
    NodeRun assertFault(FaultCode code) {
        assertThat(exitCode).as("exit code of node; %s", this).isZero();
        assertThat(value("http.status")).as("HTTP status; %s", this).isEqualTo("500");
        assertThat(value("fault.code")).as("fault code; %s", this).isEqualTo("{" + FaultCode.WSSE_NS + "}" + code.localName());
        return this;
    }

    @Override
    public String toString() {
        return "node exit " + exitCode + "\n--- stdout ---\n" + stdout + "--- stderr ---\n" + stderr;
    }
}
