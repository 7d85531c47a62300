package io.wssgate.spring.parity;

import io.wssgate.testing.parity.GateUnderTest;
import io.wssgate.testing.parity.Integration;
import io.wssgate.testing.parity.ParitySuite;
import io.wssgate.testing.parity.Scenario;
import java.nio.file.Path;

/**
 * Every attack of every catalogue, sent over HTTP to a Spring Boot application with the WSS Gate
 * starter in front of Spring-WS ({@link SpringWsParityApp}), configured by the very YAML the
 * filter and Metro suites use (imported as {@code wssgate.*} properties): the filter's answer,
 * the endpoint never invoked and no principal seen; every baseline accepted with its principal
 * as Spring Security's Authentication, on a SOAP 1.1 and a SOAP 1.2 Spring-WS servlet.
 */
class SpringWsAttackSuiteTest extends ParitySuite {

    @Override
    protected Integration integration() {
        return Integration.SPRING_WS;
    }

    @Override
    protected GateUnderTest start(Scenario scenario, Path dir) throws Exception {
        return SpringWsServer.start(scenario, dir);
    }
}
