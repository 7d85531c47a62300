package io.wssgate.authentication;

import io.wssgate.InboundOutcome;
import io.wssgate.PolicyRuntime;
import io.wssgate.WssGate;
import io.wssgate.exchange.ServerExchange;
import io.wssgate.filter.ServletTransport;
import io.wssgate.filter.WssGateFilter;
import jakarta.security.auth.message.AuthException;
import jakarta.security.auth.message.AuthStatus;
import jakarta.security.auth.message.MessageInfo;
import jakarta.security.auth.message.MessagePolicy;
import jakarta.security.auth.message.callback.CallerPrincipalCallback;
import jakarta.security.auth.message.callback.GroupPrincipalCallback;
import jakarta.security.auth.message.module.ServerAuthModule;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.UnsupportedCallbackException;

/**
 * WSS Gate as a Jakarta Authentication {@link ServerAuthModule} (Servlet container profile): the
 * container asks it who sent a request before it checks {@code <security-constraint>}s, and it
 * answers with the caller of the validated WS-Security message ({@link CallerPrincipalCallback})
 * and the caller's roles as groups ({@link GroupPrincipalCallback}), so the container's own
 * authorization applies: declared roles, {@code isUserInRole}, {@code @RolesAllowed}, role
 * mapping the server does itself, identity propagation to EJBs.
 *
 * <p>A message the policy refuses gets the same WS-Security fault as from the filter
 * ({@link AuthStatus#SEND_FAILURE}), before any authorization or application code runs. A path no
 * policy covers, and a WSDL/XSD GET the policy allows, stay unauthenticated: the container
 * decides. The response is secured by the filter {@link WssGateFilter#behindAuthModule} that
 * {@link AuthModuleInitializer} registers on the same engine, because a container need not call
 * {@link #secureResponse} (Jetty 12 does not) and the response must be buffered while the
 * application writes it.
 */
public final class WssGateAuthModule implements ServerAuthModule {
    /** The authentication type the container reports ({@code getAuthType()}). */
    public static final String AUTH_TYPE = WssGateFilter.AUTH_TYPE;
    private static final Class<?>[] MESSAGE_TYPES = {HttpServletRequest.class, HttpServletResponse.class};

    private final WssGate gate;
    private CallbackHandler handler;

    public WssGateAuthModule(WssGate gate) {
        this.gate = Objects.requireNonNull(gate, "gate");
    }

    @Override
    @SuppressWarnings("rawtypes") // the interface's raw Map
    public void initialize(MessagePolicy requestPolicy, MessagePolicy responsePolicy, CallbackHandler handler,
                           Map options) {
        this.handler = Objects.requireNonNull(handler, "handler");
    }

    @Override
    @SuppressWarnings("rawtypes") // the interface's raw Class[]
    public Class[] getSupportedMessageTypes() {
        return MESSAGE_TYPES.clone();
    }

    @Override
    public AuthStatus validateRequest(MessageInfo messageInfo, Subject client, Subject service) throws AuthException {
        if (!(messageInfo.getRequestMessage() instanceof HttpServletRequest request)
                || !(messageInfo.getResponseMessage() instanceof HttpServletResponse response)) {
            // Jetty, authenticating lazily on a path without a constraint once the application asks for
            // the user, passes no request: no caller from here (the filter behind this module has
            // validated a message on a policy path and answers for its caller itself)
            return AuthStatus.SUCCESS;
        }
        Optional<PolicyRuntime> policy = gate.policyFor(ServletTransport.contextRelativePath(request));
        if (policy.isEmpty()) {
            return unauthenticated();
        }
        // a container that authenticates lazily (Jetty, on a path without a constraint) asks only once
        // the application wants the user, after WssGateFilter.behindAuthModule validated the message
        Optional<InboundOutcome.Accepted> already = WssGateFilter.accepted(request)
                .filter(a -> a.policy().equals(policy.get().name()));
        if (already.isPresent()) {
            return caller(client, already.get(), messageInfo);
        }
        ServerExchange exchange = new ServerExchange(policy.get());
        try {
            switch (ServletTransport.step(policy.get(), request)) {
                case METADATA:
                    return unauthenticated();
                case REFUSE_METHOD:
                    ServletTransport.refuseMethod(exchange, request, response);
                    return sent(response, messageInfo);
                case VALIDATE:
                default:
                    InboundOutcome outcome = ServletTransport.receive(exchange, request);
                    if (outcome instanceof InboundOutcome.Rejected rejected) {
                        ServletTransport.sendFault(request, response, rejected);
                        return sent(response, messageInfo);
                    }
                    InboundOutcome.Accepted accepted = (InboundOutcome.Accepted) outcome;
                    messageInfo.setRequestMessage(ServletTransport.withAcceptedBody(request, accepted));
                    return caller(client, accepted, messageInfo);
            }
        } catch (IOException e) {
            throw failure("WSS Gate could not read or answer the request", e);
        }
    }

    /** Nothing to do here: the response was secured (or replaced by a fault) by the filter behind this module. */
    @Override
    public AuthStatus secureResponse(MessageInfo messageInfo, Subject service) {
        return AuthStatus.SEND_SUCCESS;
    }

    @Override
    public void cleanSubject(MessageInfo messageInfo, Subject subject) {
        if (subject != null) {
            subject.getPrincipals().clear();
        }
    }

    private AuthStatus caller(Subject client, InboundOutcome.Accepted accepted, MessageInfo messageInfo)
            throws AuthException {
        @SuppressWarnings("unchecked") // the interface's raw Map
        Map<String, Object> map = messageInfo.getMap();
        // the key Jakarta Authentication 3 names, and the one Tomcat still reads
        map.put("jakarta.servlet.http.authType", AUTH_TYPE);
        map.put("javax.servlet.http.authType", AUTH_TYPE);
        handle(new CallerPrincipalCallback(client, accepted.principal()),
                new GroupPrincipalCallback(client, accepted.principal().roles().toArray(String[]::new)));
        return AuthStatus.SUCCESS;
    }

    /**
     * The fault is the whole answer: the response is completed here, so a container that answers a
     * failed authentication with an error page of its own when the exchange is still open (WildFly's
     * Undertow does, with an error logged for the committed response) leaves it as it is; a container
     * that leaves completing the exchange to the module (Jetty) is told it is done.
     */
    private static AuthStatus sent(HttpServletResponse response, MessageInfo messageInfo) throws IOException {
        response.getOutputStream().close();
        ExchangeCompletion.responseSent(messageInfo);
        return AuthStatus.SEND_FAILURE;
    }

    /**
     * No caller: the container's constraints decide (a protected resource answers 401/403). Said by
     * establishing no caller at all rather than with a {@code CallerPrincipalCallback} for a null
     * principal: Jetty 12 turns that callback into an authenticated user without a name (and then
     * fails with a NullPointerException for want of groups), where Tomcat and WildFly treat both the
     * same, as the anonymous caller.
     */
    private static AuthStatus unauthenticated() {
        return AuthStatus.SUCCESS;
    }

    private void handle(Callback... callbacks) throws AuthException {
        try {
            handler.handle(callbacks);
        } catch (IOException | UnsupportedCallbackException e) {
            throw failure("the container refused WSS Gate's caller", e);
        }
    }

    private static AuthException failure(String message, Exception cause) {
        AuthException e = new AuthException(message + ": " + cause.getMessage());
        e.initCause(cause);
        return e;
    }
}
