package io.wssgate.spring.security;

import io.wssgate.InboundOutcome;
import io.wssgate.filter.WssGateFilter;
import java.util.Optional;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs right after the WSS Gate filter and makes the validated caller the Spring Security
 * {@code Authentication} for the rest of the request.
 * <ul>
 * <li>The context is put in the holder (for code outside a Security filter chain) and saved in
 * a {@link RequestAttributeSecurityContextRepository}, because Spring Security's
 * {@code SecurityContextHolderFilter} replaces the holder's context with what its repository
 * loads; Boot's default repository delegates to exactly this request-attribute one.</li>
 * <li>CSRF protection is skipped for such a request: CSRF abuses credentials a browser adds by
 * itself (cookies), while WS-Security proves the caller inside the signed message.</li>
 * <li>The holder is cleared afterwards, so nothing leaks to the next request on the thread.</li>
 * </ul>
 * Nothing is stored in the HTTP session: every SOAP request authenticates itself.
 */
public class WssGateSecurityFilter extends OncePerRequestFilter {
    private final SecurityContextRepository repository;
    private final SecurityContextHolderStrategy holder;

    public WssGateSecurityFilter() {
        this(new RequestAttributeSecurityContextRepository(), SecurityContextHolder.getContextHolderStrategy());
    }

    public WssGateSecurityFilter(SecurityContextRepository repository, SecurityContextHolderStrategy holder) {
        this.repository = repository;
        this.holder = holder;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<InboundOutcome.Accepted> accepted = WssGateFilter.accepted(request);
        if (accepted.isEmpty()) {
            chain.doFilter(request, response); // not a WS-Security request: Spring Security decides alone
            return;
        }
        SecurityContext context = holder.createEmptyContext();
        context.setAuthentication(new WssGateAuthentication(accepted.get().principal(), accepted.get().policy()));
        holder.setContext(context);
        repository.saveContext(context, request, response);
        CsrfFilter.skipRequest(request);
        try {
            chain.doFilter(request, response);
        } finally {
            holder.clearContext();
        }
    }
}
