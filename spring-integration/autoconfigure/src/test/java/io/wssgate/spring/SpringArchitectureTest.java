package io.wssgate.spring;

import io.wssgate.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

/** This integration is a transport over core's exchange: no security library, no pipeline internals. */
class SpringArchitectureTest {
    @Test
    void usesOnlyTheExchangeApi() {
        ArchitectureRules.integrationUsesOnlyTheExchangeApi("io.wssgate.spring").check(ArchitectureRules.mainClasses("io.wssgate.spring"));
    }
}
