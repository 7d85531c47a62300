package io.wssgate.config;

import java.util.List;

/**
 * What a policy demands of a request's WS-Addressing headers (W3C 1.0 or the 2004/08
 * submission). {@code required}: wsa:To, wsa:Action and wsa:MessageID must each be present once
 * and covered by a trusted signature. A wsa:To, whenever present, must be one of
 * {@code addresses} (none configured: the URL the request arrived at), so a signed message
 * cannot be redirected to another endpoint. {@code messageIdReplay}: a signed wsa:MessageID is
 * accepted once (in the replay store, with the timestamps).
 */
public record AddressingPolicy(boolean required, List<String> addresses, boolean messageIdReplay) {
    public AddressingPolicy {
        addresses = List.copyOf(addresses);
    }

    /** Nothing required; a present wsa:To must be the request URL; a signed MessageID is single-use. */
    public static AddressingPolicy defaults() {
        return new AddressingPolicy(false, List.of(), true);
    }
}
