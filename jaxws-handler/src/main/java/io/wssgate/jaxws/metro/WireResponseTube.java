package io.wssgate.jaxws.metro;

import com.sun.xml.ws.api.SOAPVersion;
import com.sun.xml.ws.api.message.Message;
import com.sun.xml.ws.api.message.Packet;
import com.sun.xml.ws.api.pipe.Codecs;
import com.sun.xml.ws.api.pipe.NextAction;
import com.sun.xml.ws.api.pipe.StreamSOAPCodec;
import com.sun.xml.ws.api.pipe.Tube;
import com.sun.xml.ws.api.pipe.TubeCloner;
import com.sun.xml.ws.api.pipe.helper.AbstractFilterTubeImpl;
import com.sun.xml.ws.api.streaming.XMLStreamWriterFactory;
import io.wssgate.PolicyRuntime;
import io.wssgate.exchange.Reply;
import io.wssgate.exchange.ServerExchange;
import io.wssgate.jaxws.WireResponse;
import io.wssgate.soap.SoapVersion;
import java.io.ByteArrayOutputStream;
import java.util.Optional;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Secures a WSS Gate endpoint's responses on Metro's own message, at the head of the tubeline,
 * after every tube and handler that still changes the response: offers each request's response
 * securing to the endpoint's {@link io.wssgate.jaxws.WssGateHandler} ({@link WireResponse}), and
 * when the handler hands it back, writes Metro's message once to the bytes the core secures and
 * gives the codec the secured bytes to write as they are ({@link SecuredWire}). A response that
 * cannot be secured becomes the generic server fault, its correlation id also an HTTP header.
 */
final class WireResponseTube extends AbstractFilterTubeImpl {
    private final ServerExchange exchange;
    private final SoapVersion version;
    /** Reads secured envelopes into Metro messages; stateless, so every copy of the tube shares it. */
    private final StreamSOAPCodec envelopes;

    WireResponseTube(Tube next, PolicyRuntime policy, SOAPVersion bindingVersion) {
        super(next);
        this.exchange = new ServerExchange(policy);
        this.version = bindingVersion == SOAPVersion.SOAP_12 ? SoapVersion.SOAP_12 : SoapVersion.SOAP_11;
        this.envelopes = Codecs.createSOAPEnvelopeXmlCodec(bindingVersion);
    }

    private WireResponseTube(WireResponseTube that, TubeCloner cloner) {
        super(that, cloner);
        this.exchange = that.exchange;
        this.version = that.version;
        this.envelopes = that.envelopes;
    }

    @Override
    public NextAction processRequest(Packet request) {
        WireResponse.offer(request.invocationProperties);
        return super.processRequest(request);
    }

    @Override
    public NextAction processResponse(Packet response) {
        Optional<WireResponse.Pending> pending = WireResponse.take(response.invocationProperties);
        Message message = response.getMessage();
        if (pending.isPresent() && message != null) {
            Reply reply = pending.get().secure(exchange, version, () -> serialize(message));
            reply.correlationId().ifPresent(id ->
                    WireResponse.correlationHeader(response.asMapIncludingInvocationProperties(), id));
            SecuredWire.put(response, reply.body(), envelopes);
        }
        return super.processResponse(response);
    }

    /**
     * Metro's response as UTF-8 bytes, written once. Attachments are refused rather than silently
     * dropped, as where the handler secures a SAAJ message: the core signs the envelope alone.
     */
    private static byte[] serialize(Message message) throws XMLStreamException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        XMLStreamWriter writer = XMLStreamWriterFactory.create(out, "UTF-8");
        try {
            message.writeTo(writer);
            writer.flush();
        } finally {
            XMLStreamWriterFactory.recycle(writer);
        }
        if (!message.getAttachments().isEmpty()) {
            throw new XMLStreamException("SOAP attachments are not supported by WSS Gate");
        }
        return out.toByteArray();
    }

    @Override
    public WireResponseTube copy(TubeCloner cloner) {
        return new WireResponseTube(this, cloner);
    }
}
