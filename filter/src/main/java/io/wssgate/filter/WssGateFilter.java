package io.wssgate.filter;

import io.wssgate.PolicyRuntime;
import io.wssgate.InboundOutcome;
import io.wssgate.WssGate;
import io.wssgate.JceProviders;
import io.wssgate.exchange.ServerExchange;
import io.wssgate.identity.CurrentCaller;
import io.wssgate.log.GateMdc;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

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

    private WssGate gate;
    /** Only an engine this filter built is closed by it; one handed in belongs to its creator. */
    private boolean ownsGate;
    private final ApplicationSoapVersions soapVersions;
    /** Behind WSS Gate's Jakarta Authentication module: a message the module accepted is not validated twice. */
    private final boolean behindAuthModule;
    private ClassLoader applicationLoader;
    /** The JCE providers before this filter's engine first ran WSS4J, see {@link JceProviders}. */
    private List<java.security.Provider> providersBefore = List.of();

    public WssGateFilter() {
        this.soapVersions = ApplicationSoapVersions.unknown();
        this.behindAuthModule = false;
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
        this(gate, soapVersions, false);
    }

    private WssGateFilter(WssGate gate, ApplicationSoapVersions soapVersions, boolean behindAuthModule) {
        this.gate = gate;
        this.soapVersions = java.util.Objects.requireNonNull(soapVersions, "soapVersions");
        this.behindAuthModule = behindAuthModule;
    }

    /**
     * The filter that runs behind WSS Gate's Jakarta Authentication module on the same engine: a
     * message the module accepted (the accepted request is on the request) reaches the application
     * with the module's caller, the caller current and the response secured; a message that
     * reaches a protected path without the module having validated it (a container that defers
     * authentication on paths without a security constraint) is validated here, as by the plain filter.
     */
    public static WssGateFilter behindAuthModule(WssGate gate) {
        return new WssGateFilter(java.util.Objects.requireNonNull(gate, "gate"), ApplicationSoapVersions.unknown(), true);
    }

    @Override
    public void init(FilterConfig filterConfig) throws ServletException {
        if (gate != null) {
            return;
        }
        // built and checked when the application started (WssGateInitializer), closed when it stops
        if (filterConfig.getServletContext().getAttribute(WebAppGates.attributeFor(filterConfig.getFilterName()))
                instanceof WssGate prepared) {
            gate = prepared;
            return;
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (String name : Collections.list(filterConfig.getInitParameterNames())) {
            params.put(name, filterConfig.getInitParameter(name));
        }
        // without WSS Gate's initializer (a container that does not scan for them, e.g. Jetty without
        // its annotations module) this filter is what puts back the providers WSS4J displaces
        providersBefore = JceProviders.snapshot();
        gate = WebAppGates.create(filterConfig.getServletContext(), params, "filter '" + filterConfig.getFilterName() + "'");
        ownsGate = true;
        applicationLoader = filterConfig.getServletContext().getClassLoader();
    }

    /**
     * Stops the engine's key-file watcher when the container takes the filter out of service, and
     * (for an engine this filter built) takes out the JCE providers the application registered and
     * puts back those they displaced.
     */
    @Override
    public void destroy() {
        if (ownsGate && gate != null) {
            gate.close();
            JceProviders.removeLoadedBy(applicationLoader, providersBefore);
        }
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        if (!(req instanceof HttpServletRequest request) || !(res instanceof HttpServletResponse response)) {
            chain.doFilter(req, res);
            return;
        }
        Optional<PolicyRuntime> policy = gate.policyFor(ServletTransport.contextRelativePath(request));
        if (policy.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        ServerExchange exchange = new ServerExchange(policy.get());
        switch (ServletTransport.step(policy.get(), request)) {
            case METADATA -> {
                if (policy.get().config().wsdl().publishPolicy() && isWsdlQuery(request)) {
                    PublishedWsdl.serve(policy.get(), request, response, chain);
                } else {
                    chain.doFilter(request, response);
                }
            }
            case REFUSE_METHOD -> ServletTransport.refuseMethod(exchange, request, response);
            case VALIDATE -> {
                Optional<InboundOutcome.Accepted> byModule = acceptedByAuthModule(request, policy.get());
                if (byModule.isPresent()) {
                    // the container knows the caller: user and roles stay its answer, only the body is ours
                    try (AcceptedBodyRequest body = new AcceptedBodyRequest(request, byModule.get())) {
                        run(exchange, byModule.get(), body, response, chain);
                    }
                } else {
                    validate(exchange, request, response, chain);
                }
            }
        }
    }

    private Optional<InboundOutcome.Accepted> acceptedByAuthModule(HttpServletRequest request, PolicyRuntime policy) {
        // only this filter's twin trusts the attribute: the plain filter validates every message itself
        return behindAuthModule ? accepted(request).filter(a -> a.policy().equals(policy.name())) : Optional.empty();
    }

    private void validate(ServerExchange exchange, HttpServletRequest request, HttpServletResponse response,
                          FilterChain chain) throws IOException, ServletException {
        InboundOutcome outcome = ServletTransport.receive(exchange, request);
        if (outcome instanceof InboundOutcome.Rejected rejected) {
            ServletTransport.sendFault(request, response, rejected);
            return;
        }
        InboundOutcome.Accepted accepted = (InboundOutcome.Accepted) outcome;
        // a MIME package is spooled to disk: released however the application ends
        try (AuthenticatedRequest authenticated = new AuthenticatedRequest(request, accepted)) {
            if (SoapVersionGuard.refuse(soapVersions.of(request), accepted.version(),
                    contentTypeOfEnvelope(accepted, request), accepted.policy(), response)) {
                return;
            }
            run(exchange, accepted, authenticated, response, chain);
        }
    }

    private static void run(ServerExchange exchange, InboundOutcome.Accepted accepted, HttpServletRequest request,
                            HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
        // the caller stays current while the application runs, for outbound calls it makes, and
        // the request's correlation id, policy and outcome stay in the MDC for its log lines
        try (CurrentCaller.Scope scope = CurrentCaller.set(accepted.caller());
             GateMdc.Scope mdc = ServerExchange.logContext(accepted)) {
            if (exchange.securesResponses()) {
                SecuredResponses.run(exchange, accepted, request, response, chain);
            } else {
                chain.doFilter(request, response);
            }
        }
    }

    /** The Content-Type the envelope itself came with: the request's, or a MIME package's root part's. */
    private static String contentTypeOfEnvelope(InboundOutcome.Accepted accepted, HttpServletRequest request) {
        return accepted.mime().map(m -> m.envelopeContentType()).orElse(request.getContentType());
    }

    /** {@code ?wsdl} itself, the document the policy is attached to (not an imported {@code ?wsdl=n} or schema). */
    private static boolean isWsdlQuery(HttpServletRequest request) {
        return "wsdl".equals(request.getQueryString().toLowerCase(Locale.ROOT));
    }
}
