package io.wssgate.jaxws.metro;

import com.sun.xml.ws.api.SOAPVersion;
import com.sun.xml.ws.api.message.Packet;
import io.wssgate.exchange.BoundedRead;
import io.wssgate.exchange.ServerExchange;
import io.wssgate.soap.Delivery;
import io.wssgate.soap.SoapActions;
import io.wssgate.jaxws.ServletDelivery;
import jakarta.xml.ws.handler.MessageContext;
import com.sun.xml.ws.api.pipe.Codec;
import com.sun.xml.ws.api.pipe.ContentType;
import com.sun.xml.ws.api.server.EndpointAwareCodec;
import com.sun.xml.ws.api.server.WSEndpoint;
import io.wssgate.PolicyRuntime;
import io.wssgate.InboundOutcome;
import io.wssgate.soap.SoapVersion;
import io.wssgate.jaxws.WireOutcome;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The codec of an endpoint WSS Gate secures on Metro: validates each request's bytes exactly as
 * they came over HTTP, with its Content-Type, before Metro parses anything, as the Servlet
 * filter does; then lets Metro's own codec decode only what WSS Gate accepted:
 * <ul>
 * <li>accepted: the bytes that were verified, or the decrypted message, so Metro, its
 * mustUnderstand check and the endpoint see exactly the message WSS Gate validated (a decrypted
 * header is then an ordinary header, checked for mustUnderstand like any other);</li>
 * <li>rejected: an empty envelope of the endpoint's SOAP version, so Metro never parses the
 * attacker's bytes; the {@link io.wssgate.jaxws.WssGateHandler} then answers with the
 * rejection's fault before the endpoint could run.</li>
 * </ul>
 * Either way the decision travels to the handler with the packet ({@link WireOutcome}).
 * A response WSS Gate secured is written as the core secured it ({@link SecuredWire}); every
 * other response is encoded by Metro's codec unchanged.
 *
 * <p>Not thread-safe, like every Metro codec: Metro takes a {@link #copy()} per concurrent exchange.
 */
final class WireValidatingCodec implements EndpointAwareCodec {
    private static final Pattern CHARSET = Pattern.compile("(?i);\\s*charset\\s*=\\s*(\"[^\"]*\"|[^;\\s]+)");

    private final Codec delegate;
    private final PolicyRuntime policy;
    private final SOAPVersion bindingVersion;

    WireValidatingCodec(Codec delegate, PolicyRuntime policy, SOAPVersion bindingVersion) {
        this.delegate = delegate;
        this.policy = policy;
        this.bindingVersion = bindingVersion;
    }

    @Override
    public void decode(InputStream in, String contentType, Packet packet) throws IOException {
        ServerExchange exchange = new ServerExchange(policy);
        // Metro has put the HTTP connection on the packet before decoding: its servlet request tells
        // the URL a SAML Recipient is compared with, and the SOAPAction; without a servlet (Metro's
        // own HTTP server) the SOAPAction Metro read from the request's header is on the packet.
        // There the property is not even defined: asking for it throws instead of answering null.
        Object servletRequest = packet.supports(MessageContext.SERVLET_REQUEST)
                ? packet.get(MessageContext.SERVLET_REQUEST) : null;
        Delivery delivery = servletRequest != null ? ServletDelivery.ofRequest(servletRequest)
                : new Delivery(Optional.empty(), Optional.empty(), SoapActions.of(packet.soapAction, contentType));
        Optional<byte[]> wire = Optional.empty();
        InboundOutcome outcome;
        if (exchange.readsMimePackage(contentType)) {
            outcome = exchange.receive(in, -1, contentType, delivery);
        } else {
            wire = BoundedRead.read(in, -1, exchange.maxMessageBytes());
            outcome = exchange.receive(wire, contentType, delivery);
        }
        if (outcome instanceof InboundOutcome.Rejected rejected) {
            // the endpoint answers in its binding's SOAP version whatever the request claimed to be
            outcome = new InboundOutcome.Rejected(rejected.code(), rejected.correlationId(), version(bindingVersion));
        }
        WireOutcome.attach(packet.invocationProperties, outcome);
        if (outcome instanceof InboundOutcome.Accepted accepted && accepted.mime().isPresent()) {
            // a MIME package goes on as it arrived (its root decrypted, if it was): Metro's own MIME
            // decoder reads the attachments lazily from the stream, which owns the spooled file now
            delegate.decode(accepted.openApplicationBody(), contentType, packet);
        } else if (outcome instanceof InboundOutcome.Accepted accepted) {
            // the core hands back the very array it read unless decryption changed the message
            boolean decrypted = accepted.body() != wire.get();
            delegate.decode(new ByteArrayInputStream(accepted.body()), contentTypeOf(decrypted, contentType), packet);
        } else {
            delegate.decode(new ByteArrayInputStream(emptyEnvelope()), bindingVersion.contentType, packet);
        }
    }

    @Override
    public void decode(ReadableByteChannel in, String contentType, Packet packet) {
        try {
            decode(Channels.newInputStream(in), contentType, packet);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * The Content-Type Metro decodes the accepted message with: the request's own, except that a
     * decrypted message is re-serialized as UTF-8 and says so (the original charset described
     * the ciphertext's envelope). Other parameters (a SOAP 1.2 action) stay.
     */
    static String contentTypeOf(boolean decrypted, String requestContentType) {
        if (!decrypted || requestContentType == null) {
            return requestContentType;
        }
        return CHARSET.matcher(requestContentType).replaceAll("") + "; charset=UTF-8";
    }

    private static SoapVersion version(SOAPVersion metroVersion) {
        return metroVersion == SOAPVersion.SOAP_12 ? SoapVersion.SOAP_12 : SoapVersion.SOAP_11;
    }

    private byte[] emptyEnvelope() {
        return ("<S:Envelope xmlns:S=\"" + bindingVersion.nsUri + "\"><S:Body/></S:Envelope>")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String getMimeType() {
        return delegate.getMimeType();
    }

    @Override
    public ContentType getStaticContentType(Packet packet) {
        return delegate.getStaticContentType(packet);
    }

    @Override
    public ContentType encode(Packet packet, OutputStream out) throws IOException {
        ContentType type = delegate.getStaticContentType(packet);
        Optional<byte[]> secured = SecuredWire.take(packet, type);
        if (secured.isPresent()) {
            out.write(secured.get());
            return type;
        }
        return delegate.encode(packet, out);
    }

    @Override
    public ContentType encode(Packet packet, WritableByteChannel buffer) {
        try {
            return encode(packet, Channels.newOutputStream(buffer));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public Codec copy() {
        return new WireValidatingCodec(delegate.copy(), policy, bindingVersion);
    }

    /** Passed on, so a codec of another Metro extension that needs its endpoint still gets it. */
    @Override
    public void setEndpoint(WSEndpoint endpoint) {
        if (delegate instanceof EndpointAwareCodec aware) {
            aware.setEndpoint(endpoint);
        }
    }
}
