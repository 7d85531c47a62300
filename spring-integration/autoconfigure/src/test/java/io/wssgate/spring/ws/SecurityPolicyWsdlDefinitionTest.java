package io.wssgate.spring.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wssgate.spring.GateFixture;
import io.wssgate.wsdl.OperationPolicy;
import io.wssgate.wsdl.SecurityPolicyReader;
import io.wssgate.wsdl.WsdlPolicyCheck;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.stream.StreamResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.ws.wsdl.wsdl11.SimpleWsdl11Definition;

/** Spring-WS's WSDL definition, wrapped: the WSDL it serves carries the policy's WS-SecurityPolicy, which reads back as that policy. */
class SecurityPolicyWsdlDefinitionTest {
    static final String WSDL = """
            <wsdl:definitions targetNamespace="urn:example:orders" xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/"
                xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/" xmlns:tns="urn:example:orders">
              <wsdl:message name="place"><wsdl:part name="p" element="tns:place"/></wsdl:message>
              <wsdl:portType name="Orders"><wsdl:operation name="place"><wsdl:input message="tns:place"/></wsdl:operation></wsdl:portType>
              <wsdl:binding name="OrdersBinding" type="tns:Orders">
                <soap:binding style="document" transport="http://schemas.xmlsoap.org/soap/http"/>
                <wsdl:operation name="place"><soap:operation soapAction=""/><wsdl:input><soap:body use="literal"/></wsdl:input></wsdl:operation>
              </wsdl:binding>
              <wsdl:service name="OrdersService"><wsdl:port name="OrdersPort" binding="tns:OrdersBinding">
                <soap:address location="/p/orders"/></wsdl:port></wsdl:service>
            </wsdl:definitions>
            """;

    @Test
    void servedWsdlCarriesThePolicyItEnforces(@TempDir Path dir) throws Exception {
        GateFixture fixture = new GateFixture(dir);
        SimpleWsdl11Definition plain = new SimpleWsdl11Definition(new ByteArrayResource(WSDL.getBytes(StandardCharsets.UTF_8)));
        plain.afterPropertiesSet();

        ByteArrayOutputStream served = new ByteArrayOutputStream();
        TransformerFactory.newInstance().newTransformer().transform(
                new SecurityPolicyWsdlDefinition(plain, fixture.gate, "p").getSource(), new StreamResult(served));

        String wsdl = served.toString(StandardCharsets.UTF_8);
        assertThat(wsdl).contains("AsymmetricBinding", "PolicyReference", "Basic256Sha256");
        List<OperationPolicy> read = SecurityPolicyReader.read(served.toByteArray());
        assertThat(WsdlPolicyCheck.compare(fixture.gate.policy("p").orElseThrow().config(), read)).isEmpty();
    }

    @Test
    void anUnknownPolicyIsAWiringMistake(@TempDir Path dir) throws Exception {
        GateFixture fixture = new GateFixture(dir);

        assertThatThrownBy(() -> new SecurityPolicyWsdlDefinition(() -> null, fixture.gate, "nope"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope");
    }
}
