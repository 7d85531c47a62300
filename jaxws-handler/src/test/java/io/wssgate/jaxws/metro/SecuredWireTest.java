package io.wssgate.jaxws.metro;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.xml.ws.api.SOAPVersion;
import com.sun.xml.ws.api.message.Messages;
import com.sun.xml.ws.api.message.Packet;
import com.sun.xml.ws.api.pipe.Codecs;
import com.sun.xml.ws.api.pipe.StreamSOAPCodec;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** How the endpoint's codec writes a response WSS Gate secured. */
class SecuredWireTest {
    private static final StreamSOAPCodec ENVELOPES = Codecs.createSOAPEnvelopeXmlCodec(SOAPVersion.SOAP_11);
    /** Laid out as no XML writer would lay it out again: double-quoted prolog, spaces, prefixes. */
    private static final byte[] SECURED = ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>"
            + "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Header>"
            + "<wsse:Security xmlns:wsse=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd\">"
            + "  </wsse:Security></soap:Header><soap:Body  ><ord:ack xmlns:ord=\"urn:orders\">caf\u00e9 </ord:ack>"
            + "</soap:Body></soap:Envelope>").getBytes(StandardCharsets.UTF_8);

    private final WireValidatingCodec codec = new WireValidatingCodec(ENVELOPES.copy(), null, SOAPVersion.SOAP_11);

    @Test
    void aSecuredResponseIsWrittenByteForByteAsTheCoreProducedIt() throws Exception {
        Packet response = new Packet();
        SecuredWire.put(response, SECURED, ENVELOPES);

        assertThat(written(response)).isEqualTo(SECURED);
    }

    @Test
    void whatMetroSeesOfTheSecuredResponseIsThatResponse() {
        Packet response = new Packet();
        byte[] fault = ("<S:Envelope xmlns:S=\"http://schemas.xmlsoap.org/soap/envelope/\"><S:Body><S:Fault>"
                + "<faultcode>S:Server</faultcode><faultstring>no</faultstring></S:Fault></S:Body></S:Envelope>")
                .getBytes(StandardCharsets.UTF_8);
        SecuredWire.put(response, fault, ENVELOPES);

        // Metro answers HTTP 500 for a fault, from the packet's message
        assertThat(response.getMessage().isFault()).isTrue();
    }

    @Test
    void aResponseReplacedAfterSecuringIsWrittenByMetroNotTheSecuredBytes() throws Exception {
        Packet response = new Packet();
        SecuredWire.put(response, SECURED, ENVELOPES);
        response.setMessage(Messages.createEmpty(SOAPVersion.SOAP_11));

        String written = new String(written(response), StandardCharsets.UTF_8);
        assertThat(written).contains("Envelope").doesNotContain("Security").doesNotContain("ack");
    }

    private byte[] written(Packet response) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        codec.encode(response, out);
        return out.toByteArray();
    }
}
