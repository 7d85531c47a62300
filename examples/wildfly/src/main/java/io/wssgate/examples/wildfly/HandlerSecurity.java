package io.wssgate.examples.wildfly;

import io.wssgate.jaxws.WssGateHandler;

/** The handler JBossWS creates from gate-handlers.xml: policy {@code handler} of the configuration named by {@code wssgate.config}. */
public class HandlerSecurity extends WssGateHandler {
    public HandlerSecurity() {
        super("handler", Role.ENDPOINT);
    }
}
