package io.wssgate.soap;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the transport knows about how a message arrived, for the checks that compare a token
 * with it and for the rejection log line: the URL it was sent to (a SAML SubjectConfirmationData
 * Recipient, a wsa:To must name this endpoint), the sender's network address (its Address, when
 * the policy checks it), the SOAPAction the request named outside the envelope (it must agree
 * with the operation the signed content names), and the HTTP method and request path (which the
 * rejection line names). Any may be unknown, e.g. for a response a client validates or a runtime
 * that does not expose the HTTP request; a check that needs an unknown fact refuses the message.
 *
 * @param endpointUrl   the request URL as the server received it, without query
 * @param remoteAddress the IP address of the peer that sent the message
 * @param soapActions   the SOAPAction header and the SOAP 1.2 {@code action} parameter, unquoted,
 *                      without empty values ({@link SoapActions}); normally one at most
 * @param method        the HTTP method
 * @param path          the request path (the URI's path, as the container received it)
 */
public record Delivery(Optional<String> endpointUrl, Optional<String> remoteAddress, List<String> soapActions,
                       Optional<String> method, Optional<String> path) {
    private static final Delivery UNKNOWN = new Delivery(Optional.empty(), Optional.empty());

    public Delivery {
        Objects.requireNonNull(endpointUrl, "endpointUrl");
        Objects.requireNonNull(remoteAddress, "remoteAddress");
        soapActions = List.copyOf(soapActions);
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
    }

    /** Where the method and path are not known. */
    public Delivery(Optional<String> endpointUrl, Optional<String> remoteAddress, List<String> soapActions) {
        this(endpointUrl, remoteAddress, soapActions, Optional.empty(), Optional.empty());
    }

    /** Without a SOAPAction, method or path. */
    public Delivery(Optional<String> endpointUrl, Optional<String> remoteAddress) {
        this(endpointUrl, remoteAddress, List.of());
    }

    /** Nothing known about the transport. */
    public static Delivery unknown() {
        return UNKNOWN;
    }

    /** An HTTP request to {@code endpointUrl} from {@code remoteAddress} (either may be null). */
    public static Delivery http(String endpointUrl, String remoteAddress) {
        return new Delivery(Optional.ofNullable(endpointUrl), Optional.ofNullable(remoteAddress));
    }

    /**
     * An HTTP request with everything a transport knows of it (any may be null): the SOAPAction is
     * taken from the {@code SOAPAction} header and the Content-Type's {@code action} parameter.
     */
    public static Delivery http(String method, String endpointUrl, String path, String remoteAddress,
                                String soapActionHeader, String contentType) {
        return new Delivery(Optional.ofNullable(endpointUrl), Optional.ofNullable(remoteAddress),
                SoapActions.of(soapActionHeader, contentType), Optional.ofNullable(method), Optional.ofNullable(path));
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
