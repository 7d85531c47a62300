package io.wssgate.spring.properties;

/** Where the WSS Gate filter sits in the Servlet filter chain. */
public final class FilterOrder {
    /**
     * Spring Security's {@code FilterChainProxy} is registered by Boot at
     * {@code SecurityFilterProperties.DEFAULT_FILTER_ORDER} (-100). WSS Gate runs 10 before it, so
     * the message is validated (and the Authentication set) before any Security rule is checked.
     */
    public static final int DEFAULT = -110;

    /**
     * The Security bridge runs right after the WSS Gate filter: it only ever sees requests the
     * gate accepted (or paths no policy covers).
     */
    public static final int BRIDGE_OFFSET = 1;

    private FilterOrder() {
    }
}
