package io.wssgate.soap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StartTagBoundTest {

    private static byte[] utf8(String xml) {
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void countsStartTagsButNotEndTagsCommentsOrProcessingInstructions() {
        byte[] three = utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?><a><!-- c --><b/><?pi x?><c>t</c></a>");
        assertThat(StartTagBound.atMost(three, 3)).isTrue();
        assertThat(StartTagBound.atMost(three, 2)).isFalse();
    }

    @Test
    void markupCharactersInCommentsAndCdataOnlyRaiseTheBound() {
        byte[] two = utf8("<a><!-- <x> <y> --><![CDATA[<z>]]><b/></a>");
        // a and b are the only elements; the bound counts x, y and z as well, never fewer
        assertThat(StartTagBound.atMost(two, 5)).isTrue();
        assertThat(StartTagBound.atMost(two, 4)).isFalse();
    }

    @Test
    void anUndeclaredOrSingleByteCompatibleEncodingIsBounded() {
        assertThat(StartTagBound.atMost(utf8("<a><b/></a>"), 2)).isTrue();
        assertThat(StartTagBound.atMost(utf8("<?xml version='1.0'?><a/>"), 1)).isTrue();
        assertThat(StartTagBound.atMost("<?xml version=\"1.0\" encoding='ISO-8859-1'?><a/>"
                .getBytes(StandardCharsets.ISO_8859_1), 1)).isTrue();
    }

    @Test
    void otherEncodingsGetNoBoundAndGoToTheExactCount() {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><a/>";
        assertThat(StartTagBound.atMost(xml.getBytes(StandardCharsets.UTF_16), 1_000)).isFalse();
        assertThat(StartTagBound.atMost(xml.getBytes(StandardCharsets.UTF_16LE), 1_000)).isFalse();
        // EBCDIC announced in an ASCII declaration: '<' is then 0x4C, so counting 0x3C would prove nothing
        assertThat(StartTagBound.atMost(utf8("<?xml version=\"1.0\" encoding=\"IBM037\"?>"), 1_000)).isFalse();
        assertThat(StartTagBound.atMost(utf8("\uFEFF<a/>"), 1_000)).isFalse();
        assertThat(StartTagBound.atMost(utf8(" <a/>"), 1_000)).isFalse();
        assertThat(StartTagBound.atMost(utf8("<?xml version=\"1.0\" encoding=\"UTF-8\""), 1_000)).isFalse();
    }

    @Test
    void anEbcdicMessageIsStillCountedExactly() throws Exception {
        Charset ebcdic = Charset.forName("IBM037");
        String body = "<ns:echo xmlns:ns=\"urn:wssgate:test\">" + "<s/>".repeat(2_000) + "</ns:echo>";
        byte[] message = ("<?xml version=\"1.0\" encoding=\"IBM037\"?><s:Envelope xmlns:s=\""
                + io.wssgate.testing.TestMessages.SOAP11_NS + "\"><s:Body>" + body + "</s:Body></s:Envelope>")
                .getBytes(ebcdic);
        HardenedParser strict = new HardenedParser(new io.wssgate.config.MessageLimits(
                io.wssgate.config.MessageLimits.DEFAULT_MAX_MESSAGE_BYTES,
                io.wssgate.config.MessageLimits.DEFAULT_MAX_DEPTH, 1_000));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> strict.parse(message))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("more than 1000 elements (limits.max-elements)");
    }
}
