package io.wssgate.jaxws;

import jakarta.annotation.Resource;
import jakarta.xml.ws.WebServiceContext;

/**
 * What every test endpoint does; subclasses only carry the annotations (service, binding,
 * policy). Metro injects the WebServiceContext into this superclass field too.
 */
public abstract class ReportingEndpoint implements WhoAmI {
    @Resource
    private WebServiceContext context;

    @Override
    public String whoami() {
        return CallerReport.describe(context);
    }

    @Override
    public String echo(String text) {
        return CallerReport.echo(text);
    }

    @Override
    public void note(String text) {
        CallerReport.note(text);
    }
}
