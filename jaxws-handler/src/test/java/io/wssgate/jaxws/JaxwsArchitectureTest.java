package io.wssgate.jaxws;

import io.wssgate.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

/** This integration is a transport over core's exchange: no security library, no pipeline internals. */
class JaxwsArchitectureTest {
    @Test
    void usesOnlyTheExchangeApi() {
        ArchitectureRules.integrationUsesOnlyTheExchangeApi("io.wssgate.jaxws").check(ArchitectureRules.mainClasses("io.wssgate.jaxws"));
    }
}
