package io.wssgate.soap;

import java.util.Objects;
import java.util.Optional;

/**
 * What the transport knows about how a message arrived, for the checks that compare a token
 * with it: the URL it was sent to (a SAML SubjectConfirmationData Recipient must name this
 * endpoint) and the sender's network address (its Address, when the policy checks it).
 * Either may be unknown, e.g. for a response a client validates or a runtime that does not
 * expose the HTTP request; a check that needs an unknown fact refuses the message.
 *
 * @param endpointUrl   the request URL as the server received it, without query
 * @param remoteAddress the IP address of the peer that sent the message
 */
public record Delivery(Optional<String> endpointUrl, Optional<String> remoteAddress) {
    private static final Delivery UNKNOWN = new Delivery(Optional.empty(), Optional.empty());

    public Delivery {
        Objects.requireNonNull(endpointUrl, "endpointUrl");
        Objects.requireNonNull(remoteAddress, "remoteAddress");
    }

    /** Nothing known about the transport. */
    public static Delivery unknown() {
        return UNKNOWN;
    }

    /** An HTTP request to {@code endpointUrl} from {@code remoteAddress} (either may be null). */
    public static Delivery http(String endpointUrl, String remoteAddress) {
        return new Delivery(Optional.ofNullable(endpointUrl), Optional.ofNullable(remoteAddress));
    }
}
