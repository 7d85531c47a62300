package io.wssgate.soap;

import io.wssgate.config.AddressingVersion;
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
     * The reply to a request that carried {@code request}'s headers (in its version); its Action is
     * {@code responseAction}, else the request's with its {@code Request} suffix replaced by
     * {@code Response} (or {@code Response} appended), the default WS-Addressing Metadata derives
     * for a WSDL operation's output. Empty when the request did not use WS-Addressing.
     */
    public static Optional<OutgoingAddressing> replyTo(AddressingHeaders request, Optional<String> responseAction) {
        if (request.version().isEmpty()) {
            return Optional.empty();
        }
        Optional<String> action = responseAction.or(() -> request.actionValue().map(OutgoingAddressing::responseOf));
        return Optional.of(new OutgoingAddressing(request.version().get(), Optional.empty(), action,
                freshMessageId(), request.messageIdValue()));
    }

    static String responseOf(String requestAction) {
        return requestAction.endsWith("Request")
                ? requestAction.substring(0, requestAction.length() - "Request".length()) + "Response"
                : requestAction + "Response";
    }

    private static String freshMessageId() {
        return "urn:uuid:" + UUID.randomUUID();
    }
}
