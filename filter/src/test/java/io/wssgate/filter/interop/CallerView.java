package io.wssgate.filter.interop;

import java.security.Principal;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * How every service of the interoperability tests (behind our filter, on Metro, on CXF)
 * describes its caller, so one assertion fits all: {@code principal=NAME;roles=a,b}, with the
 * roles asked through the framework's own {@code isUserInRole}.
 */
final class CallerView {
    /** The roles the tests configure; a service reports those its framework grants. */
    static final List<String> KNOWN_ROLES = List.of("admin", "clerk", "user");

    private CallerView() {
    }

    static String describe(Principal principal, Predicate<String> inRole) {
        return "principal=" + (principal == null ? "" : principal.getName()) + ";roles="
                + KNOWN_ROLES.stream().filter(inRole).collect(Collectors.joining(","));
    }
}
