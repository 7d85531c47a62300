package io.wssgate.authentication;

import jakarta.security.auth.message.MessageInfo;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * Tells a container that expects it that the module has answered the request itself. Jetty 12
 * hands a module its own {@code MessageInfo} carrying the exchange's completion callback
 * ({@code JaspiMessageInfo.getCallback()}, a {@code org.eclipse.jetty.util.Callback}) and, when
 * {@code validateRequest} returns {@code SEND_FAILURE}, considers the response sent without
 * completing that callback: a fault written through the Servlet response reaches the client, but
 * Jetty never finishes the exchange and the connection hangs for the next request on it. Tomcat
 * and WildFly complete the exchange themselves; their {@code MessageInfo} has no such method, and
 * nothing happens. Looked up by name so the module does not depend on Jetty.
 */
final class ExchangeCompletion {
    private ExchangeCompletion() {
    }

    /** Completes the exchange when the container's {@code MessageInfo} carries a completion callback. */
    static void responseSent(MessageInfo messageInfo) {
        Method getter;
        try {
            getter = messageInfo.getClass().getMethod("getCallback");
        } catch (NoSuchMethodException e) {
            return; // Tomcat, WildFly: the container completes the exchange
        }
        try {
            // called through the getter's declared type (Jetty's public Callback interface), since the
            // callback's own class need not be public
            Method succeeded = getter.getReturnType().getMethod("succeeded");
            Object callback = getter.invoke(messageInfo);
            if (callback != null && Modifier.isPublic(getter.getReturnType().getModifiers())) {
                succeeded.invoke(callback);
            }
        } catch (NoSuchMethodException e) {
            // a getCallback() of some other kind: nothing this module knows how to complete
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("could not complete the container's exchange after the fault: " + e, e);
        }
    }
}
