package io.wssgate.filter.sts;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import io.wssgate.testing.LocalWebApp;
import io.wssgate.testing.TestKeys.Identity;

/**
 * Apache CXF's Security Token Service (WS-Trust 1.3, plus 1.4 ActAs) running in-process on a real
 * Jetty 12 through CXF's servlet transport, for testing WS-Trust clients.
 *
 * <pre>{@code
 * try (CxfSts sts = CxfSts.builder(keys.issue("sts"))
 *         .user("alice", "secret")                        // UsernameToken requesters
 *         .trustRequestersIssuedBy(keys.ca().certificate()) // X.509-signing requesters
 *         .trustDelegationIssuer(idp.certificate())        // OnBehalfOf / ActAs assertions
 *         .tokenLifetime(Duration.ofSeconds(5))
 *         .start()) {
 *     URI sts.endpoint(); sts.issueCount(); sts.failNextRequests(1); ...
 * }
 * }</pre>
 *
 * <p>What it does with a request:
 * <ul>
 * <li>every request (Issue and Validate alike) must carry a WS-Security header that authenticates
 * the requester: a UsernameToken (PasswordText or PasswordDigest) of a configured user, or an
 * X.509 signature covering the Body and a Timestamp by a certificate issued by a configured CA;
 * otherwise a SOAP fault (wsse:FailedAuthentication for a wrong password or unknown user,
 * wsse:InvalidSecurity for a missing or insufficient header). The authenticated name is the issued
 * assertion's subject: the user name (NameID format persistent), or the certificate's RFC 2253
 * subject DN (format X509SubjectName);</li>
 * <li>Issue: SAML 2.0 or 1.1 assertions, KeyType Bearer or PublicKey (the wst:UseKey certificate
 * goes into the holder-of-key SubjectConfirmation; its trust is not checked), signed by the STS key
 * (RSA-SHA256, certificate in KeyInfo), Issuer {@link #issuer()}; the AppliesTo address must match
 * one of the {@link Builder#appliesTo(String...) patterns} and becomes the AudienceRestriction; a
 * requested wst:Lifetime is honoured up to {@link Builder#maxTokenLifetime(Duration)} (capped, not
 * refused); KeyType SymmetricKey is not supported (fault);</li>
 * <li>OnBehalfOf / ActAs with a signed SAML assertion from a {@link Builder#trustDelegationIssuer
 * trusted issuer} (or from this STS): the new assertion's subject is that assertion's subject;</li>
 * <li>Validate: Status valid / invalid for an assertion this STS signed.</li>
 * </ul>
 * {@link RstMessages} (test sources) shows the exact XML.
 */
public final class CxfSts implements AutoCloseable {

    /** Default issuer name (the assertions' Issuer and NameQualifier). */
    public static final String DEFAULT_ISSUER = "https://sts.wssgate.test";
    static final String CONTEXT = "/trust";
    static final String SERVLET_PATH = "/services";
    static final String ENDPOINT_PATH = "/sts";

    /** Running instances by id, for the servlet that Jetty creates from web.xml. */
    private static final Map<String, CxfSts> RUNNING = new ConcurrentHashMap<>();

    private final Builder config;
    private final String id = UUID.randomUUID().toString();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger issued = new AtomicInteger();
    private final AtomicInteger validated = new AtomicInteger();
    private final AtomicInteger faultsToSend = new AtomicInteger();
    private volatile boolean faulting;
    private Path directory;
    private LocalWebApp server;

    private CxfSts(Builder config) {
        this.config = config;
    }

    public static Builder builder(Identity signingKey) {
        return new Builder(signingKey);
    }

    static CxfSts running(String id) {
        CxfSts sts = RUNNING.get(id);
        if (sts == null) {
            throw new IllegalStateException("No CxfSts with id " + id);
        }
        return sts;
    }

    /** The STS address, {@code http://127.0.0.1:<port>/trust/services/sts}. */
    public URI endpoint() {
        return server.uri(SERVLET_PATH + ENDPOINT_PATH);
    }

    public String issuer() {
        return config.issuer;
    }

    /** The certificate the STS signs its assertions with. */
    public X509Certificate signingCertificate() {
        return config.signingKey.certificate();
    }

    /** HTTP requests that reached CXF (including failed and faulted ones). */
    public int requestCount() {
        return requests.get();
    }

    /** Issue requests that passed authentication (whether or not a token came out). */
    public int issueCount() {
        return issued.get();
    }

    /** Validate requests that passed authentication. */
    public int validateCount() {
        return validated.get();
    }

    /** Answer the next {@code n} requests with a SOAP fault (wst:RequestFailed) before looking at them. */
    public void failNextRequests(int n) {
        faultsToSend.set(n);
    }

    /** While true, answer every request with a SOAP fault (wst:RequestFailed). */
    public void setFaulting(boolean faulting) {
        this.faulting = faulting;
    }

