package io.wssgate.jaxws.metro;

import com.sun.xml.ws.api.message.Message;
import com.sun.xml.ws.api.message.Packet;
import com.sun.xml.ws.api.pipe.ContentType;
import com.sun.xml.ws.api.pipe.StreamSOAPCodec;
import com.sun.xml.ws.api.streaming.XMLStreamReaderFactory;
import java.io.ByteArrayInputStream;
import java.util.Locale;
import java.util.Optional;

/**
 * A response WSS Gate secured, from the tube that secured it to the endpoint's codec, which
 * writes its bytes exactly as the core produced them: no parse into another object model and
 * no second serialization, so nothing can change the signed XML on its way out.
 *
 * <p>The packet carries a Metro message read from those bytes too, so everything that looks at
 * the response before it is written (its HTTP status from {@link Message#isFault()}, a Metro
 * extension, a non-anonymous ReplyTo) sees the secured message. The bytes are written only
 * while that very message is the packet's; if anything replaced it, or the codec would write
 * another encoding (MTOM, Fast Infoset) or charset, Metro's codec writes the packet's message.
 */
final class SecuredWire {
    private static final String PROPERTY = "io.wssgate.jaxws.metro.securedWire";

    private record Held(Message message, byte[] bytes) {
    }

    private SecuredWire() {
    }

    /**
     * Makes {@code secured} (a UTF-8 envelope from the core) the packet's response, read by
     * {@code envelopes} (one per endpoint: creating Metro's envelope reader looks its
     * implementation up on the class path each time).
     */
    static void put(Packet response, byte[] secured, StreamSOAPCodec envelopes) {
        response.setMessage(envelopes.decode(XMLStreamReaderFactory.create(null, new ByteArrayInputStream(secured), true)));
        response.invocationProperties.put(PROPERTY, new Held(response.getInternalMessage(), secured));
    }

    /** The secured bytes to write as they are with {@code type}, if they are still the packet's response. */
    static Optional<byte[]> take(Packet response, ContentType type) {
        Object held = response.invocationProperties.remove(PROPERTY);
        if (held instanceof Held h && h.message() == response.getInternalMessage() && type != null
                && plainUtf8Xml(type)) {
            return Optional.of(h.bytes());
        }
        return Optional.empty();
    }

    /** SOAP 1.1 or 1.2 as plain XML in UTF-8 (what the core writes), not an MTOM or Fast Infoset package. */
    private static boolean plainUtf8Xml(ContentType type) {
        String value = type.getContentType() == null ? "" : type.getContentType().toLowerCase(Locale.ROOT);
        return (value.startsWith("text/xml") || value.startsWith("application/soap+xml"))
                && value.replace(" ", "").replace("\"", "").contains("charset=utf-8");
    }
}
