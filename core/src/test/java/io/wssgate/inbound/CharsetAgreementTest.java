package io.wssgate.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wssgate.fault.FaultCode;
import io.wssgate.fault.SecurityFault;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The HTTP charset must name the encoding the document is really read in. */
class CharsetAgreementTest {
    static final String UTF8_DOC = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><e/>";
    static final String LATIN1_DOC = "<?xml version='1.0' encoding='ISO-8859-1'?><e/>";

    @Test
    void agreeingOrSilentCharsetsPass() {
        assertThatCode(() -> {
            CharsetAgreement.check(bytes(UTF8_DOC), "text/xml; charset=utf-8");
            CharsetAgreement.check(bytes(UTF8_DOC), "application/soap+xml;charset=\"UTF-8\";action=\"x\"");
            CharsetAgreement.check(bytes(UTF8_DOC), "text/xml");
            CharsetAgreement.check(bytes(UTF8_DOC), null);
            CharsetAgreement.check(bytes("<e/>"), "text/xml; charset=UTF-8");
            CharsetAgreement.check(bytes(LATIN1_DOC), "text/xml; charset=latin1");
            CharsetAgreement.check(withUtf8Bom(UTF8_DOC), "text/xml; charset=UTF-8");
            CharsetAgreement.check("<?xml version=\"1.0\" encoding=\"UTF-16\"?><e/>".getBytes(StandardCharsets.UTF_16),
                    "text/xml; charset=UTF-16");
        }).doesNotThrowAnyException();
    }

    @Test
    void disagreeingCharsetsAreRefused() {
        refused(bytes(UTF8_DOC), "text/xml; charset=ISO-8859-1");
        refused(bytes("<e/>"), "text/xml; charset=ISO-8859-1");
        refused(bytes(LATIN1_DOC), "text/xml; charset=UTF-8");
        refused(withUtf8Bom(LATIN1_DOC), "text/xml; charset=ISO-8859-1");
        refused("<?xml version=\"1.0\" encoding=\"UTF-16\"?><e/>".getBytes(StandardCharsets.UTF_16LE),
                "text/xml; charset=UTF-8");
        refused(bytes(UTF8_DOC), "text/xml; charset=x-no-such-charset");
    }

    @Test
    void documentEncodingFollowsBomThenDeclaration() {
        assertThat(CharsetAgreement.documentEncoding(withUtf8Bom(LATIN1_DOC))).isEqualTo("UTF-8");
        assertThat(CharsetAgreement.documentEncoding(bytes(LATIN1_DOC))).isEqualTo("ISO-8859-1");
        assertThat(CharsetAgreement.documentEncoding(bytes("<e/>"))).isEqualTo("UTF-8");
    }

    private static void refused(byte[] message, String contentType) {
        assertThatThrownBy(() -> CharsetAgreement.check(message, contentType)).as(contentType)
                .isInstanceOfSatisfying(SecurityFault.class, f -> assertThat(f.code()).isEqualTo(FaultCode.INVALID_SECURITY));
    }

    private static byte[] bytes(String xml) {
        return xml.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] withUtf8Bom(String xml) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        out.writeBytes(bytes(xml));
        return out.toByteArray();
    }
}
