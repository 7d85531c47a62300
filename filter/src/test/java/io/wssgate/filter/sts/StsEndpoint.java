package io.wssgate.filter.sts;

import java.security.Principal;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.xml.namespace.QName;

import org.apache.cxf.Bus;
import org.apache.cxf.jaxws.EndpointImpl;
import org.apache.cxf.sts.StaticSTSProperties;
import org.apache.cxf.sts.operation.TokenIssueOperation;
import org.apache.cxf.sts.operation.TokenValidateOperation;
import org.apache.cxf.sts.service.StaticService;
import org.apache.cxf.sts.token.provider.DefaultConditionsProvider;
import org.apache.cxf.sts.token.provider.SAMLTokenProvider;
import org.apache.cxf.sts.token.validator.SAMLTokenValidator;
import org.apache.cxf.ws.security.SecurityConstants;
import org.apache.cxf.ws.security.sts.provider.SecurityTokenServiceProvider;
import org.apache.cxf.ws.security.sts.provider.model.RequestSecurityTokenResponseCollectionType;
import org.apache.cxf.ws.security.sts.provider.model.RequestSecurityTokenResponseType;
import org.apache.cxf.ws.security.sts.provider.model.RequestSecurityTokenType;
import org.apache.cxf.ws.security.tokenstore.MemoryTokenStore;
import org.apache.wss4j.common.WSS4JConstants;
import org.apache.wss4j.common.cache.MemoryReplayCache;
import org.apache.wss4j.common.ext.WSPasswordCallback;

import io.wssgate.testing.TestCrypto;
import io.wssgate.testing.TestKeys.Identity;

/**
 * Wires CXF's STS (SecurityTokenServiceProvider with Issue and Validate operations) and the
 * WS-Security interceptor for one {@link CxfSts}, as a JAX-WS endpoint on the given bus.
 */
final class StsEndpoint {

    static final String WST = "http://docs.oasis-open.org/ws-sx/ws-trust/200512";

    private StsEndpoint() {
    }

    static EndpointImpl create(Bus bus, CxfSts sts) {
        CxfSts.Builder config = sts.config();
        SecurityTokenServiceProvider provider;
        try {
            provider = new SecurityTokenServiceProvider();
        } catch (Exception e) {
            throw new IllegalStateException("CXF STS provider cannot start", e);
        }
        provider.setIssueOperation(issueOperation(sts));
        provider.setValidateOperation(validateOperation(sts));

        EndpointImpl endpoint = new EndpointImpl(bus, provider);
        endpoint.setServiceName(new QName(WST, "SecurityTokenService"));
        endpoint.setEndpointName(new QName(WST, "STS_Port"));
        Map<String, Object> properties = new HashMap<>();
        // requester authentication: UsernameToken passwords and the CAs of signing requesters
        properties.put(SecurityConstants.CALLBACK_HANDLER, passwords(config.users));
        properties.put(SecurityConstants.SIGNATURE_CRYPTO,
                TestCrypto.trusting(config.requesterCas.toArray(new X509Certificate[0])));
        // faults name the real WS-Security error (wsse:FailedAuthentication, ...), not a generic one
        properties.put(SecurityConstants.RETURN_SECURITY_ERROR, Boolean.TRUE);
        // in-memory caches instead of CXF's default EhCache (which would write to java.io.tmpdir)
        properties.put(SecurityConstants.TOKEN_STORE_CACHE_INSTANCE, new MemoryTokenStore());
        properties.put(SecurityConstants.NONCE_CACHE_INSTANCE, new MemoryReplayCache());
        properties.put(SecurityConstants.TIMESTAMP_CACHE_INSTANCE, new MemoryReplayCache());
        endpoint.setProperties(properties);
        endpoint.getInInterceptors().add(new CountingFaultInterceptor(sts));
        endpoint.getInInterceptors().add(new RequesterAuthentication());
        return endpoint;
    }

