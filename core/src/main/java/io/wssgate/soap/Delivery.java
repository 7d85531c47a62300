package io.wssgate.soap;

import java.util.Objects;
import java.util.Optional;

/**
 * What the transport knows about how a message arrived: the URL it was sent to (a SAML
 * SubjectConfirmationData Recipient must name this endpoint), the sender's network address (its
 * Address, when the policy checks it), and the HTTP method and request path, which the rejection
 * log line names. Any may be unknown, e.g. for a response a client validates or a runtime that
 * does not expose the HTTP request; a check that needs an unknown fact refuses the message.
 *
 * @param endpointUrl   the request URL as the server received it, without query
 * @param remoteAddress the IP address of the peer that sent the message
 * @param method        the HTTP method
 * @param path          the request path (the URI's path, as the container received it)
 */
public record Delivery(Optional<String> endpointUrl, Optional<String> remoteAddress, Optional<String> method,
                       Optional<String> path) {
    private static final Delivery UNKNOWN = new Delivery(Optional.empty(), Optional.empty());

    public Delivery {
        Objects.requireNonNull(endpointUrl, "endpointUrl");
        Objects.requireNonNull(remoteAddress, "remoteAddress");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
    }

    /** Where the method and path are not known. */
    public Delivery(Optional<String> endpointUrl, Optional<String> remoteAddress) {
        this(endpointUrl, remoteAddress, Optional.empty(), Optional.empty());
    }

    /** Nothing known about the transport. */
    public static Delivery unknown() {
        return UNKNOWN;
    }

    /** An HTTP request to {@code endpointUrl} from {@code remoteAddress} (either may be null). */
    public static Delivery http(String endpointUrl, String remoteAddress) {
        return new Delivery(Optional.ofNullable(endpointUrl), Optional.ofNullable(remoteAddress));
    }

    /** An HTTP request with everything a transport knows of it (any may be null). */
    public static Delivery http(String method, String endpointUrl, String path, String remoteAddress) {
        return new Delivery(Optional.ofNullable(endpointUrl), Optional.ofNullable(remoteAddress),
                Optional.ofNullable(method), Optional.ofNullable(path));
    }

    /** " method=POST path=/x remote=192.0.2.1" for the parts known, for a log line; empty when none is. */
    public String describe() {
        StringBuilder out = new StringBuilder();
        method.ifPresent(m -> out.append(" method=").append(m));
        path.ifPresent(p -> out.append(" path=").append(p));
        remoteAddress.ifPresent(a -> out.append(" remote=").append(a));
        return out.toString();
    }
}
