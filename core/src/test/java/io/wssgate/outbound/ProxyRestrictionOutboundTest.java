package io.wssgate.outbound;

import io.wssgate.spi.OutboundSecurityException;
import io.wssgate.spi.OutboundContext;
import static io.wssgate.outbound.OutboundFixture.accepted;
import static io.wssgate.outbound.OutboundFixture.bytes;
import static io.wssgate.outbound.OutboundFixture.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wssgate.identity.AuthenticatedCaller;
import io.wssgate.testing.SamlSpec;
import io.wssgate.testing.TestMessages;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * SAML 2.0 core 2.5.1.6: an assertion WSS Gate issues for the caller it serves is issued on the
 * basis of the caller's assertion, and respects that assertion's ProxyRestriction.
 */
class ProxyRestrictionOutboundTest {
    static final String SAML2 = "urn:oasis:names:tc:SAML:2.0:assertion";
    static OutboundFixture fx;

    @BeforeAll
    static void setUp(@TempDir Path dir) throws Exception {
        fx = new OutboundFixture(dir);
    }

    /** The caller of a request whose bearer assertion carries {@code <ProxyRestriction>} with these parts. */
    static AuthenticatedCaller callerWith(String countAttribute, String... audiences) {
        SamlSpec spec = SamlSpec.saml2().signedBy(fx.idp).bearer().subject("bob")
                .audienceRestriction(OutboundFixture.AUDIENCE).editSignedXml(a -> {
                    Element restriction = a.getOwnerDocument().createElementNS(SAML2, "saml2:ProxyRestriction");
                    if (countAttribute != null) {
                        restriction.setAttributeNS(null, "Count", countAttribute);
                    }
                    for (String audience : audiences) {
                        Element e = a.getOwnerDocument().createElementNS(SAML2, "saml2:Audience");
                        e.setTextContent(audience);
                        restriction.appendChild(e);
                    }
                    a.getElementsByTagNameNS(SAML2, "Conditions").item(0).appendChild(restriction);
                });
        byte[] inbound = TestMessages.soap11().timestamp(Duration.ofMinutes(5)).saml(spec).build();
        return accepted(fx.policy("bearer-receiver").validate(inbound, "text/xml")).caller();
    }

    static Document issuedFor(AuthenticatedCaller caller) throws OutboundSecurityException {
        return fx.policy("saml2-for-caller-out").secureOutbound(request(), OutboundContext.request(Optional.of(caller)))
                .document();
    }

    static Element proxyRestrictionOf(Document message) {
        return (Element) message.getElementsByTagNameNS(SAML2, "ProxyRestriction").item(0);
    }

    @Test
    void countZeroForbidsIssuingAnAssertionForTheCaller() {
        AuthenticatedCaller caller = callerWith("0");
        assertThatThrownBy(() -> issuedFor(caller)).isInstanceOf(OutboundSecurityException.class)
                .hasMessageContaining("ProxyRestriction Count=0");
    }

    @Test
    void aGreaterCountIsCarriedOnOneLessAndTheReceiverAcceptsIt() throws Exception {
        Document message = issuedFor(callerWith("2", OutboundFixture.AUDIENCE));

        Element restriction = proxyRestrictionOf(message);
        assertThat(restriction.getAttributeNS(null, "Count")).isEqualTo("1");
        assertThat(restriction.getTextContent().trim()).isEqualTo(OutboundFixture.AUDIENCE);
        assertThat(accepted(fx.policy("receiver").validate(bytes(message), "text/xml")).principal().name())
                .isEqualTo("bob");
    }

    @Test
    void countOneBecomesAnExplicitZero() throws Exception {
        // WSS4J's own builder would drop a Count of 0, which would lift the restriction
        assertThat(proxyRestrictionOf(issuedFor(callerWith("1"))).getAttributeNS(null, "Count")).isEqualTo("0");
    }

    @Test
    void audiencesOutsideTheRestrictionAreRefused() {
        AuthenticatedCaller caller = callerWith(null, "urn:only:this:one");
        assertThatThrownBy(() -> issuedFor(caller)).isInstanceOf(OutboundSecurityException.class)
                .hasMessageContaining("only for [urn:only:this:one]");
    }

    @Test
    void withoutARestrictionNothingIsAdded() throws Exception {
        SamlSpec spec = SamlSpec.saml2().signedBy(fx.idp).bearer().subject("bob")
                .audienceRestriction(OutboundFixture.AUDIENCE);
        AuthenticatedCaller caller = accepted(fx.policy("bearer-receiver").validate(
                TestMessages.soap11().timestamp(Duration.ofMinutes(5)).saml(spec).build(), "text/xml")).caller();
        assertThat(proxyRestrictionOf(issuedFor(caller))).isNull();
    }

    @Test
    void aSaml11AssertionCannotCarryACountOn() {
        AuthenticatedCaller caller = callerWith("3");
        assertThatThrownBy(() -> fx.policy("saml11-sv-out").secureOutbound(request(),
                OutboundContext.request(Optional.of(caller)))).isInstanceOf(OutboundSecurityException.class)
                .hasMessageContaining("SAML 1.1");
    }
}
