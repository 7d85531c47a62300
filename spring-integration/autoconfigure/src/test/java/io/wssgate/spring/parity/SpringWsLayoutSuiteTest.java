package io.wssgate.spring.parity;

import io.wssgate.testing.parity.LayoutScenario;
import io.wssgate.testing.parity.Scenario;
import java.nio.file.Path;

/** The header-layout matrix and the actor choices through Spring-WS behind the Spring Boot starter. */
class SpringWsLayoutSuiteTest extends SpringWsAttackSuiteTest {
    @Override
    protected Scenario createScenario(Path dir) throws Exception {
        return LayoutScenario.create(dir);
    }
}
