package io.wssgate.inbound;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wssgate.fault.FaultCode;
import io.wssgate.fault.SecurityFault;
import io.wssgate.testing.TestMessages;
import java.nio.charset.StandardCharsets;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Element;

class DuplicateIdCheckTest {
    private static final String WSU = XmlNames.WSU;
    private static final String WSSE = XmlNames.WSSE;

    /** A SOAP 1.1 envelope with the given header blocks and Body content, namespaces wsu/wsse/ds declared. */
    private static Element message(String header, String body) {
        String xml = "<s:Envelope xmlns:s=\"" + TestMessages.SOAP11_NS + "\" xmlns:wsu=\"" + WSU
                + "\" xmlns:wsse=\"" + WSSE + "\" xmlns:ds=\"" + XmlNames.DS + "\" xmlns:p=\"urn:payload\">"
                + "<s:Header>" + header + "</s:Header><s:Body>" + body + "</s:Body></s:Envelope>";
        return TestMessages.parse(xml.getBytes(StandardCharsets.UTF_8)).getDocumentElement();
    }

    private static String reference(String uri) {
        return "<wsse:Security><ds:Signature><ds:SignedInfo><ds:Reference URI=\"" + uri
                + "\"/></ds:SignedInfo></ds:Signature></wsse:Security>";
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertRejected(Element root) {
        return assertThatThrownBy(() -> DuplicateIdCheck.check(root)).isInstanceOfSatisfying(SecurityFault.class,
                f -> org.assertj.core.api.Assertions.assertThat(f.code()).isEqualTo(FaultCode.INVALID_SECURITY));
    }

    @Test
    void uniqueIdentifiersAreAccepted() {
        Element root = message(reference("#a") + "<p:h wsu:Id=\"b\"/>",
                "<p:x wsu:Id=\"a\"/><p:y ID=\"c\"/><p:z AssertionID=\"d\"/>");

        assertThatCode(() -> DuplicateIdCheck.check(root)).doesNotThrowAnyException();
    }

    /** WSS4J reads a token reference's URI as an ID with or without '#': a plain Id it names must be unique too. */
    @Test
    void aPlainIdNamedByATokenReferenceWithoutHashIsUniqueToo() {
        String security = "<wsse:Security><p:token Id=\"tok\"/><wsse:SecurityTokenReference>"
                + "<wsse:Reference URI=\"tok\"/></wsse:SecurityTokenReference></wsse:Security>";

        assertRejected(message(security, "<p:x Id=\"tok\"/>")).hasMessageContaining("tok");
        assertThatCode(() -> DuplicateIdCheck.check(message(security, "<p:x Id=\"other\"/>")))
                .doesNotThrowAnyException();
    }

    @Test
    void duplicateWsuIdIsRejectedEvenWhenNothingReferencesIt() {
        assertRejected(message("<p:h wsu:Id=\"dup\"/>", "<p:x wsu:Id=\"dup\"/>")).hasMessageContaining("dup");
    }

    @Test
    void duplicateWsuIdDeepInThePayloadIsRejected() {
        assertRejected(message("", "<p:a><p:b><p:c wsu:Id=\"deep\"/></p:b></p:a><p:d><p:e wsu:Id=\"deep\"/></p:d>"));
    }

    @Test
    void duplicateWsuIdOnTheEnvelopeItselfIsRejected() {
        String xml = "<s:Envelope xmlns:s=\"" + TestMessages.SOAP11_NS + "\" xmlns:wsu=\"" + WSU
                + "\" wsu:Id=\"root\"><s:Body wsu:Id=\"root\"/></s:Envelope>";
        assertRejected(TestMessages.parse(xml.getBytes(StandardCharsets.UTF_8)).getDocumentElement());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Id", "ID", "AssertionID"})
    void duplicatePlainIdReferencedByUriIsRejected(String attribute) {
        Element root = message(reference("#target"),
                "<p:x " + attribute + "=\"target\">1</p:x><p:y " + attribute + "=\"target\">2</p:y>");

        assertRejected(root).hasMessageContaining("target");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Id", "ID", "AssertionID"})
    void duplicatePlainIdReferencedByAKeyIdentifierIsRejected(String attribute) {
        Element root = message("<wsse:Security><wsse:SecurityTokenReference><wsse:KeyIdentifier>_saml1"
                        + "</wsse:KeyIdentifier></wsse:SecurityTokenReference></wsse:Security>",
                "<p:x " + attribute + "=\"_saml1\"/><p:y " + attribute + "=\"_saml1\"/>");

        assertRejected(root);
    }

    @Test
    void differentIdAttributesCarryingTheSameReferencedValueAreRejected() {
        // a resolver looking for "#t" could pick either element
        assertRejected(message(reference("#t"), "<p:x ID=\"t\"/><p:y AssertionID=\"t\"/>"));
        assertRejected(message(reference("#t"), "<p:x wsu:Id=\"t\"/><p:y Id=\"t\"/>"));
    }

    @Test
    void whitespaceAroundTheValueDoesNotHideADuplicate() {
        assertRejected(message(reference("#t"), "<p:x ID=\"t\"/><p:y ID=\" t \"/>"));
    }

    @Test
    void repeatedPlainIdNotReferencedByAnythingIsAccepted() {
        Element root = message(reference("#body"),
                "<p:list wsu:Id=\"body\"><p:row ID=\"1\"/><p:row ID=\"1\"/><p:row Id=\"1\"/><p:row AssertionID=\"1\"/></p:list>");

        assertThatCode(() -> DuplicateIdCheck.check(root)).doesNotThrowAnyException();
    }

    @Test
    void namespacedIdAttributesOtherThanWsuAreNotIdentifiers() {
        Element root = message(reference("#1"), "<p:x p:ID=\"1\"/><p:y p:ID=\"1\"/>");

        assertThatCode(() -> DuplicateIdCheck.check(root)).doesNotThrowAnyException();
    }

    @Test
    void theDuplicateIdTamperingIsRejected() {
        Element original = TestMessages.parse(bodyWithId()).getDocumentElement();
        assertThatCode(() -> DuplicateIdCheck.check(original)).doesNotThrowAnyException();

        byte[] tampered = TestMessages.duplicateId(bodyWithId());
        assertRejected(TestMessages.parse(tampered).getDocumentElement()).hasMessageContaining("id-body");
    }

    /** A message whose Body carries a wsu:Id, as every signed message does (no keys needed). */
    private static byte[] bodyWithId() {
        String xml = "<s:Envelope xmlns:s=\"" + TestMessages.SOAP11_NS + "\" xmlns:wsu=\"" + WSU + "\">"
                + "<s:Header/><s:Body wsu:Id=\"id-body\">" + TestMessages.DEFAULT_BODY + "</s:Body></s:Envelope>";
        return xml.getBytes(StandardCharsets.UTF_8);
    }
}
