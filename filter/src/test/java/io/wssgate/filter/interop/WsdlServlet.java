package io.wssgate.filter.interop;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * {@link CallerServlet} that also serves its contract on {@code GET ?wsdl}, as a JAX-WS runtime
 * does: the {@link InteropService} WSDL without any WS-SecurityPolicy, its soap:address the
 * URL it was asked at.
 */
public class WsdlServlet extends CallerServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!"wsdl".equalsIgnoreCase(request.getQueryString())) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType("text/xml; charset=UTF-8");
        response.getOutputStream().write(wsdl(request.getRequestURL().toString()).getBytes(StandardCharsets.UTF_8));
    }

    /** The document/literal wrapped SOAP 1.1 contract of {@link InteropService} at {@code address}. */
    static String wsdl(String address) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <wsdl:definitions name="InteropService" targetNamespace="%1$s"
                    xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/"
                    xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tns="%1$s">
                  <wsdl:types>
                    <xs:schema targetNamespace="%1$s" elementFormDefault="unqualified">
                      <xs:element name="whoami" type="tns:whoami"/>
                      <xs:complexType name="whoami"><xs:sequence/></xs:complexType>
                      <xs:element name="whoamiResponse" type="tns:whoamiResponse"/>
                      <xs:complexType name="whoamiResponse"><xs:sequence>
                        <xs:element name="return" type="xs:string" minOccurs="0"/></xs:sequence></xs:complexType>
                      <xs:element name="echo" type="tns:echo"/>
                      <xs:complexType name="echo"><xs:sequence>
                        <xs:element name="text" type="xs:string" minOccurs="0"/></xs:sequence></xs:complexType>
                      <xs:element name="echoResponse" type="tns:echoResponse"/>
                      <xs:complexType name="echoResponse"><xs:sequence>
                        <xs:element name="return" type="xs:string" minOccurs="0"/></xs:sequence></xs:complexType>
                    </xs:schema>
                  </wsdl:types>
                  <wsdl:message name="whoami"><wsdl:part name="parameters" element="tns:whoami"/></wsdl:message>
                  <wsdl:message name="whoamiResponse"><wsdl:part name="parameters" element="tns:whoamiResponse"/></wsdl:message>
                  <wsdl:message name="echo"><wsdl:part name="parameters" element="tns:echo"/></wsdl:message>
                  <wsdl:message name="echoResponse"><wsdl:part name="parameters" element="tns:echoResponse"/></wsdl:message>
                  <wsdl:portType name="Interop">
                    <wsdl:operation name="whoami">
                      <wsdl:input message="tns:whoami"/><wsdl:output message="tns:whoamiResponse"/>
                    </wsdl:operation>
                    <wsdl:operation name="echo">
                      <wsdl:input message="tns:echo"/><wsdl:output message="tns:echoResponse"/>
                    </wsdl:operation>
                  </wsdl:portType>
                  <wsdl:binding name="InteropBinding" type="tns:Interop">
                    <soap:binding style="document" transport="http://schemas.xmlsoap.org/soap/http"/>
                    <wsdl:operation name="whoami">
                      <soap:operation soapAction=""/>
                      <wsdl:input><soap:body use="literal"/></wsdl:input>
                      <wsdl:output><soap:body use="literal"/></wsdl:output>
                    </wsdl:operation>
                    <wsdl:operation name="echo">
                      <soap:operation soapAction=""/>
                      <wsdl:input><soap:body use="literal"/></wsdl:input>
                      <wsdl:output><soap:body use="literal"/></wsdl:output>
                    </wsdl:operation>
                  </wsdl:binding>
                  <wsdl:service name="%2$s">
                    <wsdl:port name="%3$s" binding="tns:InteropBinding"><soap:address location="%4$s"/></wsdl:port>
                  </wsdl:service>
                </wsdl:definitions>
                """.formatted(InteropService.NS, InteropService.SERVICE, InteropService.PORT, address);
    }
}
