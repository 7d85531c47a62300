package io.wssgate.filter;

import io.wssgate.PolicyRuntime;
import io.wssgate.log.GateLog;
import io.wssgate.wsdl.WsdlPolicyPublisher;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code GET ?wsdl} under a policy with {@code wsdl.publish-policy}: the application's WSDL is
 * held, the policy's WS-SecurityPolicy attached, and the result sent. Anything that is not a
 * successful XML answer within the policy's message size limit passes unchanged (logged), so the
 * contract is never lost because the gate could not read it.
 */
final class PublishedWsdl {
    private static final GateLog LOG = GateLog.of(PublishedWsdl.class);

    private PublishedWsdl() {
    }

    static void serve(PolicyRuntime policy, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        BufferedResponse held = new BufferedResponse(response);
        chain.doFilter(request, held);
        byte[] body = held.body();
        byte[] out = body;
        long limit = policy.config().limits().maxMessageBytes();
        if (held.getStatus() != HttpServletResponse.SC_OK || body.length == 0) {
            LOG.debug("WSDL of {} not published with policy '{}': status {}", request.getRequestURI(), policy.name(),
                    held.getStatus());
        } else if (body.length > limit) {
            LOG.warn("WSDL of {} is larger than limits.max-message-size ({} bytes): sent without the WS-SecurityPolicy "
                    + "of policy '{}'", request.getRequestURI(), limit, policy.name());
        } else {
            try {
                out = new WsdlPolicyPublisher(policy.config()).publish(body);
            } catch (IOException | RuntimeException e) {
                LOG.warn("WSDL of {} could not be read: sent without the WS-SecurityPolicy of policy '{}' ({})",
                        request.getRequestURI(), policy.name(), e.getMessage());
            }
        }
        if (out != body) {
            // the document is re-serialized as UTF-8 with its own declaration
            response.setContentType("text/xml;charset=UTF-8");
        }
        response.setContentLength(out.length);
        response.getOutputStream().write(out);
    }
}
