package io.wssgate.jaxws.layout;

import io.wssgate.jaxws.WhoAmI;
import jakarta.annotation.Resource;
import jakarta.xml.ws.WebServiceContext;
import java.security.Principal;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What every endpoint of the layout tests does: counts invocations and keeps the principal each
 * saw. Subclasses carry only the annotations (policy, SOAP version).
 */
public abstract class LayoutEndpoint implements WhoAmI {
    static final AtomicInteger INVOCATIONS = new AtomicInteger();
    static final List<String> PRINCIPALS = new CopyOnWriteArrayList<>();

    @Resource
    private WebServiceContext context;

    @Override
    public String whoami() {
        return record();
    }

    @Override
    public String echo(String text) {
        return record() + ";text=" + text;
    }

    @Override
    public void note(String text) {
        record();
    }

    private String record() {
        INVOCATIONS.incrementAndGet();
        Principal principal = context.getUserPrincipal();
        String name = principal == null ? "" : principal.getName();
        PRINCIPALS.add(name);
        return "principal=" + name;
    }
}
