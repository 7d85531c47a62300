package io.wssgate.addressing;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The WS-Addressing headers an outbound message is to carry, where it does not carry them
 * already: a client's request (wsa:To, wsa:Action, a fresh wsa:MessageID) or a server's reply
 * (wsa:Action, a fresh wsa:MessageID, and wsa:RelatesTo naming the request's MessageID).
 */
public record OutgoingAddressing(AddressingVersion version, Optional<String> to, Optional<String> action,
                                 String messageId, Optional<String> relatesTo) {
    public OutgoingAddressing {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(relatesTo, "relatesTo");
    }

    /** A request to {@code to} for {@code action}, with a fresh MessageID. */
    public static OutgoingAddressing request(AddressingVersion version, Optional<String> to, Optional<String> action) {
        return new OutgoingAddressing(version, to, action, freshMessageId(), Optional.empty());
    }

    /**
     * The reply to a request of {@code version} whose wsa:MessageID was {@code requestMessageId},
     * with the Action {@code action}, and a fresh MessageID of its own.
     */
    public static OutgoingAddressing reply(AddressingVersion version, Optional<String> action,
                                           Optional<String> requestMessageId) {
        return new OutgoingAddressing(version, Optional.empty(), action, freshMessageId(), requestMessageId);
    }

    /**
     * The Action of the reply to {@code requestAction}: its {@code Request} suffix replaced by
     * {@code Response}, or {@code Response} appended, as WS-Addressing Metadata derives the output
     * action of a WSDL operation from its input's.
     */
    public static String responseOf(String requestAction) {
        return requestAction.endsWith("Request")
                ? requestAction.substring(0, requestAction.length() - "Request".length()) + "Response"
                : requestAction + "Response";
    }

    private static String freshMessageId() {
        return "urn:uuid:" + UUID.randomUUID();
    }
}
