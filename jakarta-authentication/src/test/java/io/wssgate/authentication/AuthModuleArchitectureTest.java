package io.wssgate.authentication;

import io.wssgate.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

/** The module is a transport over core's exchange (through the filter's Servlet transport): no security library, no pipeline. */
class AuthModuleArchitectureTest {
    @Test
    void usesOnlyTheExchangeApi() {
        ArchitectureRules.integrationUsesOnlyTheExchangeApi("io.wssgate.authentication")
                .check(ArchitectureRules.mainClasses("io.wssgate.authentication"));
    }
}
