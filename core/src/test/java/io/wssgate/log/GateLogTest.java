package io.wssgate.log;

import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.testing.ChildJvm;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.NOPLoggerFactory;

/** Rejection and start-up lines are never dropped: without an SLF4J provider they go to java.util.logging. */
class GateLogTest {

    @Test
    void withAnSlf4jProviderTheLinesGoToSlf4j() {
        assertThat(GateLog.of("io.wssgate.test.withProvider", LoggerFactory.getILoggerFactory()).usesFallback()).isFalse();
    }

    @Test
    void withoutAProviderTheLinesGoToJavaUtilLogging() {
        Logger jul = Logger.getLogger("io.wssgate.test.fallback");
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        jul.addHandler(capture);
        try {
            GateLog log = GateLog.of("io.wssgate.test.fallback", new NOPLoggerFactory());
            log.warn("WS-Security rejected message [{}] policy={} fault={}: {}", "id-1", "p", "FailedCheck", "reason");

            assertThat(log.usesFallback()).isTrue();
            assertThat(records).anySatisfy(r -> {
                assertThat(r.getLevel()).isEqualTo(Level.WARNING);
                assertThat(r.getMessage()).isEqualTo("WS-Security rejected message [id-1] policy=p fault=FailedCheck: reason");
            });
        } finally {
            jul.removeHandler(capture);
        }
    }

    /** A real application without slf4j-simple (or any provider): the rejection line still reaches the console. */
    @Test
    void anApplicationWithoutAProviderStillSeesItsRejections() throws Exception {
        String output = ChildJvm.run(NoSlf4jProviderMain.class, entry -> entry.contains("slf4j-simple"));

        Matcher id = Pattern.compile("outcome ([0-9a-f-]{36})").matcher(output);
        assertThat(id.find()).as(output).isTrue();
        assertThat(output).contains("no SLF4J provider on the class path")
                .contains("WARNING: WS-Security rejected message [" + id.group(1) + "] policy=lonely fault=InvalidSecurity");
    }
}
