package io.wssgate.benchmarks.exchange;

import io.wssgate.benchmarks.GateFixture;
import io.wssgate.benchmarks.Messages;
import io.wssgate.benchmarks.Scenario;
import io.wssgate.filter.WssGateFilter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.OutputStream;
import java.security.Principal;

/**
 * The Servlet filter path in process, without HTTP: {@link WssGateFilter#doFilter} on an in-memory
 * POST ({@link StubRequest}, {@link StubResponse}) in front of an application (the filter chain)
 * that reads the request body and writes a small SOAP answer. The request's path picks the
 * policy, as in a deployment: with a plain response the policy only validates; with a secured
 * one the policy also signs the answer (the filter buffers it, secures it, then writes it).
 */
public final class FilterPath implements ExchangePath {
    private final WssGateFilter filter;
    private final String servletPath;
    private final Application application = new Application();

    public FilterPath(Scenario scenario, boolean securedResponse) {
        // an engine built elsewhere and handed in, as Spring Boot registers the filter
        this.filter = new WssGateFilter(GateFixture.gate());
        this.servletPath = "/" + (securedResponse ? GateFixture.exchangePolicyName(scenario)
                : GateFixture.inbound(scenario).name());
    }

    @Override
    public byte[] exchange(byte[] request) throws IOException, ServletException, RequestRefused {
        StubRequest http = new StubRequest("/app", servletPath, "/orders", Messages.CONTENT_TYPE, request);
        StubResponse response = new StubResponse();
        filter.doFilter(http, response, application);
        byte[] body = response.body();
        if (response.getStatus() != 200) {
            throw new RequestRefused(Faults.code(body), "the filter answered HTTP " + response.getStatus());
        }
        return body;
    }

    @Override
    public long applicationRuns() {
        return application.runs;
    }

    /** The servlet behind the filter: reads the body, answers its caller. */
    private static final class Application implements FilterChain {
        long runs;
        /** What it read: kept, so the reading is work the JIT cannot drop. */
        long bytesRead;

        @Override
        public void doFilter(ServletRequest request, ServletResponse response) throws IOException, ServletException {
            runs++;
            HttpServletRequest http = (HttpServletRequest) request;
            bytesRead += http.getInputStream().transferTo(OutputStream.nullOutputStream());
            Principal caller = http.getUserPrincipal();
            if (caller == null) {
                throw new ServletException("the filter let a request through without a caller");
            }
            byte[] answer = Replies.ack(caller.getName());
            response.setContentType(Messages.CONTENT_TYPE);
            response.setContentLength(answer.length);
            response.getOutputStream().write(answer);
        }
    }
}
