package io.wssgate.jaxws.metro;

import com.sun.xml.ws.api.message.Packet;
import com.sun.xml.ws.api.pipe.NextAction;
import com.sun.xml.ws.api.pipe.Tube;
import com.sun.xml.ws.api.pipe.TubeCloner;
import com.sun.xml.ws.api.pipe.helper.AbstractFilterTubeImpl;

/**
 * The head of a secured endpoint's tubeline: gives each request a {@link CallerContextDelegate},
 * so the endpoint's WebServiceContext reports the caller WSS Gate validated. The transport
 * sets {@link Packet#webServiceContextDelegate} before the tubeline runs; nothing after the
 * head replaces it.
 */
final class CallerContextTube extends AbstractFilterTubeImpl {

    CallerContextTube(Tube next) {
        super(next);
    }

    private CallerContextTube(CallerContextTube that, TubeCloner cloner) {
        super(that, cloner);
    }

    @Override
    public NextAction processRequest(Packet request) {
        if (!(request.webServiceContextDelegate instanceof CallerContextDelegate)) {
            request.webServiceContextDelegate = new CallerContextDelegate(request.webServiceContextDelegate);
        }
        return super.processRequest(request);
    }

    @Override
    public CallerContextTube copy(TubeCloner cloner) {
        return new CallerContextTube(this, cloner);
    }
}
