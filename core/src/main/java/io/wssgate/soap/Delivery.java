package io.wssgate.soap;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the transport knows about how a message arrived, for the checks that compare a token
 * with it: the URL it was sent to (a SAML SubjectConfirmationData Recipient, a wsa:To must name
 * this endpoint), the sender's network address (its Address, when the policy checks it), and
 * the SOAPAction the request named outside the envelope (it must agree with the operation the
 * signed content names). Any may be unknown, e.g. for a response a client validates or a
 * runtime that does not expose the HTTP request; a check that needs an unknown fact refuses
 * the message.
 *
 * @param endpointUrl   the request URL as the server received it, without query
 * @param remoteAddress the IP address of the peer that sent the message
 * @param soapActions   the SOAPAction header and the SOAP 1.2 {@code action} parameter, unquoted,
 *                      without empty values ({@link SoapActions}); normally one at most
 */
public record Delivery(Optional<String> endpointUrl, Optional<String> remoteAddress, List<String> soapActions) {
    private static final Delivery UNKNOWN = new Delivery(Optional.empty(), Optional.empty(), List.of());

    public Delivery {
        Objects.requireNonNull(endpointUrl, "endpointUrl");
        Objects.requireNonNull(remoteAddress, "remoteAddress");
        soapActions = List.copyOf(soapActions);
    }

    /** Without a SOAPAction. */
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
     * An HTTP request to {@code endpointUrl} from {@code remoteAddress} with its {@code SOAPAction}
     * header and Content-Type (any may be null): the SOAPAction is taken from both.
     */
    public static Delivery http(String endpointUrl, String remoteAddress, String soapActionHeader, String contentType) {
        return new Delivery(Optional.ofNullable(endpointUrl), Optional.ofNullable(remoteAddress),
                SoapActions.of(soapActionHeader, contentType));
    }
}
