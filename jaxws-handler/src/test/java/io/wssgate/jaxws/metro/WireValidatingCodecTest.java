package io.wssgate.jaxws.metro;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The Content-Type Metro decodes an accepted request with. */
class WireValidatingCodecTest {

    @Test
    void verifiedBytesKeepTheRequestsContentType() {
        assertThat(WireValidatingCodec.contentTypeOf(false, "text/xml; charset=ISO-8859-1"))
                .isEqualTo("text/xml; charset=ISO-8859-1");
    }

    /** The decrypted message is serialized as UTF-8, whatever the ciphertext's envelope was encoded in. */
    @Test
    void decryptedMessageIsDeclaredUtf8() {
        assertThat(WireValidatingCodec.contentTypeOf(true, "text/xml; charset=UTF-16")).isEqualTo("text/xml; charset=UTF-8");
        assertThat(WireValidatingCodec.contentTypeOf(true, "text/xml")).isEqualTo("text/xml; charset=UTF-8");
    }

    /** A SOAP 1.2 action parameter is what Metro may dispatch on: it stays. */
    @Test
    void otherParametersStay() {
        assertThat(WireValidatingCodec.contentTypeOf(true,
                "application/soap+xml;charset=\"utf-16\"; action=\"urn:order\""))
                .isEqualTo("application/soap+xml; action=\"urn:order\"; charset=UTF-8");
    }

    @Test
    void noContentTypeStaysNone() {
        assertThat(WireValidatingCodec.contentTypeOf(true, null)).isNull();
    }
}
