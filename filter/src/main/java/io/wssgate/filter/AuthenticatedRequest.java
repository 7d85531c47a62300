package io.wssgate.filter;

import io.wssgate.InboundOutcome;
import io.wssgate.identity.WssPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;

/**
 * What the application sees after the filter's validation: the accepted body and attribute
 * ({@link AcceptedBodyRequest}) and the validated principal as the user, roles from it.
 */
final class AuthenticatedRequest extends AcceptedBodyRequest {
    private final WssPrincipal principal;

    AuthenticatedRequest(HttpServletRequest request, InboundOutcome.Accepted accepted) {
        super(request, accepted);
        this.principal = accepted.principal();
    }

    @Override
    public Principal getUserPrincipal() {
        return principal;
    }

    @Override
    public String getRemoteUser() {
        return principal.getName();
    }

    @Override
    public boolean isUserInRole(String role) {
        return principal.hasRole(role);
    }

    @Override
    public String getAuthType() {
        return WssGateFilter.AUTH_TYPE;
    }
}
