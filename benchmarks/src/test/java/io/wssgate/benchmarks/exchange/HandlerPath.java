package io.wssgate.benchmarks.exchange;

import io.wssgate.benchmarks.GateFixture;
import io.wssgate.benchmarks.Messages;
import io.wssgate.benchmarks.Scenario;
import io.wssgate.jaxws.WssGateHandler;
import jakarta.xml.soap.MessageFactory;
import jakarta.xml.soap.MimeHeaders;
import jakarta.xml.soap.SOAPConstants;
import jakarta.xml.soap.SOAPException;
import jakarta.xml.soap.SOAPMessage;
import jakarta.xml.ws.handler.MessageContext;
import jakarta.xml.ws.soap.SOAPFaultException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.Principal;

/**
 * The JAX-WS endpoint path on a runtime without WSS Gate's wire integration (what CXF and other
 * runtimes run with the handler declared by {@code @HandlerChain}): the request as the SAAJ
 * message the runtime builds from the wire bytes, in a {@link jakarta.xml.ws.handler.soap.SOAPMessageContext};
 * {@link WssGateHandler#handleMessage} inbound (validate, caller into the context); the endpoint
 * reads its request's Body and answers; {@code handleMessage} outbound secures that answer (the
 * policy has an {@code outbound} signature); {@code close}; the response written to the wire.
 * The handler is the only one in the chain, as it would be next to the wire.
 */
public final class HandlerPath implements ExchangePath {
    private final WssGateHandler handler;
    private final MessageFactory soap11;
    private long applicationRuns;
    /** What the application read: kept, so the reading is work the JIT cannot drop. */
    private long elementsRead;

    public HandlerPath(Scenario scenario) throws SOAPException {
        this.handler = new WssGateHandler(GateFixture.exchange(scenario), WssGateHandler.Role.ENDPOINT);
        // one factory for the runtime's lifetime, as a runtime keeps one per binding
        this.soap11 = MessageFactory.newInstance(SOAPConstants.SOAP_1_1_PROTOCOL);
    }

    @Override
    public byte[] exchange(byte[] request) throws Exception {
        ExchangeMessageContext context = new ExchangeMessageContext(saaj(request), Messages.CONTENT_TYPE);
        try {
            try {
                handler.handleMessage(context);
            } catch (SOAPFaultException e) {
                throw new RequestRefused(e.getFault().getFaultCodeAsQName().getLocalPart(), e.getFault().getFaultString());
            }
            context.respond(endpoint(context));
            handler.handleMessage(context);
            if (context.containsKey(MessageContext.HTTP_RESPONSE_HEADERS)) {
                // the handler put a correlation id there: it replaced the answer by a server fault
                throw new IllegalStateException("the handler could not secure the response");
            }
            ByteArrayOutputStream wire = new ByteArrayOutputStream();
            context.getMessage().writeTo(wire);
            return wire.toByteArray();
        } finally {
            handler.close(context);
        }
    }

    /** The application: reads the Body it was given (the whole tree) and answers its caller. */
    private SOAPMessage endpoint(ExchangeMessageContext context) throws SOAPException, IOException {
        Principal caller = WssGateHandler.accepted(context).map(a -> a.principal()).orElseThrow(
                () -> new IllegalStateException("the handler let a request through without a caller"));
        applicationRuns++;
        elementsRead += context.getMessage().getSOAPBody().getElementsByTagNameNS("*", "*").getLength();
        return saaj(Replies.ack(caller.getName()));
    }

    private SOAPMessage saaj(byte[] envelope) throws SOAPException, IOException {
        MimeHeaders headers = new MimeHeaders();
        headers.addHeader("Content-Type", Messages.CONTENT_TYPE);
        return soap11.createMessage(headers, new ByteArrayInputStream(envelope));
    }

    @Override
    public long applicationRuns() {
        return applicationRuns;
    }
}
