package io.wssgate.filter;

import io.wssgate.GatePolicy;
import io.wssgate.InboundOutcome;
import io.wssgate.inbound.Delivery;
import io.wssgate.WssGate;
import io.wssgate.config.ConfigurationException;
import io.wssgate.config.Problems;
import io.wssgate.fault.FaultCode;
import io.wssgate.identity.CurrentCaller;
import io.wssgate.inbound.SoapVersion;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WS-Security Servlet filter. Declared in web.xml with either a {@code config-file}
 * init-param or the configuration keys themselves as init-params. Requests to a path no
 * policy covers pass untouched. On a protected path: POSTs are validated and either reach the
 * application as the authenticated user or are answered with a WS-Security SOAP fault;
 * {@code GET ?wsdl} / {@code ?xsd=} pass when the policy allows it; any other method is refused.
 */
public final class WssGateFilter implements Filter {
    /** Request attribute holding the {@link io.wssgate.identity.WssPrincipal} of a validated request. */
    public static final String PRINCIPAL_ATTRIBUTE = "io.wssgate.principal";
    /** Request attribute holding the verified DOM {@link org.w3c.dom.Document}. */
    public static final String DOCUMENT_ATTRIBUTE = "io.wssgate.document";
    /** Request attribute holding the name of the policy that validated the request. */
    public static final String POLICY_ATTRIBUTE = "io.wssgate.policy";
    public static final String AUTH_TYPE = "WS-Security";

    private static final Logger LOG = LoggerFactory.getLogger(WssGateFilter.class);

    private WssGate gate;
    /** Only an engine this filter built is closed by it; one handed in belongs to its creator. */
    private boolean ownsGate;
    private final ApplicationSoapVersions soapVersions;

    public WssGateFilter() {
        this.soapVersions = ApplicationSoapVersions.unknown();
    }

    /** For programmatic registration (e.g. Spring Boot) with an engine built elsewhere. */
    public WssGateFilter(WssGate gate) {
        this(gate, ApplicationSoapVersions.unknown());
    }

    /**
     * The same, for an integration that knows which SOAP versions the application behind each
     * request speaks: an accepted message it could not read is answered by the filter
     * ({@link ApplicationSoapVersions}).
     */
    public WssGateFilter(WssGate gate, ApplicationSoapVersions soapVersions) {
        this.gate = gate;
        this.soapVersions = java.util.Objects.requireNonNull(soapVersions, "soapVersions");
    }

    @Override
    public void init(FilterConfig filterConfig) throws ServletException {
        if (gate != null) {
            return;
        }
        try {
            Problems problems = new Problems();
            gate = WssGate.create(FilterConfiguration.load(filterConfig, problems), Clock.systemUTC(), problems);
            ownsGate = true;
            LOG.info("WSS Gate filter '{}' started with policies {}", filterConfig.getFilterName(),
                    gate.policies().stream().map(GatePolicy::name).toList());
        } catch (ConfigurationException e) {
            LOG.error("WSS Gate filter '{}' refuses to start. {}", filterConfig.getFilterName(), e.getMessage());
            throw new ServletException(e.getMessage(), e);
        }
    }

    /** Stops the engine's key-file watcher when the container takes the filter out of service. */
    @Override
    public void destroy() {
        if (ownsGate && gate != null) {
            gate.close();
        }
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        if (!(req instanceof HttpServletRequest request) || !(res instanceof HttpServletResponse response)) {
            chain.doFilter(req, res);
            return;
        }
        Optional<GatePolicy> policy = gate.policyFor(contextRelativePath(request));
        if (policy.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        if ("POST".equals(request.getMethod())) {
            validate(policy.get(), request, response, chain);
        } else if ("GET".equals(request.getMethod()) && policy.get().config().allowWsdlGet() && isMetadataQuery(request)) {
            chain.doFilter(request, response);
        } else {
            response.setHeader("Allow", "POST");
            InboundOutcome.Rejected rejected = policy.get().reject(FaultCode.INVALID_SECURITY,
                    "HTTP method " + request.getMethod() + " refused on a protected path",
                    SoapVersion.fromContentType(request.getContentType()));
            FaultResponses.send(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, rejected);
        }
    }

    private void validate(GatePolicy policy, HttpServletRequest request, HttpServletResponse response,
                                 FilterChain chain) throws IOException, ServletException {
        long limit = policy.config().limits().maxMessageBytes();
        Optional<byte[]> body = BoundedBody.read(request, limit);
        if (body.isEmpty()) {
            InboundOutcome.Rejected rejected = policy.reject(FaultCode.INVALID_SECURITY,
                    "message larger than " + limit + " bytes", SoapVersion.fromContentType(request.getContentType()));
            FaultResponses.send(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, rejected);
            return;
        }
        InboundOutcome outcome = policy.validateHttpBody(body.get(), request.getContentType(),
                Delivery.http(request.getRequestURL().toString(), request.getRemoteAddr()));
        if (outcome instanceof InboundOutcome.Accepted accepted) {
            if (SoapVersionGuard.refuse(soapVersions.of(request), accepted.version(), request.getContentType(),
                    policy.name(), response)) {
                return;
            }
            AuthenticatedRequest authenticated = new AuthenticatedRequest(request, accepted, policy.name());
            // the caller stays current while the application runs, for outbound calls it makes
            try (CurrentCaller.Scope scope = CurrentCaller.set(accepted.caller())) {
                if (policy.securesOutbound()) {
                    SecuredResponses.run(policy, accepted, authenticated, response, chain);
                } else {
                    chain.doFilter(authenticated, response);
                }
            }
        } else {
            FaultResponses.send(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR,
                    (InboundOutcome.Rejected) outcome);
        }
    }

    private static String contextRelativePath(HttpServletRequest request) {
        String pathInfo = request.getPathInfo();
        return request.getServletPath() + (pathInfo == null ? "" : pathInfo);
    }

    private static boolean isMetadataQuery(HttpServletRequest request) {
        String query = request.getQueryString();
        if (query == null) {
            return false;
        }
        String q = query.toLowerCase(Locale.ROOT);
        return q.equals("wsdl") || q.startsWith("wsdl=") || q.startsWith("xsd=") || q.equals("xsd");
    }
}
