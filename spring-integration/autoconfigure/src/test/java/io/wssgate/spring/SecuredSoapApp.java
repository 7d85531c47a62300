package io.wssgate.spring;

import io.wssgate.identity.WssPrincipal;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A Boot application as a user would write it: the starter's auto-configuration, method
 * security, a SecurityFilterChain with URL rules (CSRF left on, as by default), and SOAP-ish
 * endpoints guarded by {@code @PreAuthorize}.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@EnableMethodSecurity
@Import(SecuredSoapApp.Endpoints.class)
class SecuredSoapApp {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(r -> r
                        .requestMatchers("/admin/**").hasRole("admin")
                        .requestMatchers("/public/**").permitAll()
                        .anyRequest().authenticated())
                .build();
    }

    @RestController
    static class Endpoints {
        private final AtomicInteger invocations = new AtomicInteger();

        /** A method, not the field: the bean is a method-security proxy. */
        public int invocations() {
            return invocations.get();
        }

        @PostMapping("/services/clerk")
        @PreAuthorize("hasRole('clerk')")
        String clerk(@RequestBody String soap, Authentication authentication) {
            return describe(soap, authentication);
        }

        @PostMapping("/services/clerk-authority")
        @PreAuthorize("hasAuthority('clerk')")
        String clerkAuthority(@RequestBody String soap, Authentication authentication) {
            return describe(soap, authentication);
        }

        @PostMapping("/services/manager")
        @PreAuthorize("hasRole('manager')")
        String manager(@RequestBody String soap, Authentication authentication) {
            return describe(soap, authentication);
        }

        @PostMapping("/admin/report")
        String adminReport(@RequestBody String soap, Authentication authentication) {
            return describe(soap, authentication);
        }

        /** Not covered by any policy: shows what the Security context holds on a plain request. */
        @GetMapping("/public/whoami")
        String whoami() {
            Authentication current = SecurityContextHolder.getContext().getAuthentication();
            return current == null ? "none" : current.getClass().getSimpleName() + ":" + current.getName();
        }

        private String describe(String soap, Authentication authentication) {
            invocations.incrementAndGet();
            WssPrincipal principal = (WssPrincipal) authentication.getPrincipal();
            return principal.name() + "|" + authentication.getClass().getSimpleName() + "|"
                    + authentication.getAuthorities() + "|" + soap.contains("Envelope");
        }
    }
}
