package io.wssgate.config;

import java.util.Locale;
import java.util.Optional;

/**
 * The WS-SecurityPolicy 1.3 (section 7.7) layouts of the wsse:Security header's children, as
 * a receiver may enforce them. {@link #LAX} accepts every order that is a valid message (the
 * default: WSS 1.1 asks senders to prepend but imposes no processing order on receivers);
 * {@link #STRICT} demands "declare before use"; the two timestamp variants demand the
 * wsu:Timestamp as the first or last child and otherwise accept any order.
 */
public enum HeaderLayout {
    LAX("lax"), STRICT("strict"), LAX_TIMESTAMP_FIRST("lax-timestamp-first"), LAX_TIMESTAMP_LAST("lax-timestamp-last");

    private final String key;

    HeaderLayout(String key) {
        this.key = key;
    }

    /** The configuration value, e.g. {@code lax-timestamp-first}. */
    public String key() {
        return key;
    }

    /** Whether the layout names where the Timestamp must stand (so one must be present). */
    public boolean placesTimestamp() {
        return this == LAX_TIMESTAMP_FIRST || this == LAX_TIMESTAMP_LAST;
    }

    public static Optional<HeaderLayout> fromKey(String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        for (HeaderLayout layout : values()) {
            if (layout.key.equals(wanted)) {
                return Optional.of(layout);
            }
        }
        return Optional.empty();
    }
}
