package io.wssgate.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.InboundOutcome;
import io.wssgate.identity.AuthenticatedCaller;
import io.wssgate.soap.SoapVersion;
import io.wssgate.identity.TokenType;
import io.wssgate.identity.WssPrincipal;
import io.wssgate.spring.security.WssGateAuthentication;
import io.wssgate.spring.security.WssGateSecurityFilter;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;

/** The bridge on its own: what it sets during the request, what it saves, and that it clears up. */
class WssGateSecurityFilterTest {
    private final WssPrincipal alice = new WssPrincipal("alice", TokenType.SAML_2_0, Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Map.of(), Set.of("clerk", "admin"), Optional.empty(),
            Optional.empty());

    /** What the filter puts on a request it accepted for alice under {@code policy}. */
    private InboundOutcome.Accepted accepted(String policy) {
        return new InboundOutcome.Accepted(policy, new AuthenticatedCaller(alice, Optional.empty(), java.util.List.of()),
                null, SoapVersion.SOAP_11, new byte[0], "test-correlation-id");
    }

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void validatedCallerIsTheAuthenticationDuringTheRequestAndGoneAfterIt() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/services/x");
        request.setAttribute(InboundOutcome.Accepted.KEY, accepted("partner"));
        AtomicReference<Authentication> seen = new AtomicReference<>();

        new WssGateSecurityFilter().doFilter(request, new MockHttpServletResponse(),
                (req, res) -> seen.set(SecurityContextHolder.getContext().getAuthentication()));

        assertThat(seen.get()).isInstanceOf(WssGateAuthentication.class);
        assertThat(seen.get().isAuthenticated()).isTrue();
        assertThat(seen.get().getPrincipal()).isSameAs(alice);
        assertThat(seen.get().getName()).isEqualTo("alice");
        assertThat(seen.get().getDetails()).isEqualTo("partner");
        assertThat(seen.get().getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_admin", "admin", "ROLE_clerk", "clerk");
        assertThat(new RequestAttributeSecurityContextRepository().containsContext(request))
                .as("saved where Spring Security's SecurityContextHolderFilter loads it from").isTrue();
        assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
    }

    @Test
    void holderIsClearedEvenWhenTheApplicationFails() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/services/x");
        request.setAttribute(InboundOutcome.Accepted.KEY, accepted("partner"));
        try {
            new WssGateSecurityFilter().doFilter(request, new MockHttpServletResponse(), (req, res) -> {
                throw new IllegalStateException("boom");
            });
        } catch (Exception expected) {
            // the application's failure propagates
        }
        assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
    }

    @Test
    void requestWithoutWsSecurityCallerIsLeftToSpringSecurity() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/public");
        AtomicReference<Authentication> seen = new AtomicReference<>();
        new WssGateSecurityFilter().doFilter(request, new MockHttpServletResponse(),
                (req, res) -> seen.set(SecurityContextHolder.getContext().getAuthentication()));
        assertThat(seen.get()).isNull();
        assertThat(new RequestAttributeSecurityContextRepository().containsContext(request)).isFalse();
    }
}
