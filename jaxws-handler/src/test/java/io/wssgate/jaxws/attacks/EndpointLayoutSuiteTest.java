package io.wssgate.jaxws.attacks;

import io.wssgate.testing.parity.LayoutScenario;
import io.wssgate.testing.parity.Scenario;
import java.nio.file.Path;

/** The header-layout matrix and the actor choices through Metro endpoints secured by {@code @WssGateEndpoint}. */
class EndpointLayoutSuiteTest extends EndpointAttackSuiteTest {
    @Override
    protected Scenario createScenario(Path dir) throws Exception {
        return LayoutScenario.create(dir);
    }
}
