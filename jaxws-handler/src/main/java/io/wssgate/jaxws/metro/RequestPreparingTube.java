package io.wssgate.jaxws.metro;

import com.sun.xml.ws.api.message.Packet;
import com.sun.xml.ws.api.pipe.NextAction;
import com.sun.xml.ws.api.pipe.Tube;
import com.sun.xml.ws.api.pipe.TubeCloner;
import com.sun.xml.ws.api.pipe.helper.AbstractFilterTubeImpl;
import io.wssgate.jaxws.OptimisedRequest;
import java.util.function.Consumer;

/**
 * The head of a tubeline WSS Gate decorates: prepares each request before any other tube (the
 * handlers included) sees it, and passes it on. Its preparations:
 * <ul>
 * <li>{@link #callerContext}, on a secured endpoint: gives each request a {@link CallerContextDelegate},
 * so the endpoint's WebServiceContext reports the caller WSS Gate validated. The transport sets
 * {@link Packet#webServiceContextDelegate} before the tubeline runs; nothing after the head replaces it.</li>
 * <li>{@link #requestCodecMark}, on a client port whose transport has {@link SecuringRequestCodec}:
 * marks each request ({@link OptimisedRequest#CODEC_PRESENT}), so the WSS Gate handler knows it may
 * leave securing to the codec. A port without this has no such codec, and the handler secures the
 * message itself.</li>
 * </ul>
 */
final class RequestPreparingTube extends AbstractFilterTubeImpl {
    private final Consumer<Packet> preparation;

    private RequestPreparingTube(Tube next, Consumer<Packet> preparation) {
        super(next);
        this.preparation = preparation;
    }

    private RequestPreparingTube(RequestPreparingTube that, TubeCloner cloner) {
        super(that, cloner);
        this.preparation = that.preparation;
    }

    static RequestPreparingTube callerContext(Tube next) {
        return new RequestPreparingTube(next, request -> {
            if (!(request.webServiceContextDelegate instanceof CallerContextDelegate)) {
                request.webServiceContextDelegate = new CallerContextDelegate(request.webServiceContextDelegate);
            }
        });
    }

    static RequestPreparingTube requestCodecMark(Tube next) {
        return new RequestPreparingTube(next,
                request -> request.invocationProperties.put(OptimisedRequest.CODEC_PRESENT, Boolean.TRUE));
    }

    @Override
    public NextAction processRequest(Packet request) {
        preparation.accept(request);
        return super.processRequest(request);
    }

    @Override
    public RequestPreparingTube copy(TubeCloner cloner) {
        return new RequestPreparingTube(this, cloner);
    }
}
