package io.wssgate.config;

import java.util.List;
import javax.xml.namespace.QName;

/**
 * Parts of a SOAP message a rule names: the Body, the wsu:Timestamp (where a rule can name it)
 * and header blocks by QName. An operation's {@code signed-parts} and {@code encrypted-parts}
 * are lists of these.
 */
public record MessageParts(boolean body, boolean timestamp, List<QName> headers) {
    public MessageParts {
        headers = List.copyOf(headers);
    }

    /** No part at all. */
    public static MessageParts none() {
        return new MessageParts(false, false, List.of());
    }

    public boolean isEmpty() {
        return !body && !timestamp && headers.isEmpty();
    }
}
