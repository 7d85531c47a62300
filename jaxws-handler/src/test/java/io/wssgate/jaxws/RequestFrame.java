package io.wssgate.jaxws;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Declared before Metro's servlet: logs a line when the container hands a request to the web
 * application and one when Metro has answered it, on the container's (pooled) request thread,
 * so the test sees what that thread's MDC holds outside WSS Gate's handling.
 */
public class RequestFrame implements Filter {
    static final String BEGINS = "request begins";
    static final String ENDS = "request ends";
    private static final Logger LOG = LoggerFactory.getLogger(RequestFrame.class);

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        LOG.info(BEGINS);
        try {
            chain.doFilter(request, response);
        } finally {
            LOG.info(ENDS);
        }
    }
}
