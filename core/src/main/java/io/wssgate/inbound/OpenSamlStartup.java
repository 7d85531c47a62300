package io.wssgate.inbound;

import java.util.List;
import java.util.Optional;
import javax.xml.namespace.QName;
import org.apache.wss4j.common.saml.OpenSAMLUtil;
import org.opensaml.core.xml.config.XMLObjectProviderRegistrySupport;

/**
 * Initialises OpenSAML at start-up, as WSS4J would on the first SAML message, and checks that it
 * can then read and build every SAML object WSS Gate handles. WSS4J skips a configuration file
 * it cannot find and logs (once, without failing) when OpenSAML cannot start; an incomplete
 * class path (a missing OpenSAML module jar, e.g. after an over-eager exclusion) would then
 * surface as a NullPointerException on the first SAML request instead of a clear start-up error.
 * OpenSAML is initialised exactly as WSS4J does it itself (XACML included: WSS4J's own
 * saml2-xacml2-profile.xml names XACML classes), so the order in which an
 * application's code and WSS Gate first touch SAML does not matter.
 */
public final class OpenSamlStartup {
    private static final String SAML2 = "urn:oasis:names:tc:SAML:2.0:assertion";
    private static final String SAML1 = "urn:oasis:names:tc:SAML:1.0:assertion";
    private static final List<QName> NEEDED = List.of(new QName(SAML2, "Assertion"), new QName(SAML2, "EncryptedAssertion"),
            new QName(SAML2, "Subject"), new QName(SAML2, "Conditions"), new QName(SAML2, "AuthnStatement"),
            new QName(SAML1, "Assertion"), new QName(SAML1, "AuthenticationStatement"),
            new QName("http://www.w3.org/2000/09/xmldsig#", "Signature"),
            new QName("http://www.w3.org/2001/04/xmlenc#", "EncryptedData"));

    private OpenSamlStartup() {
    }

    /** Empty when OpenSAML is ready; otherwise what is wrong, for the start-up failure. */
    public static Optional<String> problem() {
        try {
            OpenSAMLUtil.initSamlEngine();
            for (QName name : NEEDED) {
                if (XMLObjectProviderRegistrySupport.getBuilderFactory().getBuilder(name) == null
                        || XMLObjectProviderRegistrySupport.getUnmarshallerFactory().getUnmarshaller(name) == null) {
                    return Optional.of("OpenSAML cannot read " + name + " (" + name.getNamespaceURI() + "): its "
                            + "object providers did not load; is every OpenSAML jar WSS4J needs on the class path "
                            + "(opensaml-saml-impl, opensaml-xmlsec-impl, opensaml-core, ...)?");
                }
            }
            return Optional.empty();
        } catch (RuntimeException | LinkageError e) {
            return Optional.of("OpenSAML cannot be initialised: " + e
                    + " (is every OpenSAML jar WSS4J needs on the class path?)");
        }
    }
}
