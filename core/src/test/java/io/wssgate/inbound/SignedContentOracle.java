package io.wssgate.inbound;

import io.wssgate.soap.SoapEnvelope;
import io.wssgate.identity.ConfirmationMethod;
import io.wssgate.fault.SecurityFault;
import io.wssgate.identity.TokenType;
import io.wssgate.identity.WssPrincipal;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.xml.security.c14n.Canonicalizer;
import org.apache.xml.security.exceptions.XMLSecurityException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * What the fuzz test checks of every accepted message: that what the policy requires signed (the
 * Body and the Timestamp) is, in exclusive canonical form (what a signature digests), exactly
 * what one genuine seed carried, and that the caller is the one that seed was issued for. A
 * mutation may legitimately survive (whitespace in the header, a renamed token Id), but it can
 * never change signed content or the identity.
 */
final class SignedContentOracle {

    /** The parts of a principal that a genuine message determines (not the token's wsu:Id). */
    record Caller(String name, TokenType tokenType, Optional<String> nameFormat, Optional<String> issuer,
                  Optional<ConfirmationMethod> confirmationMethod, Optional<String> authenticationMethod,
                  Optional<Instant> authenticationInstant, Map<String, List<String>> attributes, Set<String> roles,
                  Optional<X509Certificate> certificate) {
        static Caller of(WssPrincipal p) {
            return new Caller(p.name(), p.tokenType(), p.nameFormat(), p.issuer(), p.confirmationMethod(),
                    p.authenticationMethod(), p.authenticationInstant(), p.attributes(), p.roles(), p.certificate());
        }
    }

    /** One genuine message as the pipeline accepted it. */
    record SignedContent(String profile, String body, String timestamp, Caller caller) {
    }

    private final Map<String, SignedContent> byBody;

    private SignedContentOracle(Map<String, SignedContent> byBody) {
        this.byBody = Map.copyOf(byBody);
    }

    /**
     * Runs every seed through the pipeline and records what it accepted; a seed that is not
     * accepted means the fixture is broken, and fuzzing from it would prove nothing.
     */
    static SignedContentOracle learn(FuzzSeedCorpus corpus, InboundValidator pipeline) {
        Map<String, SignedContent> byBody = new LinkedHashMap<>();
        List<String> broken = new ArrayList<>();
        for (FuzzSeedCorpus.Seed seed : corpus.seeds()) {
            try {
                ValidatedMessage valid = pipeline.validate(seed.message());
                SignedContent content = new SignedContent(seed.profile(), canonical(valid.envelope().body()),
                        canonical(processedTimestamp(valid.envelope())), Caller.of(valid.principal()));
                if (byBody.put(content.body(), content) != null) {
                    broken.add(seed.profile() + ": Body not unique");
                }
            } catch (SecurityFault e) {
                broken.add(seed.profile() + ": " + e.code() + " " + e.getMessage());
            }
        }
        if (!broken.isEmpty()) {
            throw new IllegalStateException("genuine seed messages were not accepted: " + broken);
        }
        return new SignedContentOracle(byBody);
    }

    /** Fails unless the accepted message's signed parts and caller are exactly those of one seed. */
    void assertGenuine(ValidatedMessage accepted) throws SecurityFault {
        String body = canonical(accepted.envelope().body());
        SignedContent seed = byBody.get(body);
        if (seed == null) {
            throw new AssertionError("accepted a Body no seed signed: " + body);
        }
        String timestamp = canonical(processedTimestamp(accepted.envelope()));
        if (!timestamp.equals(seed.timestamp())) {
            throw new AssertionError("accepted the Body of seed " + seed.profile() + " with another Timestamp: "
                    + timestamp);
        }
        Caller caller = Caller.of(accepted.principal());
        if (!caller.equals(seed.caller())) {
            throw new AssertionError("accepted the Body of seed " + seed.profile() + " for caller " + caller
                    + " instead of " + seed.caller());
        }
    }

    /** The only Timestamp of the Security header the pipeline processed. */
    private static Element processedTimestamp(SoapEnvelope envelope) throws SecurityFault {
        Element header = SecurityHeaderLocator.find(envelope, new SecurityHeaderRule(io.wssgate.config.SecurityHeaderPolicy.defaults()))
                .orElseThrow(() -> new AssertionError("accepted without a Security header"));
        List<Element> timestamps = new ArrayList<>();
        for (Node n = header.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && XmlNames.WSU.equals(e.getNamespaceURI())
                    && "Timestamp".equals(e.getLocalName())) {
                timestamps.add(e);
            }
        }
        if (timestamps.size() != 1) {
            throw new AssertionError("accepted with " + timestamps.size() + " Timestamps in the Security header");
        }
        return timestamps.get(0);
    }

    private static String canonical(Element element) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Canonicalizer.getInstance(Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS).canonicalizeSubtree(element, out);
            return out.toString(StandardCharsets.UTF_8);
        } catch (XMLSecurityException e) {
            throw new IllegalStateException("cannot canonicalize an accepted element", e);
        }
    }
}
