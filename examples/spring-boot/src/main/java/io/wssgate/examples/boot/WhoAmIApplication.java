package io.wssgate.examples.boot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;

/**
 * A Spring Boot application whose SOAP service is protected by WSS Gate through nothing but the
 * starter and {@code application.yml}. {@code @EnableMethodSecurity} lets the endpoint guard an
 * operation with {@code @PreAuthorize}, since the WS-Security caller is the Spring Security
 * Authentication. Boot's default in-memory user (with its generated password) is left out:
 * the only way in is a WS-Security message WSS Gate accepted.
 */
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@EnableMethodSecurity
public class WhoAmIApplication {

    public static void main(String[] args) {
        SpringApplication.run(WhoAmIApplication.class, args);
    }
}
