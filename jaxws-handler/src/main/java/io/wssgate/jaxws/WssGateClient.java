package io.wssgate.jaxws;

import io.wssgate.PolicyRuntime;
import io.wssgate.WssGate;
import io.wssgate.config.ConfigurationException;
import jakarta.xml.ws.BindingProvider;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Field;
import java.util.Objects;

/**
 * Secures JAX-WS client ports (proxies and {@code Dispatch}) on any runtime, in one line:
 * <pre>{@code OrdersPort port = WssGateClient.secure(service.getPort(OrdersPort.class), "orders-client");}</pre>
 * Every request is then secured with the policy's outbound rules and every response
 * validated with its inbound rules; a failure either way throws a
 * {@link jakarta.xml.ws.WebServiceException} from the port's method.
 */
public final class WssGateClient {

    /**
     * Alternative to calling {@link #secure} per port: annotate port fields, then call
     * {@link #secureAnnotated(Object)} once the ports are created.
     */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Secured {
        /** The name of the policy in the configuration. */
        String policy();

        /** As {@link WssGateEndpoint#config()}. */
        String config() default "";
    }

    private WssGateClient() {
    }

    /**
     * Secures {@code port} with the named policy of the configuration found the default way
     * ({@link WssGateEndpoint#config()}).
     *
     * @return the port, for chaining
     * @throws ConfigurationException if the configuration is unusable or has no such policy
     */
    public static <T> T secure(T port, String policyName) {
        return secure(port, GateRegistry.policy("", policyName, contextLoader()));
    }

    /** Secures {@code port} with the named policy of a gate built by the application. */
    public static <T> T secure(T port, WssGate gate, String policyName) {
        return secure(port, gate.policy(policyName)
                .orElseThrow(() -> new IllegalArgumentException("no policy named '" + policyName + "'")));
    }

    /** Secures {@code port} with {@code policy}. */
    public static <T> T secure(T port, PolicyRuntime policy) {
        Objects.requireNonNull(port, "port");
        if (!(port instanceof BindingProvider provider)) {
            throw new IllegalArgumentException("not a JAX-WS port (BindingProvider): " + port.getClass().getName());
        }
        new WssGateHandler(policy, WssGateHandler.Role.CLIENT).installOn(provider.getBinding());
        return port;
    }

    /**
     * Secures every port held in a field of {@code holder} (or its superclasses) annotated with
     * {@link Secured}.
     *
     * @return the holder, for chaining
     * @throws IllegalStateException if an annotated field is still null
     */
    public static <H> H secureAnnotated(H holder) {
        for (Class<?> type = holder.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                Secured secured = field.getAnnotation(Secured.class);
                if (secured != null) {
                    secure(portIn(field, holder), GateRegistry.policy(secured.config(), secured.policy(), contextLoader()));
                }
            }
        }
        return holder;
    }

    private static Object portIn(Field field, Object holder) {
        try {
            field.setAccessible(true);
            Object port = field.get(holder);
            if (port == null) {
                throw new IllegalStateException("@WssGateClient.Secured field " + field.getName()
                        + " is null: create the port before securing it");
            }
            return port;
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read @WssGateClient.Secured field " + field.getName(), e);
        }
    }

    private static ClassLoader contextLoader() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return loader != null ? loader : WssGateClient.class.getClassLoader();
    }
}