    private static TokenIssueOperation issueOperation(CxfSts sts) {
        CxfSts.Builder config = sts.config();
        TokenIssueOperation issue = new TokenIssueOperation() {
            @Override
            public RequestSecurityTokenResponseCollectionType issue(RequestSecurityTokenType request,
                    Principal principal, Map<String, Object> messageContext) {
                sts.issued().incrementAndGet();
                return super.issue(request, principal, messageContext);
            }
        };
        // OnBehalfOf / ActAs assertions: signed by a trusted issuer or by the STS itself
        List<X509Certificate> trusted = new ArrayList<>(config.delegationIssuers);
        trusted.add(config.signingKey.certificate());
        issue.setStsProperties(properties(config, trusted));
        issue.setTokenProviders(List.of(tokenProvider(config)));
        issue.setTokenValidators(List.of(new SAMLTokenValidator()));
        issue.setDelegationHandlers(List.of(new ValidatedSamlDelegationHandler()));
        issue.setServices(List.of(service(config)));
        return issue;
    }

    private static TokenValidateOperation validateOperation(CxfSts sts) {
        TokenValidateOperation validate = new TokenValidateOperation() {
            @Override
            public RequestSecurityTokenResponseType validate(RequestSecurityTokenType request,
                    Principal principal, Map<String, Object> messageContext) {
                sts.validated().incrementAndGet();
                return super.validate(request, principal, messageContext);
            }
        };
        // only the STS's own assertions are valid: its key store holds nothing else to trust
        validate.setStsProperties(properties(sts.config(), List.of()));
        validate.setTokenValidators(List.of(new SAMLTokenValidator()));
        validate.setTokenProviders(List.of(tokenProvider(sts.config())));
        validate.setServices(List.of(service(sts.config())));
        return validate;
    }

    /** Signing key, issuer name, and the certificates its SAMLTokenValidator trusts. */
    private static StaticSTSProperties properties(CxfSts.Builder config, List<X509Certificate> trusted) {
        Identity key = config.signingKey;
        StaticSTSProperties properties = new StaticSTSProperties();
        properties.setSignatureCrypto(TestCrypto.of(List.of(key), trusted));
        properties.setSignatureUsername(key.name());
        properties.setCallbackHandler(keyPassword());
        properties.setIssuer(config.issuer);
        // the UseKey certificate goes into the assertion as is (no trust check against the STS key store)
        properties.setValidateUseKey(false);
        return properties;
    }

    private static SAMLTokenProvider tokenProvider(CxfSts.Builder config) {
        DefaultConditionsProvider conditions = new DefaultConditionsProvider();
        conditions.setLifetime(config.tokenLifetime.getSeconds());
        conditions.setMaxLifetime(config.maxTokenLifetime.getSeconds());
        conditions.setAcceptClientLifetime(true);
        conditions.setFailLifetimeExceedance(false);
        DelegatingSubjectProvider subjects = new DelegatingSubjectProvider();
        subjects.setSubjectNameQualifier(config.issuer);
        SAMLTokenProvider provider = new SAMLTokenProvider();
        provider.setConditionsProvider(conditions);
        provider.setSubjectProvider(subjects);
        return provider;
    }

    /** The AppliesTo patterns; an RST without TokenType / KeyType gets a SAML 2.0 bearer token. */
    private static StaticService service(CxfSts.Builder config) {
        StaticService service = new StaticService();
        service.setEndpoints(config.appliesToPatterns());
        service.setTokenType(WSS4JConstants.WSS_SAML2_TOKEN_TYPE);
        service.setKeyType(WST + "/Bearer");
        return service;
    }

    private static CallbackHandler keyPassword() {
        return callbacks -> {
            for (Callback callback : callbacks) {
                if (callback instanceof WSPasswordCallback pc) {
                    pc.setPassword(TestCrypto.KEY_PASSWORD);
                }
            }
        };
    }

    /** WSS4J asks for the expected password of a UsernameToken's user and compares text or digest itself. */
    private static CallbackHandler passwords(Map<String, String> users) {
        Map<String, String> copy = Map.copyOf(users);
        return callbacks -> {
            for (Callback callback : callbacks) {
                if (!(callback instanceof WSPasswordCallback pc)) {
                    throw new UnsupportedCallbackException(callback);
                }
                if (pc.getUsage() == WSPasswordCallback.USERNAME_TOKEN) {
                    pc.setPassword(copy.get(pc.getIdentifier()));
                }
            }
        };
    }
}
