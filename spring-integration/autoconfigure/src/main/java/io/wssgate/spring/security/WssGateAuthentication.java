package io.wssgate.spring.security;

import io.wssgate.identity.WssPrincipal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The Spring Security view of a caller WSS Gate authenticated: the principal is the
 * {@link WssPrincipal}; each of its roles is granted both as {@code ROLE_<role>} (for
 * {@code hasRole}) and as is (for {@code hasAuthority}). The details are the policy name.
 * There are no credentials: the message itself was the proof, and it has been checked.
 */
public final class WssGateAuthentication extends AbstractAuthenticationToken {
    private static final long serialVersionUID = 1L;
    private final transient WssPrincipal principal;

    public WssGateAuthentication(WssPrincipal principal, String policy) {
        super(authorities(principal));
        this.principal = principal;
        setDetails(policy);
        setAuthenticated(true);
    }

    @Override
    public WssPrincipal getPrincipal() {
        return principal;
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public String getName() {
        return principal.name();
    }

    static Collection<GrantedAuthority> authorities(WssPrincipal principal) {
        List<GrantedAuthority> out = new ArrayList<>();
        principal.roles().stream().sorted().forEach(role -> {
            out.add(new SimpleGrantedAuthority("ROLE_" + role));
            out.add(new SimpleGrantedAuthority(role));
        });
        return out;
    }
}
