package io.wssgate.examples.wildfly;

import java.security.Principal;
import java.util.function.Predicate;

/** How the endpoints describe the caller their framework reports: {@code principal=NAME;clerk=..;admin=..}. */
final class Callers {
    static final String NS = "urn:wssgate:wildfly";

    private Callers() {
    }

    static String describe(Principal principal, Predicate<String> inRole) {
        return "principal=" + (principal == null ? "" : principal.getName()) + ";clerk=" + inRole.test("clerk")
                + ";admin=" + inRole.test("admin");
    }
}