    /** Stops the server: afterwards its port refuses connections. Idempotent. */
    public synchronized void stop() throws Exception {
        RUNNING.remove(id);
        if (server != null) {
            server.close();
            server = null;
        }
        if (directory != null) {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
            directory = null;
        }
    }

    @Override
    public void close() throws Exception {
        stop();
    }

    // ---- for the servlet and interceptors --------------------------------------------------------

    Builder config() {
        return config;
    }

    AtomicInteger requests() {
        return requests;
    }

    AtomicInteger issued() {
        return issued;
    }

    AtomicInteger validated() {
        return validated;
    }

    /** Whether this request is to be answered with a fault (consumes one of {@link #failNextRequests}). */
    boolean shouldFault() {
        return faulting || faultsToSend.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
    }

    private CxfSts start() throws Exception {
        directory = Files.createTempDirectory("cxf-sts");
        Path webInf = Files.createDirectories(directory.resolve("webapp/WEB-INF"));
        Files.writeString(webInf.resolve("web.xml"), webXml());
        RUNNING.put(id, this);
        try {
            server = LocalWebApp.start(directory.resolve("webapp"), CONTEXT);
        } catch (Exception e) {
            stop();
            throw e;
        }
        return this;
    }

    private String webXml() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                  <servlet>
                    <servlet-name>sts</servlet-name>
                    <servlet-class>%s</servlet-class>
                    <init-param><param-name>%s</param-name><param-value>%s</param-value></init-param>
                    <load-on-startup>1</load-on-startup>
                  </servlet>
                  <servlet-mapping>
                    <servlet-name>sts</servlet-name>
                    <url-pattern>%s/*</url-pattern>
                  </servlet-mapping>
                </web-app>
                """.formatted(CxfStsServlet.class.getName(), CxfStsServlet.STS_ID_PARAM, id, SERVLET_PATH);
    }

    /** Configuration; every setter has a usable default except the signing key. */
    public static final class Builder {
        final Identity signingKey;
        String issuer = DEFAULT_ISSUER;
        Duration tokenLifetime = Duration.ofMinutes(30);
        Duration maxTokenLifetime = Duration.ofHours(12);
        final List<String> appliesTo = new ArrayList<>();
        final Map<String, String> users = new LinkedHashMap<>();
        final List<X509Certificate> requesterCas = new ArrayList<>();
        final List<X509Certificate> delegationIssuers = new ArrayList<>();

        private Builder(Identity signingKey) {
            this.signingKey = Objects.requireNonNull(signingKey, "signingKey");
        }

        /** The assertions' Issuer (default {@value CxfSts#DEFAULT_ISSUER}). */
        public Builder issuer(String issuer) {
            this.issuer = Objects.requireNonNull(issuer, "issuer");
            return this;
        }

        /** Lifetime of a token when the RST asks for none (default 30 minutes; whole seconds, > 0). */
        public Builder tokenLifetime(Duration lifetime) {
            if (lifetime.getSeconds() < 1) {
                throw new IllegalArgumentException("token lifetime must be at least one second");
            }
            this.tokenLifetime = lifetime;
            return this;
        }

        /** Upper bound for a lifetime the RST asks for; longer requests are capped (default 12 hours). */
        public Builder maxTokenLifetime(Duration lifetime) {
            this.maxTokenLifetime = Objects.requireNonNull(lifetime, "lifetime");
            return this;
        }

        /**
         * Regular expressions (Java, whole-string match) for the AppliesTo addresses the STS issues
         * tokens for; an RST for any other address gets a fault. Default {@code .*}.
         */
        public Builder appliesTo(String... patterns) {
            appliesTo.addAll(List.of(patterns));
            return this;
        }

        /** A UsernameToken requester (PasswordText or PasswordDigest). */
        public Builder user(String name, String password) {
            users.put(name, password);
            return this;
        }

        /** Accept requesters that sign Body and Timestamp with a certificate issued by this CA. */
        public Builder trustRequestersIssuedBy(X509Certificate ca) {
            requesterCas.add(ca);
            return this;
        }

        /**
         * Accept OnBehalfOf / ActAs assertions signed with this certificate (directly trusted; a CA
         * certificate trusts everything it issued). Assertions of this STS are always accepted.
         */
        public Builder trustDelegationIssuer(X509Certificate certificate) {
            delegationIssuers.add(certificate);
            return this;
        }

        List<String> appliesToPatterns() {
            return appliesTo.isEmpty() ? List.of(".*") : List.copyOf(appliesTo);
        }

        /** Starts Jetty with the STS; close the result. */
        public CxfSts start() throws Exception {
            if (users.isEmpty() && requesterCas.isEmpty()) {
                throw new IllegalStateException("Configure user(...) or trustRequestersIssuedBy(...): "
                        + "every request must authenticate");
            }
            return new CxfSts(this).start();
        }
    }
}
