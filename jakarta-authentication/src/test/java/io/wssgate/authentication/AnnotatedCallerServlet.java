package io.wssgate.authentication;

import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;

/**
 * {@link CallerServlet} guarded by its own annotation instead of a {@code <security-constraint>}:
 * {@code @ServletSecurity} is what a servlet container enforces on a servlet ({@code @RolesAllowed}
 * on a servlet class is an EJB annotation, which Tomcat and Jetty ignore).
 */
@ServletSecurity(@HttpConstraint(rolesAllowed = "admin"))
public class AnnotatedCallerServlet extends CallerServlet {
    private static final long serialVersionUID = 1L;
}
