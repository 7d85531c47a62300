package io.wssgate.jaxws;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Secures a JAX-WS endpoint class with a WSS Gate policy; on Metro nothing else is needed.
 * Metro finds {@code io.wssgate.jaxws.metro.WssGateTubelineDecorator} on the classpath, which
 * installs a {@link WssGateHandler} for the annotated endpoint when it is deployed, and makes
 * {@code WebServiceContext.getUserPrincipal()} / {@code isUserInRole()} answer from the
 * validated caller. If the configuration is unusable, the endpoint (and with Metro's servlet
 * listener, the web application) fails to deploy, with every problem in the message.
 *
 * <p>On other JAX-WS runtimes this annotation does nothing: declare the handler with
 * {@code @HandlerChain} instead (see {@link WssGateHandler}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface WssGateEndpoint {

    /** The name of the policy in the configuration. */
    String policy();

    /**
     * The YAML configuration: a file path or {@code classpath:name}, {@code ${VAR}} allowed.
     * Empty (default): the system property {@code wssgate.config}, else the environment
     * variable {@code WSSGATE_CONFIG}, else the classpath resource {@code wssgate.yaml}.
     */
    String config() default "";
}
