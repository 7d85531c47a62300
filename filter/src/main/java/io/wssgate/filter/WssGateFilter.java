package io.wssgate.filter;

import io.wssgate.PolicyRuntime;
import io.wssgate.InboundOutcome;
import io.wssgate.soap.Delivery;
import io.wssgate.WssGate;
import io.wssgate.config.ConfigurationException;
import io.wssgate.config.Problems;
import io.wssgate.exchange.ServerExchange;
import io.wssgate.identity.CurrentCaller;
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
import io.wssgate.log.GateLog;
import io.wssgate.observe.DiscoveredObservers;
import io.wssgate.log.GateMdc;

/**
 * The WS-Security Servlet filter. Declared in web.xml with either a {@code config-file}
 * init-param or the configuration keys themselves as init-params. Requests to a path no
 * policy covers pass untouched. On a protected path: POSTs are validated and either reach the
 * application as the authenticated user or are answered with a WS-Security SOAP fault;
 * {@code GET ?wsdl} / {@code ?xsd=} pass when the policy allows it; any other method is refused.
 */
public final class WssGateFilter implements Filter {
    public static final String AUTH_TYPE = "WS-Security";

    /**
     * The request WSS Gate accepted, as the application sees it (its policy, caller, principal,
     * verified document): the one typed request attribute {@link InboundOutcome.Accepted#KEY}.
     */
    public static Optional<InboundOutcome.Accepted> accepted(ServletRequest request) {
        return request.getAttribute(InboundOutcome.Accepted.KEY) instanceof InboundOutcome.Accepted accepted
                ? Optional.of(accepted) : Optional.empty();
    }

    private static final GateLog LOG = GateLog.of(WssGateFilter.class);

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
            // observers the application declares in META-INF/services/io.wssgate.GateObserver
            gate = WssGate.create(FilterConfiguration.load(filterConfig, problems), Clock.systemUTC(), problems,
                    DiscoveredObservers.load(filterConfig.getServletContext().getClassLoader()));
            ownsGate = true;
            requirePaths(gate);
            LOG.info("WSS Gate filter '{}' started with policies {}", filterConfig.getFilterName(),
                    gate.policies().stream().map(PolicyRuntime::name).toList());
        } catch (ConfigurationException e) {
            LOG.error("WSS Gate filter '{}' refuses to start. {}", filterConfig.getFilterName(), e.getMessage());
            throw new ServletException(e.getMessage(), e);
        }
    }

    /**
     * A policy without paths is one a client or a JAX-WS endpoint uses by name; a filter whose
     * policies all lack paths would guard nothing, which is a mistake to report, not to run with.
     */
    private static void requirePaths(WssGate gate) {
        if (gate.policies().stream().allMatch(p -> p.config().paths().isEmpty())) {
            gate.close();
            Problems problems = new Problems();
            problems.add("policies", "no policy has paths, so this filter would guard nothing: give the policies "
                    + "that guard requests their URL patterns (paths: [/services/*])");
            problems.throwIfAny();
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
        Optional<PolicyRuntime> policy = gate.policyFor(contextRelativePath(request));
        if (policy.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        ServerExchange exchange = new ServerExchange(policy.get());
        if ("POST".equals(request.getMethod())) {
            validate(exchange, request, response, chain);
        } else if ("GET".equals(request.getMethod()) && policy.get().config().allowWsdlGet() && isMetadataQuery(request)) {
            if (policy.get().config().wsdl().publishPolicy() && isWsdlQuery(request)) {
                PublishedWsdl.serve(policy.get(), request, response, chain);
            } else {
                chain.doFilter(request, response);
            }
        } else {
            response.setHeader("Allow", "POST");
            FaultResponses.send(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, exchange.refuse(
                    "HTTP method " + request.getMethod() + " refused on a protected path", request.getContentType(),
                    delivery(request)));
        }
    }

    private void validate(ServerExchange exchange, HttpServletRequest request, HttpServletResponse response,
                          FilterChain chain) throws IOException, ServletException {
        InboundOutcome outcome = exchange.receive(request.getInputStream(), request.getContentLengthLong(),
                request.getContentType(), delivery(request));
        if (outcome instanceof InboundOutcome.Rejected rejected) {
            FaultResponses.send(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, rejected);
            return;
        }
        InboundOutcome.Accepted accepted = (InboundOutcome.Accepted) outcome;
        // a MIME package is spooled to disk: released however the application ends
        try (AuthenticatedRequest authenticated = new AuthenticatedRequest(request, accepted)) {
            if (SoapVersionGuard.refuse(soapVersions.of(request), accepted.version(), contentTypeOfEnvelope(accepted,
                    request), accepted.policy(), response)) {
                return;
            }
            // the caller stays current while the application runs, for outbound calls it makes, and
            // the request's correlation id, policy and outcome stay in the MDC for its log lines
            try (CurrentCaller.Scope scope = CurrentCaller.set(accepted.caller());
                 GateMdc.Scope mdc = ServerExchange.logContext(accepted)) {
                if (exchange.securesResponses()) {
                    SecuredResponses.run(exchange, accepted, authenticated, response, chain);
                } else {
                    chain.doFilter(authenticated, response);
                }
            }
        }
    }

    /** The Content-Type the envelope itself came with: the request's, or a MIME package's root part's. */
    private static String contentTypeOfEnvelope(InboundOutcome.Accepted accepted, HttpServletRequest request) {
        return accepted.mime().map(m -> m.envelopeContentType()).orElse(request.getContentType());
    }

    private static Delivery delivery(HttpServletRequest request) {
        return Delivery.http(request.getMethod(), request.getRequestURL().toString(), request.getRequestURI(),
                request.getRemoteAddr(), request.getHeader("SOAPAction"), request.getContentType());
    }

    private static String contextRelativePath(HttpServletRequest request) {
        String pathInfo = request.getPathInfo();
        return request.getServletPath() + (pathInfo == null ? "" : pathInfo);
    }

    /** {@code ?wsdl} itself, the document the policy is attached to (not an imported {@code ?wsdl=n} or schema). */
    private static boolean isWsdlQuery(HttpServletRequest request) {
        return "wsdl".equals(request.getQueryString().toLowerCase(Locale.ROOT));
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
