package io.wssgate.inbound;

import static io.wssgate.inbound.RequiredEncryptionTest.BODY;
import static io.wssgate.inbound.RequiredEncryptionTest.ROUTING;
import static io.wssgate.inbound.RequiredEncryptionTest.ROUTING_XML;
import static io.wssgate.inbound.RequiredEncryptionTest.requiring;
import static io.wssgate.inbound.RequiredEncryptionTest.server;
import static io.wssgate.inbound.RequiredEncryptionTest.signed;
import static io.wssgate.inbound.ValidatorFixture.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.fault.FaultCode;
import io.wssgate.testing.MessageBuilder;
import io.wssgate.testing.TestMessages;
import io.wssgate.testing.attacks.MessageDom;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A wsse11:EncryptedHeader is decrypted into the header it holds, or, when it is mandatory and
 * for this receiver but nothing decrypts it, the message is refused: WSS Gate never leaves one
 * behind that an integration has declared understood.
 */
class UndecryptedHeaderCheckTest {
    static final String SOAP11 = TestMessages.SOAP11_NS;

    @BeforeAll
    static void keys(@TempDir java.nio.file.Path dir) throws Exception {
        RequiredEncryptionTest.setUp(dir);
    }

    static MessageBuilder withEncryptedHeader(MessageBuilder builder) {
        return signed(builder).header(ROUTING_XML).encryptBodyFor(server.certificate()).encryptHeader(ROUTING);
    }

    @Test
    void decryptedHeaderReplacesTheEncryptedHeader() throws Exception {
        byte[] msg = withEncryptedHeader(TestMessages.soap11(BODY)).signHeader(ROUTING).build();

        ValidatedMessage valid = requiring(true).validate(msg);

        assertThat(valid.envelope().headerBlocks()).extracting(Element::getLocalName)
                .contains("Routing").doesNotContain("EncryptedHeader");
    }

    @Test
    void mandatoryEncryptedHeaderNothingDecryptsIsRefused() {
        byte[] msg = MessageDom.edit(withEncryptedHeader(TestMessages.soap11(BODY)).build(), dropReference());

        assertThat(assertRejected(requiring(true), msg, FaultCode.FAILED_CHECK).getMessage())
                .isEqualTo("a mustUnderstand wsse11:EncryptedHeader for this receiver was not decrypted");
    }

    @Test
    void soap12MandatoryEncryptedHeaderForTheUltimateReceiverIsRefused() {
        byte[] msg = MessageDom.edit(withEncryptedHeader(TestMessages.soap12(BODY)).build(), dropReference()
                .andThen(doc -> encryptedHeader(doc).setAttributeNS(TestMessages.SOAP12_NS, "env:role",
                        "http://www.w3.org/2003/05/soap-envelope/role/ultimateReceiver")));

        assertRejected(requiring(true), msg, FaultCode.FAILED_CHECK);
    }

    @Test
    void encryptedHeaderForTheNextActorIsOursToo() {
        byte[] msg = MessageDom.edit(withEncryptedHeader(TestMessages.soap11(BODY)).build(), dropReference()
                .andThen(doc -> encryptedHeader(doc).setAttributeNS(SOAP11, "soap:actor",
                        "http://schemas.xmlsoap.org/soap/actor/next")));

        assertRejected(requiring(true), msg, FaultCode.FAILED_CHECK);
    }

    @Test
    void optionalUndecryptedHeaderIsLeftAlone() throws Exception {
        byte[] msg = MessageDom.edit(withEncryptedHeader(TestMessages.soap11(BODY)).build(), dropReference()
                .andThen(doc -> encryptedHeader(doc).setAttributeNS(SOAP11, "soap:mustUnderstand", "0")));

        assertThat(requiring(true).validate(msg).envelope().headerBlocks()).extracting(Element::getLocalName)
                .contains("EncryptedHeader");
    }

    @Test
    void undecryptedHeaderForAnotherActorIsLeftAlone() throws Exception {
        byte[] msg = MessageDom.edit(withEncryptedHeader(TestMessages.soap11(BODY)).build(), dropReference()
                .andThen(doc -> encryptedHeader(doc).setAttributeNS(SOAP11, "soap:actor", "urn:someone:else")));

        assertThat(requiring(true).validate(msg).envelope().headerBlocks()).extracting(Element::getLocalName)
                .contains("EncryptedHeader");
    }

    private static Element encryptedHeader(Document doc) {
        return MessageDom.first(doc, XmlNames.WSSE11, "EncryptedHeader");
    }

    /** Leaves the EncryptedHeader's data out of the EncryptedKey's ReferenceList: nothing decrypts it. */
    private static Consumer<Document> dropReference() {
        return doc -> {
            Element data = (Element) encryptedHeader(doc).getElementsByTagNameNS(MessageDom.XENC, "EncryptedData").item(0);
            String uri = "#" + data.getAttributeNS(null, "Id");
            for (Element reference : MessageDom.all(doc, MessageDom.XENC, "DataReference")) {
                if (uri.equals(reference.getAttributeNS(null, "URI"))) {
                    reference.getParentNode().removeChild(reference);
                }
            }
        };
    }
}
