package io.wssgate.benchmarks.exchange;

import jakarta.annotation.Resource;
import jakarta.xml.ws.WebServiceContext;
import jakarta.xml.ws.WebServiceException;
import java.security.Principal;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The application of the Metro path, as small as a real endpoint gets: it is handed the whole
 * order batch (Metro and JAXB read every element of the request), asks its WebServiceContext who
 * the caller is, and acknowledges. Subclasses carry the annotations: service, port, WSS Gate policy
 * (none for {@link UnsecuredOrdersEndpoint}).
 */
public abstract class OrdersEndpoint implements OrdersService {
    /** Every invocation of every orders endpoint in this JVM: a refused request must not add one. */
    static final AtomicLong INVOCATIONS = new AtomicLong();

    @Resource
    private WebServiceContext context;

    @Override
    public Ack submit(OrderBatch batch) {
        INVOCATIONS.incrementAndGet();
        if (batch == null || batch.orders.isEmpty()) {
            throw new WebServiceException("no orders in the request");
        }
        Ack ack = new Ack();
        ack.caller = caller(context);
        ack.status = "accepted";
        return ack;
    }

    /** Who sent the request: the caller WSS Gate validated, which a secured endpoint requires. */
    String caller(WebServiceContext context) {
        Principal caller = context.getUserPrincipal();
        if (caller == null) {
            throw new WebServiceException("no caller: the request reached the endpoint unauthenticated");
        }
        return caller.getName();
    }
}
