package io.wssgate.filter.attacks;

import io.wssgate.testing.parity.LayoutScenario;
import io.wssgate.testing.parity.Scenario;
import java.nio.file.Path;

/** The header-layout matrix and the actor choices through the real {@code WssGateFilter} on Jetty 12. */
class FilterLayoutSuiteTest extends FilterAttackSuiteTest {
    @Override
    protected Scenario createScenario(Path dir) throws Exception {
        return LayoutScenario.create(dir);
    }
}
