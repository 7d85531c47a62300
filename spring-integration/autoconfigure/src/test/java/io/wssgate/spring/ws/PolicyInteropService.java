package io.wssgate.spring.ws;

import jakarta.jws.WebMethod;
import jakarta.jws.WebParam;
import jakarta.jws.WebService;

/** The contract {@link PublishedPolicyApp} serves and the CXF client calls (document/literal wrapped, SOAP 1.1). */
@WebService(name = "Interop", targetNamespace = PolicyInteropService.NS)
public interface PolicyInteropService {
    String NS = "urn:wssgate:test:spring-policy";
    String SERVICE = "InteropService";
    String PORT = "InteropPort";

    @WebMethod
    String whoami();

    @WebMethod
    String echo(@WebParam(name = "text") String text);

    /** The WSDL as the application wrote it, without WS-SecurityPolicy; Spring-WS rewrites the address. */
    static String wsdl() {
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
                    <wsdl:port name="%3$s" binding="tns:InteropBinding"><soap:address location="http://localhost/services/interop"/></wsdl:port>
                  </wsdl:service>
                </wsdl:definitions>
                """.formatted(NS, SERVICE, PORT);
    }
}
