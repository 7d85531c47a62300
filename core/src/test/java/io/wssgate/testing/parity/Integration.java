package io.wssgate.testing.parity;

/**
 * The ways an application runs behind WSS Gate. The same message must get the same decision
 * from each; where a runtime answers before WSS Gate can (its own HTTP method or content-type
 * rules), a case names that answer explicitly for that integration.
 */
public enum Integration {
    /** {@code WssGateFilter} in front of a plain servlet: the gate's own answer, the reference. */
    SERVLET_FILTER,
    /** A Metro endpoint secured by {@code @WssGateEndpoint} (the JAX-WS handler and its Metro codec). */
    JAXWS_METRO,
    /** A Spring Boot application with the starter, serving Spring-WS endpoints. */
    SPRING_WS,
    /**
     * WSS Gate's Jakarta Authentication module on Tomcat in front of a plain servlet: the container
     * learns the caller; decisions as the filter's.
     */
    JAKARTA_AUTHENTICATION
}
