package io.wssgate.testing.layout;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One kind of genuine message whose Security header the layout matrix re-lays-out: how to build
 * a fresh one (SOAP 1.1 or 1.2), whom the receiver must see, and the order constraints of its
 * header children by local name.
 *
 * @param name      e.g. "X.509, SKI key identifier + BinarySecurityToken"
 * @param build     a fresh genuine message for SOAP 1.2 ({@code true}) or 1.1
 * @param principal the principal name the application must see
 * @param strict    pairs (before, after) that WS-SecurityPolicy's Strict layout demands: a token
 *                  before what uses it, a signed header element before its signature
 * @param steps     pairs the message's meaning demands whatever the layout: the relative order of
 *                  signing and encryption steps (e.g. EncryptedKey before the Signature for
 *                  sign-then-encrypt); an order breaking one is a different, invalid message
 */
public record LayoutProfile(String name, Function<Boolean, byte[]> build, String principal,
                            List<Precedence> strict, List<Precedence> steps) {

    public LayoutProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(build, "build");
        Objects.requireNonNull(principal, "principal");
        strict = List.copyOf(strict);
        steps = List.copyOf(steps);
    }

    /** {@code before} must stand before {@code after} (local names of header children). */
    public record Precedence(String before, String after) {
        public boolean holdsIn(List<String> order) {
            return order.indexOf(before) < order.indexOf(after);
        }

        @Override
        public String toString() {
            return before + " < " + after;
        }
    }

    public static Precedence before(String before, String after) {
        return new Precedence(before, after);
    }

    @Override
    public String toString() {
        return name;
    }
}
