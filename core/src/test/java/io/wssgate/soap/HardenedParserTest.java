package io.wssgate.soap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.wssgate.config.MessageLimits;
import io.wssgate.testing.TestMessages;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HardenedParserTest {
    private static final String SOAP11 = TestMessages.SOAP11_NS;
    private static final String SOAP12 = TestMessages.SOAP12_NS;
    private static final String PAYLOAD = "<ns:echo xmlns:ns=\"urn:wssgate:test\">hello</ns:echo>";

    private final HardenedParser parser = new HardenedParser(MessageLimits.defaults());

    private static byte[] envelope(String ns, String children) {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><s:Envelope xmlns:s=\"" + ns + "\">" + children
                + "</s:Envelope>").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] soap11Body(String payload) {
        return envelope(SOAP11, "<s:Body>" + payload + "</s:Body>");
    }

    /** All messages of the exception and its causes, to check nothing secret leaks into them. */
    private static String allMessages(Throwable t) {
        StringBuilder out = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            out.append(c.getMessage()).append('\n');
        }
        return out.toString();
    }

    @Test
    void soap11EnvelopeParsesWithVersionHeaderAndBody() throws Exception {
        SoapEnvelope env = parser.parse(envelope(SOAP11,
                "<s:Header><h:x xmlns:h=\"urn:h\"/></s:Header><s:Body>" + PAYLOAD + "</s:Body>"));

        assertThat(env.version()).isEqualTo(SoapVersion.SOAP_11);
        assertThat(env.header()).isPresent();
        assertThat(env.headerBlocks()).extracting(e -> e.getLocalName()).containsExactly("x");
        assertThat(env.body().getNamespaceURI()).isEqualTo(SOAP11);
        assertThat(env.body().getLocalName()).isEqualTo("Body");
        assertThat(env.body().getTextContent()).isEqualTo("hello");
        assertThat(env.body().getParentNode()).isSameAs(env.document().getDocumentElement());
    }

    @Test
    void soap12EnvelopeWithoutHeaderParses() throws Exception {
        SoapEnvelope env = parser.parse(envelope(SOAP12, "<s:Body>" + PAYLOAD + "</s:Body>"));

        assertThat(env.version()).isEqualTo(SoapVersion.SOAP_12);
        assertThat(env.header()).isEmpty();
        assertThat(env.headerBlocks()).isEmpty();
        assertThat(env.body().getNamespaceURI()).isEqualTo(SOAP12);
        assertThat(env.body().getFirstChild().getLocalName()).isEqualTo("echo");
    }

    @Test
    void builtSecuredMessagesOfBothVersionsParse() throws Exception {
        assertThat(parser.parse(TestMessages.soap11().build()).version()).isEqualTo(SoapVersion.SOAP_11);
        assertThat(parser.parse(TestMessages.soap12().build()).version()).isEqualTo(SoapVersion.SOAP_12);
    }

    @Test
    void internalEntityDoctypeIsRejected() {
        byte[] msg = ("<?xml version=\"1.0\"?><!DOCTYPE s:Envelope [<!ENTITY x \"expanded\">]>"
                + new String(soap11Body("<p>&x;</p>"), StandardCharsets.UTF_8).replaceFirst("^<\\?xml[^>]*>", ""))
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> parser.parse(msg)).isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("DOCTYPE");
    }

    @Test
    void billionLaughsIsRejected() {
        byte[] msg = TestMessages.withDoctype(TestMessages.soap11().build());

        assertThatThrownBy(() -> parser.parse(msg)).isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("DOCTYPE");
    }

    @Test
    void externalEntityIsRejectedAndTheFileIsNeverRead(@TempDir Path dir) throws Exception {
        String secret = "TOP-SECRET-" + System.nanoTime();
        Path file = Files.writeString(dir.resolve("secret.txt"), secret);
        byte[] msg = TestMessages.withExternalEntity(TestMessages.soap11().build(), file.toUri().toString());

        MalformedMessageException e = catchThrowableOfType(() -> parser.parse(msg), MalformedMessageException.class);

        assertThat(e).isNotNull().hasMessageContaining("DOCTYPE");
        assertThat(allMessages(e)).doesNotContain(secret);
    }

    @Test
    void messageOverTheByteLimitIsRejectedBeforeParsing() throws Exception {
        HardenedParser small = new HardenedParser(new MessageLimits(500, 100));
        // exactly at the limit is fine
        assertThat(small.parse(TestMessages.oversized(500)).body().getTextContent()).matches("x+");

        // one byte more is refused, and without a parser exception as the cause
        MalformedMessageException e = catchThrowableOfType(() -> small.parse(TestMessages.oversized(501)),
                MalformedMessageException.class);
        assertThat(e).hasMessageContaining("exceeds").hasNoCause();
        // garbage of the same size gets the same answer: the content was never looked at
        assertThatThrownBy(() -> small.parse(new byte[501])).hasMessageContaining("exceeds").hasNoCause();
    }

    @Test
    void nestingDeeperThanMaxDepthIsRejected() throws Exception {
        HardenedParser shallow = new HardenedParser(new MessageLimits(MessageLimits.DEFAULT_MAX_MESSAGE_BYTES, 20));
        // Envelope, Body and echo add three levels to the nested elements
        assertThat(shallow.parse(TestMessages.deeplyNested(10)).body().getTextContent()).isEqualTo("deep");

        assertThatThrownBy(() -> shallow.parse(TestMessages.deeplyNested(30)))
                .isInstanceOf(MalformedMessageException.class).hasMessageContaining("maxElementDepth");
        assertThatThrownBy(() -> parser.parse(TestMessages.deeplyNested(200)))
                .isInstanceOf(MalformedMessageException.class);
    }

    /**
     * One parser serves every message of a policy and reuses its DOM builders: each message is
     * judged afresh, whatever came before it (a refused DOCTYPE, a too-deep message, a good one),
     * and each good message gets a document of its own.
     */
    @Test
    void aReusedParserJudgesEveryMessageAfresh() throws Exception {
        HardenedParser shallow = new HardenedParser(new MessageLimits(MessageLimits.DEFAULT_MAX_MESSAGE_BYTES, 20));
        byte[] laughs = TestMessages.withDoctype(TestMessages.soap11().build());
        java.util.List<org.w3c.dom.Document> documents = new java.util.ArrayList<>();
        for (int round = 0; round < 3; round++) {
            documents.add(shallow.parse(soap11Body(PAYLOAD)).document());
            assertThatThrownBy(() -> shallow.parse(laughs)).hasMessageContaining("DOCTYPE");
            documents.add(shallow.parse(TestMessages.deeplyNested(10)).document());
            assertThatThrownBy(() -> shallow.parse(TestMessages.deeplyNested(30))).hasMessageContaining("maxElementDepth");
            assertThatThrownBy(() -> shallow.parse("<s:Envelope".getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOf(MalformedMessageException.class);
        }
        assertThat(documents).doesNotHaveDuplicates();
        assertThat(documents.get(0).getDocumentElement().getTextContent()).isEqualTo("hello");
        assertThat(documents.get(4).getDocumentElement().getTextContent()).isEqualTo("hello");
    }

    @Test
    void elementWithThreeHundredAttributesIsRejected() throws Exception {
        StringBuilder few = new StringBuilder("<p");
        for (int i = 0; i < 10; i++) {
            few.append(" a").append(i).append("=\"v\"");
        }
        assertThat(parser.parse(soap11Body(few + "/>")).body().getFirstChild().getAttributes().getLength())
                .isEqualTo(10);

        StringBuilder many = new StringBuilder("<p");
        for (int i = 0; i < 300; i++) {
            many.append(" a").append(i).append("=\"v\"");
        }
        assertThatThrownBy(() -> parser.parse(soap11Body(many + "/>"))).isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("attributes");
    }

    @Test
    void twoThousandCharacterElementNameIsRejected() throws Exception {
        String shortName = "n".repeat(100);
        assertThat(parser.parse(soap11Body("<" + shortName + "/>")).body().getFirstChild().getNodeName())
                .isEqualTo(shortName);

        String longName = "n".repeat(2000);
        assertThatThrownBy(() -> parser.parse(soap11Body("<" + longName + "/>")))
                .isInstanceOf(MalformedMessageException.class).hasMessageContaining("limit");
    }

    @Test
    void rootThatIsNotAnEnvelopeIsRejected() {
        byte[] wrongName = ("<s:Body xmlns:s=\"" + SOAP11 + "\">" + PAYLOAD + "</s:Body>").getBytes(StandardCharsets.UTF_8);
        byte[] wrongNs = ("<s:Envelope xmlns:s=\"urn:not-soap\"><s:Body/></s:Envelope>").getBytes(StandardCharsets.UTF_8);
        byte[] noNs = ("<Envelope><Body/></Envelope>").getBytes(StandardCharsets.UTF_8);

        for (byte[] msg : List.of(wrongName, wrongNs, noNs)) {
            assertThatThrownBy(() -> parser.parse(msg)).isInstanceOf(MalformedMessageException.class)
                    .hasMessageContaining("Envelope");
        }
    }

    @Test
    void badEnvelopeShapesAreRejected() {
        List<byte[]> shapes = new ArrayList<>();
        shapes.add(envelope(SOAP11, "<s:Body>" + PAYLOAD + "</s:Body><s:Body>" + PAYLOAD + "</s:Body>"));
        shapes.add(envelope(SOAP11, "<s:Body>" + PAYLOAD + "</s:Body><x:after xmlns:x=\"urn:x\"/>"));
        shapes.add(envelope(SOAP11, "<s:Body>" + PAYLOAD + "</s:Body><s:Header/>"));
        shapes.add(envelope(SOAP11, "<s:Header/><s:Header/><s:Body/>"));
        shapes.add(envelope(SOAP11, "<s:Header/>"));
        shapes.add(envelope(SOAP11, ""));
        shapes.add(envelope(SOAP12, "<x:before xmlns:x=\"urn:x\"/><s:Body/>"));
        // a Body of the other SOAP version does not count
        shapes.add(envelope(SOAP12, "<b:Body xmlns:b=\"" + SOAP11 + "\"/>"));

        for (byte[] msg : shapes) {
            assertThatThrownBy(() -> parser.parse(msg)).as(new String(msg, StandardCharsets.UTF_8))
                    .isInstanceOf(MalformedMessageException.class).hasMessageContaining("Body");
        }
    }

    @Test
    void nonXmlBytesAreRejected() {
        List<byte[]> junk = List.of("hello world".getBytes(StandardCharsets.UTF_8), new byte[0],
                new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2},
                "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body>".getBytes(StandardCharsets.UTF_8));

        for (byte[] msg : junk) {
            assertThatThrownBy(() -> parser.parse(msg)).isInstanceOf(MalformedMessageException.class);
        }
    }

    @Test
    void elementCountIsBoundedBeforeAnyDomIsBuilt() throws Exception {
        int bound = MessageLimits.DEFAULT_MAX_ELEMENTS;
        // envelope, Body and echo are three elements: this many siblings make exactly the bound
        byte[] atBound = soap11Body("<ns:echo xmlns:ns=\"urn:wssgate:test\">" + "<s/>".repeat(bound - 3) + "</ns:echo>");
        assertThat(parser.parse(atBound).body().getFirstChild().getChildNodes().getLength()).isEqualTo(bound - 3);

        byte[] million = soap11Body("<ns:echo xmlns:ns=\"urn:wssgate:test\">" + "<s/>".repeat(1_000_000) + "</ns:echo>");
        long start = System.nanoTime();
        assertThatThrownBy(() -> parser.parse(million)).isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("more than " + bound + " elements");
        // the streaming pass stops at the first element over the bound; a DOM of a million nodes takes seconds
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - start)).isLessThan(java.time.Duration.ofSeconds(3));
    }

    @Test
    void theElementBoundIsConfigurable() throws Exception {
        byte[] twoThousand = soap11Body("<ns:echo xmlns:ns=\"urn:wssgate:test\">" + "<s/>".repeat(2_000) + "</ns:echo>");
        assertThat(parser.parse(twoThousand).body().getFirstChild().getChildNodes().getLength()).isEqualTo(2_000);

        HardenedParser strict = new HardenedParser(new MessageLimits(MessageLimits.DEFAULT_MAX_MESSAGE_BYTES,
                MessageLimits.DEFAULT_MAX_DEPTH, 1_000));
        assertThatThrownBy(() -> strict.parse(twoThousand)).isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("more than 1000 elements (limits.max-elements)");
    }
}
