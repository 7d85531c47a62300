package io.wssgate.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.examples.keys.ExampleKeys;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The demo as `mvn verify` runs it: every expectation holds and the report names each outcome. */
class DemoTest {

    @Test
    void everyExpectationHoldsAndTheReportNamesEachFaultCode() throws Exception {
        DemoReport report = Demo.run(Path.of(System.getProperty(Demo.WAR_PROPERTY)), ExampleKeys.configuredDirectory());

        assertThat(report.checks()).hasSize(6)
                .allSatisfy(check -> assertThat(check.held()).as(check.title() + ": " + check.lines()).isTrue());
        assertThat(report.allHeld()).isTrue();
        assertThat(report.text())
                .contains("accepted: principal alice, roles [buyer, partner]")
                .contains("accepted: principal " + ExampleKeys.CLIENT_DN + ", roles [partner]")
                .contains("rejected: wsse:FailedCheck", "rejected: wsse:InvalidSecurity ",
                        "rejected: wsse:InvalidSecurityToken")
                .contains("correlation id ", "server log: fault=")
                .contains("All 6 expectations held.");
    }
}
