package io.wssgate.examples.boot;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Spring Security: every request must be authenticated, and the only way to authenticate is a
 * WS-Security message WSS Gate accepted (no form login, no HTTP Basic, no sessions). Open to
 * anyone: the service's WSDL ({@code GET ?wsdl}, the contract a client needs before it can sign
 * anything) and Actuator's health and metrics, so an operator (and the README's curl lines) can
 * see WSS Gate at work; put those behind your own access rules in production.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    static boolean isWsdlQuery(HttpServletRequest request) {
        return "GET".equals(request.getMethod()) && "wsdl".equalsIgnoreCase(request.getQueryString());
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(requests -> requests
                        .requestMatchers(SecurityConfiguration::isWsdlQuery).permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/metrics",
                                "/actuator/metrics/**").permitAll()
                        .anyRequest().authenticated())
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .build();
    }
}
