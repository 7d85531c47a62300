package io.wssgate.jaxws.metro;

import com.sun.xml.ws.api.message.Packet;
import com.sun.xml.ws.api.pipe.Codec;
import com.sun.xml.ws.api.pipe.ContentType;
import io.wssgate.jaxws.OptimisedRequest;
import io.wssgate.mime.MimeReader;
import io.wssgate.mime.SecuredPackage;
import io.wssgate.spi.OutboundSecurityException;
import jakarta.xml.ws.WebServiceException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The codec of a Metro client port with MTOM enabled: a request the WSS Gate handler left to it
 * ({@link OptimisedRequest}) is encoded by Metro's own codec first, as the MTOM package Metro
 * sends (root {@code application/xop+xml} with {@code xop:Include}s, binary parts), spooled to a
 * temporary file; the package is then secured by the core as it stands ({@code
 * ClientCall.secureRequestPackage}: the signature covers the XOP content through the elements the
 * includes stand in, nothing inlined) and written with Metro's Content-Type, which the secured
 * package keeps. A request Metro wrote as a plain envelope (nothing to optimise) is secured as
 * one. Any failure throws: the request is not sent. Other requests, and every response, go
 * through Metro's codec unchanged.
 *
 * <p>Not thread-safe, like every Metro codec: Metro takes a {@link #copy()} per concurrent exchange.
 */
final class SecuringRequestCodec implements Codec {
    private final Codec delegate;

    SecuringRequestCodec(Codec delegate) {
        this.delegate = delegate;
    }

    @Override
    public ContentType encode(Packet packet, OutputStream out) throws IOException {
        if (!(packet.invocationProperties.remove(OptimisedRequest.KEY) instanceof OptimisedRequest request)) {
            return delegate.encode(packet, out);
        }
        Path spool = Files.createTempFile("wssgate-request-", ".mime");
        try {
            ContentType type;
            try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(spool), 64 * 1024)) {
                type = delegate.encode(packet, file);
            }
            try (InputStream in = Files.newInputStream(spool)) {
                if (MimeReader.isMultipart(type.getContentType())) {
                    try (SecuredPackage secured = request.call().secureRequestPackage(in, Files.size(spool),
                            type.getContentType(), request.delivery())) {
                        secured.writeTo(out);
                    }
                } else {
                    out.write(request.call().secureRequest(in.readAllBytes(), request.delivery()));
                }
            }
            return type;
        } catch (OutboundSecurityException e) {
            throw new WebServiceException("WS-Security policy '" + request.call().policyName()
                    + "' could not secure the request, so it was not sent: " + e.getMessage(), e);
        } finally {
            Files.deleteIfExists(spool);
        }
    }

    @Override
    public ContentType encode(Packet packet, WritableByteChannel buffer) {
        try {
            return encode(packet, Channels.newOutputStream(buffer));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** None for a request WSS Gate secures: its bytes (and so its length) are known only once secured. */
    @Override
    public ContentType getStaticContentType(Packet packet) {
        return packet.invocationProperties.containsKey(OptimisedRequest.KEY) ? null
                : delegate.getStaticContentType(packet);
    }

    @Override
    public String getMimeType() {
        return delegate.getMimeType();
    }

    @Override
    public void decode(InputStream in, String contentType, Packet packet) throws IOException {
        delegate.decode(in, contentType, packet);
    }

    @Override
    public void decode(ReadableByteChannel in, String contentType, Packet packet) {
        delegate.decode(in, contentType, packet);
    }

    @Override
    public Codec copy() {
        return new SecuringRequestCodec(delegate.copy());
    }
}
