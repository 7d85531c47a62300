package io.wssgate.jaxws.metro;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.xml.ws.api.SOAPVersion;
import com.sun.xml.ws.api.message.Packet;
import com.sun.xml.ws.api.pipe.Codecs;
import io.wssgate.InboundOutcome;
import io.wssgate.PolicyRuntime;
import io.wssgate.WssGate;
import io.wssgate.config.load.ConfigLoader;
import io.wssgate.config.load.VariableResolver;
import io.wssgate.fault.FaultCode;
import io.wssgate.testing.KeyIdType;
import io.wssgate.testing.TestKeys;
import io.wssgate.testing.TestMessages;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The codec on a Metro transport without a servlet (Metro's own HTTP server): the SOAPAction
 * Metro read from the request's header (on the packet before decoding) is compared with the
 * signed payload like the servlet's header elsewhere.
 */
class CodecSoapActionTest {
    static final TestKeys KEYS = TestKeys.create();
    static final TestKeys.Identity CLIENT = KEYS.issue("client");
    static PolicyRuntime policy;

    @BeforeAll
    static void gate(@TempDir Path dir) throws Exception {
        Path ca = TestKeys.writePem(dir.resolve("ca.pem"), KEYS.ca().certificate());
        policy = WssGate.create(ConfigLoader.fromYaml(new StringReader("""
                policies:
                  orders:
                    paths: [/orders]
                    trust: { certificates: [%s] }
                    operations:
                      status: { payload-roots: ["{urn:example:orders}getStatus"], soap-actions: [urn:status] }
                      submit: { payload-roots: ["{urn:example:orders}submitOrder"], soap-actions: [urn:submit] }
                """.formatted(ca)), dir, VariableResolver.system())).policy("orders").orElseThrow();
    }

    @Test
    void theSoapActionOnThePacketMustAgreeWithTheSignedPayload() throws Exception {
        assertThat(decode("\"urn:status\"")).isInstanceOfSatisfying(InboundOutcome.Rejected.class,
                r -> assertThat(r.code()).isEqualTo(FaultCode.FAILED_CHECK));
        assertThat(decode("\"urn:submit\"")).isInstanceOfSatisfying(InboundOutcome.Accepted.class,
                a -> assertThat(a.operation()).contains("submit"));
    }

    private static InboundOutcome decode(String soapAction) throws Exception {
        byte[] message = TestMessages.soap11("<o:submitOrder xmlns:o=\"urn:example:orders\"/>")
                .timestamp(Duration.ofMinutes(5)).signWith(CLIENT, KeyIdType.BST).build();
        WireValidatingCodec codec = new WireValidatingCodec(Codecs.createSOAPEnvelopeXmlCodec(SOAPVersion.SOAP_11),
                policy, SOAPVersion.SOAP_11);
        Packet packet = new Packet();
        packet.soapAction = soapAction;
        codec.decode(new ByteArrayInputStream(message), "text/xml; charset=UTF-8", packet);
        return packet.invocationProperties.values().stream().filter(InboundOutcome.class::isInstance)
                .map(InboundOutcome.class::cast).findFirst().orElseThrow();
    }
}
