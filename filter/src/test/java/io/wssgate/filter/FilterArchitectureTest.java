package io.wssgate.filter;

import io.wssgate.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

/** This integration is a transport over core's exchange: no security library, no pipeline internals. */
class FilterArchitectureTest {
    @Test
    void usesOnlyTheExchangeApi() {
        ArchitectureRules.integrationUsesOnlyTheExchangeApi("io.wssgate.filter").check(ArchitectureRules.mainClasses("io.wssgate.filter"));
    }
}
