package io.wssgate.config;

import java.util.Objects;
import java.util.Optional;

/**
 * Which wsse:Security header of a message is this receiver's, and how its children must be
 * laid out.
 *
 * <p>{@code actor} empty (the default): the header without a SOAP 1.1 {@code actor} / SOAP 1.2
 * {@code role} attribute, or with the SOAP 1.2 role {@code ultimateReceiver}, which means the
 * same. With an {@code actor} URI: the header addressed to exactly that actor/role; a header
 * without actor is then someone else's. {@code acceptNext} (default true) also takes a header
 * addressed to {@code next} (SOAP 1.1 {@code http://schemas.xmlsoap.org/soap/actor/next}, SOAP 1.2
 * {@code http://www.w3.org/2003/05/soap-envelope/role/next}): every SOAP node, the ultimate
 * receiver included, acts in that role. Headers for any other actor are ignored; two headers
 * that both qualify are refused, never chosen between.
 */
public record SecurityHeaderPolicy(Optional<String> actor, boolean acceptNext, HeaderLayout layout) {
    public SecurityHeaderPolicy {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(layout, "layout");
    }

    public static SecurityHeaderPolicy defaults() {
        return new SecurityHeaderPolicy(Optional.empty(), true, HeaderLayout.LAX);
    }
}
