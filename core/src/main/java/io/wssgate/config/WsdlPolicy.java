package io.wssgate.config;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What a policy does with the endpoint's WSDL and the WS-SecurityPolicy in it.
 *
 * @param publishPolicy whether {@code GET ?wsdl} answers get the WS-SecurityPolicy this policy
 *                      enforces attached to their bindings (off by default: the WSDL passes unchanged)
 * @param location      the endpoint's WSDL ({@code classpath:name} or a file), read at start-up and
 *                      compared with this policy when it carries WS-SecurityPolicy
 * @param mismatch      what a difference found by that comparison does
 */
public record WsdlPolicy(boolean publishPolicy, Optional<String> location, Mismatch mismatch) {
    public WsdlPolicy {
        location = location == null ? Optional.empty() : location;
        Objects.requireNonNull(mismatch, "mismatch");
    }

    /** Nothing published, nothing checked. */
    public static WsdlPolicy defaults() {
        return new WsdlPolicy(false, Optional.empty(), Mismatch.WARN);
    }

    /** What a difference between the WSDL's WS-SecurityPolicy and the configured policy does at start-up. */
    public enum Mismatch {
        /** Logged, one line per difference; the application starts. */
        WARN("warn"),
        /** Start-up fails, listing every difference with its key path. */
        FAIL("fail");

        private final String key;

        Mismatch(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }

        public static Optional<Mismatch> fromKey(String text) {
            for (Mismatch m : values()) {
                if (m.key.equals(text.trim().toLowerCase(Locale.ROOT))) {
                    return Optional.of(m);
                }
            }
            return Optional.empty();
        }
    }
}
