package io.wssgate.inbound;

import io.wssgate.soap.Documents;

import io.wssgate.soap.HardenedParser;
import io.wssgate.soap.SoapEnvelope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wssgate.config.AlgorithmPolicy;
import io.wssgate.config.DecryptionPolicy;
import io.wssgate.config.KeySource;
import io.wssgate.config.MessageLimits;
import io.wssgate.fault.FaultCode;
import io.wssgate.fault.SecurityFault;
import io.wssgate.testing.KeyIdType;
import io.wssgate.testing.MessageBuilder;
import io.wssgate.testing.MessageBuilder.PasswordType;
import io.wssgate.testing.SamlSpec;
import io.wssgate.testing.TestKeys;
import io.wssgate.testing.TestMessages;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class MessagePrecheckTest {
    private static final TestKeys KEYS = TestKeys.create();
    private static final String WSC = "http://docs.oasis-open.org/ws-sx/ws-secureconversation/200512";
    private static final String RSA_SHA1 = "http://www.w3.org/2000/09/xmldsig#rsa-sha1";
    private static final String SHA1 = "http://www.w3.org/2000/09/xmldsig#sha1";
    private static final String INCLUSIVE_C14N = "http://www.w3.org/TR/2001/REC-xml-c14n-20010315";
    private static final String XSLT = "http://www.w3.org/TR/1999/REC-xslt-19991116";
    private static final DecryptionPolicy DECRYPTION_ON = new DecryptionPolicy(
            Optional.of(new KeySource.PemKeyPair(Path.of("k.pem"), Path.of("c.pem"), Optional.empty())),
            DecryptionPolicy.disabled().keyTransportAlgorithms(), DecryptionPolicy.disabled().dataAlgorithms());

    private final MessagePrecheck strict =
            new MessagePrecheck(false, false, false, AlgorithmPolicy.defaults(), DecryptionPolicy.disabled());
    private final MessagePrecheck permissive =
            new MessagePrecheck(true, true, false, AlgorithmPolicy.defaults(), DECRYPTION_ON);

    private static MessageBuilder signed() {
        return TestMessages.soap11().timestamp(Duration.ofMinutes(5)).signWith(KEYS.issue("client"), KeyIdType.BST);
    }

    private static SoapEnvelope parse(byte[] message) throws Exception {
        return new HardenedParser(MessageLimits.defaults()).parse(message);
    }

    private static Element header(SoapEnvelope envelope) throws SecurityFault {
        return SecurityHeaderLocator.find(envelope, new SecurityHeaderRule(io.wssgate.config.SecurityHeaderPolicy.defaults())).orElseThrow();
    }

    private static void check(MessagePrecheck precheck, SoapEnvelope envelope) throws SecurityFault {
        precheck.check(envelope, header(envelope));
    }

    /** Parses a valid signed message, lets {@code edit} change its DOM, then runs the strict precheck. */
    private AbstractThrowableAssert<?, ? extends Throwable> assertEditRejected(Consumer<Element> editSignature,
                                                                               FaultCode code) throws Exception {
        SoapEnvelope envelope = parse(signed().build());
        editSignature.accept(child(header(envelope), XmlNames.DS, "Signature"));
        return assertRejected(strict, envelope, code);
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertRejected(MessagePrecheck precheck,
            SoapEnvelope envelope, FaultCode code) {
        return assertThatThrownBy(() -> check(precheck, envelope)).isInstanceOfSatisfying(SecurityFault.class,
                f -> assertThat(f.code()).as(f.getMessage()).isEqualTo(code));
    }

    private static Element child(Element parent, String ns, String localName) {
        return Documents.childElements(parent).stream()
                .filter(e -> ns.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName()))
                .findFirst().orElseThrow(() -> new AssertionError("no " + localName + " in " + parent.getLocalName()));
    }

    private static Element firstReference(Element signature) {
        return child(child(signature, XmlNames.DS, "SignedInfo"), XmlNames.DS, "Reference");
    }

    private static void copies(Element original, int times) {
        for (int i = 0; i < times; i++) {
            original.getParentNode().appendChild(original.cloneNode(true));
        }
    }

    @Test
    void validSignedMessagePasses() throws Exception {
        SoapEnvelope envelope = parse(signed().build());
        assertThatCode(() -> check(strict, envelope)).doesNotThrowAnyException();
    }

    @Test
    void usernameTokenOnlyWhenEnabled() throws Exception {
        byte[] msg = signed().usernameToken("bob", "pw", PasswordType.DIGEST).build();

        assertRejected(strict, parse(msg), FaultCode.UNSUPPORTED_SECURITY_TOKEN).hasMessageContaining("UsernameToken");
        assertThatCode(() -> check(permissive, parse(msg))).doesNotThrowAnyException();
    }

    @Test
    void samlAssertionOnlyWhenSamlEnabled() throws Exception {
        byte[] saml2 = signed().saml(SamlSpec.saml2().bearer()).build();
        byte[] saml11 = signed().saml(SamlSpec.saml11().bearer()).build();

        assertRejected(strict, parse(saml2), FaultCode.UNSUPPORTED_SECURITY_TOKEN).hasMessageContaining("Assertion");
        assertRejected(strict, parse(saml11), FaultCode.UNSUPPORTED_SECURITY_TOKEN).hasMessageContaining("Assertion");
        assertThatCode(() -> check(permissive, parse(saml2))).doesNotThrowAnyException();
        assertThatCode(() -> check(permissive, parse(saml11))).doesNotThrowAnyException();
    }

    @Test
    void assertionSignatureMustNameItsKeyInline() throws Exception {
        byte[] msg = signed().saml(SamlSpec.saml2().signedBy(KEYS.issue("idp")).bearer()).build();
        assertThatCode(() -> check(permissive, parse(msg))).doesNotThrowAnyException();

        for (String replacement : new String[] {
                "<ds:RetrievalMethod xmlns:ds=\"" + XmlNames.DS + "\" URI=\"#elsewhere\"/>",
                "<ds:KeyName xmlns:ds=\"" + XmlNames.DS + "\">idp</ds:KeyName>"}) {
            SoapEnvelope envelope = parse(msg);
            Element assertion = child(header(envelope), XmlNames.SAML2_ASSERTION.getNamespaceURI(), "Assertion");
            Element keyInfo = child(child(assertion, XmlNames.DS, "Signature"), XmlNames.DS, "KeyInfo");
            while (keyInfo.getFirstChild() != null) {
                keyInfo.removeChild(keyInfo.getFirstChild());
            }
            keyInfo.appendChild(envelope.document().importNode(TestMessages.parse(
                    replacement.getBytes(java.nio.charset.StandardCharsets.UTF_8)).getDocumentElement(), true));

            assertRejected(permissive, envelope, FaultCode.UNSUPPORTED_SECURITY_TOKEN).hasMessageContaining("assertion");
        }
    }

    @Test
    void senderVouchesMessageOfTheSamlTokenProfilePassesWhenSamlIsEnabled() throws Exception {
        // WSS4J's WSSecSignatureSAML (like any SAML Token Profile sender-vouches client) puts a
        // wsse:SecurityTokenReference to the assertion directly into the Security header and signs
        // it through an STR-Transform, which this precheck explicitly allows as a transform.
        byte[] msg = TestMessages.soap11().timestamp(Duration.ofMinutes(5))
                .saml(SamlSpec.saml2().signedBy(KEYS.issue("idp")).senderVouches())
                .signWith(KEYS.issue("sender"), KeyIdType.BST).build();

        assertThatCode(() -> check(permissive, parse(msg))).doesNotThrowAnyException();
    }

    @Test
    void secureConversationAndUnknownTokensAreAlwaysRejected() throws Exception {
        String[][] tokens = {{WSC, "wsc:DerivedKeyToken"}, {WSC, "wsc:SecurityContextToken"},
            {"http://schemas.xmlsoap.org/ws/2005/02/sc", "wsc:DerivedKeyToken"}, {"urn:unknown", "u:Whatever"},
            {XmlNames.WSSE, "wsse:Whatever"}};
        for (String[] token : tokens) {
            SoapEnvelope envelope = parse(signed().build());
            Element header = header(envelope);
            header.insertBefore(envelope.document().createElementNS(token[0], token[1]), header.getFirstChild());

            assertRejected(permissive, envelope, FaultCode.UNSUPPORTED_SECURITY_TOKEN)
                    .hasMessageContaining(token[1].substring(token[1].indexOf(':') + 1));
        }
    }

    @Test
    void weakSignatureAlgorithmsAreRejected() throws Exception {
        Object[][] cases = {{RSA_SHA1, null, null}, {null, SHA1, null}, {null, null, INCLUSIVE_C14N}};
        for (Object[] c : cases) {
            byte[] msg = TestMessages.soap11().timestamp(Duration.ofMinutes(5))
                    .signWith(KEYS.issue("client"), KeyIdType.BST, (String) c[0], (String) c[1], (String) c[2]).build();

            assertRejected(strict, parse(msg), FaultCode.UNSUPPORTED_ALGORITHM).hasMessageContaining("not allowed");
        }
    }

    @Test
    void externalReferenceUrisAreRejected() throws Exception {
        for (String uri : new String[] {"http://evil.example/doc.xml", "file:///etc/passwd", "#", "#xpointer(/)"}) {
            assertEditRejected(s -> firstReference(s).setAttributeNS(null, "URI", uri), FaultCode.INVALID_SECURITY)
                    .hasMessageContaining("same-document");
        }
    }

    @Test
    void referenceWithoutUriIsRejected() throws Exception {
        assertEditRejected(s -> firstReference(s).removeAttributeNS(null, "URI"), FaultCode.INVALID_SECURITY);
    }

    @Test
    void thirtyReferencesPassButThirtyOneAreRejected() throws Exception {
        SoapEnvelope envelope = parse(signed().build());
        Element signedInfo = child(child(header(envelope), XmlNames.DS, "Signature"), XmlNames.DS, "SignedInfo");
        int present = (int) Documents.childElements(signedInfo).stream()
                .filter(e -> "Reference".equals(e.getLocalName())).count();
        copies(firstReference(child(header(envelope), XmlNames.DS, "Signature")), MessagePrecheck.MAX_REFERENCES - present);
        assertThatCode(() -> check(strict, envelope)).doesNotThrowAnyException();

        assertEditRejected(s -> copies(firstReference(s), MessagePrecheck.MAX_REFERENCES + 1 - present),
                FaultCode.INVALID_SECURITY).hasMessageContaining("31 references");
    }

    @Test
    void fiveTransformsPassButSixAreRejected() throws Exception {
        SoapEnvelope envelope = parse(signed().build());
        Element transforms = child(firstReference(child(header(envelope), XmlNames.DS, "Signature")),
                XmlNames.DS, "Transforms");
        int present = Documents.childElements(transforms).size();
        copies(Documents.childElements(transforms).get(0), MessagePrecheck.MAX_TRANSFORMS - present);
        assertThatCode(() -> check(strict, envelope)).doesNotThrowAnyException();

        assertEditRejected(s -> {
            Element t = child(firstReference(s), XmlNames.DS, "Transforms");
            copies(Documents.childElements(t).get(0), MessagePrecheck.MAX_TRANSFORMS + 1 - present);
        }, FaultCode.INVALID_SECURITY).hasMessageContaining("6 transforms");
    }

    @Test
    void xsltTransformIsRejected() throws Exception {
        assertEditRejected(s -> {
            Element transform = Documents.childElements(child(firstReference(s), XmlNames.DS, "Transforms")).get(0);
            transform.setAttributeNS(null, "Algorithm", XSLT);
        }, FaultCode.UNSUPPORTED_ALGORITHM).hasMessageContaining(XSLT);
    }

    @Test
    void signatureWithAnObjectIsRejected() throws Exception {
        assertEditRejected(s -> s.appendChild(s.getOwnerDocument().createElementNS(XmlNames.DS, "ds:Object")),
                FaultCode.INVALID_SECURITY).hasMessageContaining("Object");
    }

    @Test
    void messageSignatureKeyedByABareKeyValueIsRejected() throws Exception {
        assertEditRejected(s -> {
            Element keyInfo = child(s, XmlNames.DS, "KeyInfo");
            while (keyInfo.getFirstChild() != null) {
                keyInfo.removeChild(keyInfo.getFirstChild());
            }
            keyInfo.appendChild(s.getOwnerDocument().createElementNS(XmlNames.DS, "ds:KeyValue"));
        }, FaultCode.UNSUPPORTED_SECURITY_TOKEN).hasMessageContaining("SecurityTokenReference");
    }

    @Test
    void messageSignatureWithoutKeyInfoIsRejected() throws Exception {
        assertEditRejected(s -> s.removeChild(child(s, XmlNames.DS, "KeyInfo")), FaultCode.UNSUPPORTED_SECURITY_TOKEN);
    }

    @Test
    void encryptedContentWithoutDecryptionConfiguredIsRejected() throws Exception {
        byte[] msg = signed().encryptBodyFor(KEYS.issue("server").certificate()).build();

        assertRejected(strict, parse(msg), FaultCode.UNSUPPORTED_SECURITY_TOKEN);
        assertThatCode(() -> check(permissive, parse(msg))).doesNotThrowAnyException();

        // EncryptedData in the Body with no EncryptedKey in the header is still encrypted content
        SoapEnvelope bodyOnly = parse(msg);
        Element key = child(header(bodyOnly), XmlNames.XENC, "EncryptedKey");
        key.getParentNode().removeChild(key);
        assertThat(bodyOnly.body().getElementsByTagNameNS(XmlNames.XENC, "EncryptedData").getLength()).isEqualTo(1);
        assertRejected(strict, bodyOnly, FaultCode.UNSUPPORTED_SECURITY_TOKEN).hasMessageContaining("encrypted");
    }

    @Test
    void weakEncryptionAlgorithmsAreRejectedEvenWithDecryptionConfigured() throws Exception {
        byte[] cbc = signed().encryptBodyFor(KEYS.issue("server").certificate(), KeyIdType.ISSUER_SERIAL,
                "http://www.w3.org/2001/04/xmlenc#aes128-cbc", null).build();
        byte[] rsa15 = signed().encryptBodyFor(KEYS.issue("server").certificate(), KeyIdType.ISSUER_SERIAL,
                null, "http://www.w3.org/2001/04/xmlenc#rsa-1_5").build();

        assertRejected(permissive, parse(cbc), FaultCode.UNSUPPORTED_ALGORITHM).hasMessageContaining("aes128-cbc");
        assertRejected(permissive, parse(rsa15), FaultCode.UNSUPPORTED_ALGORITHM).hasMessageContaining("rsa-1_5");
    }
}
