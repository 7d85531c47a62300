package io.wssgate.jaxws;

import io.wssgate.exchange.ClientCall;
import io.wssgate.soap.Delivery;
import java.util.Objects;

/**
 * A client request whose securing the WSS Gate handler leaves to the port's MTOM encoder on
 * Metro: the call to secure it with and where it goes. Metro gives a handler an MTOM request's
 * content inline (base64 in the envelope); secured there it would go out inline. So on a port
 * where WSS Gate's request codec sits in front of Metro's MTOM encoder (it marks each request
 * with {@link #CODEC_PRESENT}) the handler puts this on the request instead of touching the
 * message, and the codec secures the package Metro wrote, {@code xop:Include}s in place.
 * Without the mark the handler secures the message itself: a request never goes out unsecured.
 */
public record OptimisedRequest(ClientCall call, Delivery delivery) {
    /** The invocation property under which the handler leaves the request to the codec. */
    public static final String KEY = "io.wssgate.optimisedRequest";
    /** The invocation property (true) saying WSS Gate's request codec will encode this request. */
    public static final String CODEC_PRESENT = "io.wssgate.requestCodec";

    public OptimisedRequest {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(delivery, "delivery");
    }
}
