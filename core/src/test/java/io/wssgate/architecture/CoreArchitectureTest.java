package io.wssgate.architecture;

import io.wssgate.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

/** Core's packages depend on each other without cycles. */
class CoreArchitectureTest {
    @Test
    void corePackagesAreFreeOfCycles() {
        ArchitectureRules.corePackagesAreFreeOfCycles().check(ArchitectureRules.mainClasses("io.wssgate"));
    }
}
