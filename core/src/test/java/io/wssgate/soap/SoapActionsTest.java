package io.wssgate.soap;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The SOAPAction a transport saw: the SOAP 1.1 header and the SOAP 1.2 action parameter, unquoted. */
class SoapActionsTest {

    @Test
    void theSoap11HeaderIsUnquoted() {
        assertThat(SoapActions.of("\"urn:orders:submit\"", "text/xml; charset=UTF-8")).containsExactly("urn:orders:submit");
        assertThat(SoapActions.of("urn:orders:submit", null)).containsExactly("urn:orders:submit");
    }

    @Test
    void anEmptySoapActionSaysNothing() {
        assertThat(SoapActions.of("\"\"", "text/xml")).isEmpty();
        assertThat(SoapActions.of(null, null)).isEmpty();
        assertThat(SoapActions.of("  ", "application/soap+xml; action=\"\"")).isEmpty();
    }

    @Test
    void theSoap12ActionParameterIsReadWhereverItStands() {
        assertThat(SoapActions.of(null, "application/soap+xml; charset=utf-8; action=\"urn:orders:submit\""))
                .containsExactly("urn:orders:submit");
        assertThat(SoapActions.of(null, "application/soap+xml;ACTION=urn:orders:submit;charset=utf-8"))
                .containsExactly("urn:orders:submit");
    }

    @Test
    void aHeaderAndAParameterThatDifferAreBothKeptSoTheyCanBeComparedWithTheOperation() {
        assertThat(SoapActions.of("\"urn:a\"", "application/soap+xml; action=\"urn:b\"")).containsExactly("urn:a", "urn:b");
        assertThat(SoapActions.of("\"urn:a\"", "application/soap+xml; action=urn:a")).containsExactly("urn:a");
    }
}
