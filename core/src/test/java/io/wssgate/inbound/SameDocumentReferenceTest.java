package io.wssgate.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.testing.KeyIdType;
import io.wssgate.testing.TestKeys;
import io.wssgate.testing.TestMessages;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.xml.crypto.NodeSetData;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The signature factory WSS4J is given, asked (as WSS4J asks) to cache references: a
 * same-document reference still reports the element it covers, but keeps no copy of its digest
 * input, and a changed Body still fails its digest.
 */
class SameDocumentReferenceTest {
    private static final String WSU = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";
    private static final TestKeys KEYS = TestKeys.create();
    private static final TestKeys.Identity CLIENT = KEYS.issue("client");

    @Test
    void aValidReferenceNamesItsElementWithoutKeepingTheDigestInput() throws Exception {
        Document document = signed();
        Validated validated = validate(document);

        assertThat(validated.valid).isTrue();
        List<String> covered = new ArrayList<>();
        for (Object o : validated.signature.getSignedInfo().getReferences()) {
            Reference reference = (Reference) o;
            assertThat(reference.getDigestInputStream()).as("digest input kept for " + reference.getURI()).isNull();
            Element element = firstElement((NodeSetData<?>) reference.getDereferencedData());
            assertThat("#" + element.getAttributeNS(WSU, "Id")).isEqualTo(reference.getURI());
            covered.add(element.getLocalName());
        }
        assertThat(covered).contains("Body", "Timestamp");
    }

    @Test
    void aChangedBodyFailsItsDigest() throws Exception {
        Document document = signed();
        Element body = (Element) document.getElementsByTagNameNS(TestMessages.SOAP11_NS, "Body").item(0);
        body.appendChild(document.createTextNode("changed"));

        assertThat(validate(document).valid).isFalse();
    }

    private static Document signed() {
        return TestMessages.parse(TestMessages.soap11().timestamp(Duration.ofMinutes(5))
                .signWith(CLIENT, KeyIdType.BST).build());
    }

    private record Validated(XMLSignature signature, boolean valid) {
    }

    private static Validated validate(Document document) throws Exception {
        Element signature = (Element) document.getElementsByTagNameNS(XmlNames.DS, "Signature").item(0);
        DOMValidateContext context = new DOMValidateContext(CLIENT.certificate().getPublicKey(), signature);
        NodeList all = document.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element element = (Element) all.item(i);
            if (element.hasAttributeNS(WSU, "Id")) {
                context.setIdAttributeNS(element, WSU, "Id");
            }
        }
        context.setProperty(AttachmentSignature.CACHE_REFERENCE, Boolean.TRUE);
        XMLSignature parsed = XMLSignatureFactory.getInstance("DOM", StreamingDsig.PROVIDER).unmarshalXMLSignature(context);
        return new Validated(parsed, parsed.validate(context));
    }

    private static Element firstElement(NodeSetData<?> data) {
        for (Iterator<?> nodes = data.iterator(); nodes.hasNext(); ) {
            if (nodes.next() instanceof Element element) {
                return element;
            }
        }
        throw new AssertionError("no element in the dereferenced data");
    }
}
