package io.wssgate.fault;

import java.nio.charset.StandardCharsets;

/**
 * Writes the SOAP fault a rejected client receives: the WSS 1.1 fault code, its generic text
 * and the correlation id under which the server logged the real reason. Nothing else about
 * the failure leaves the server.
 */
public final class SoapFaultWriter {
    public static final String CORRELATION_NS = "urn:wssgate:fault";
    private static final String SOAP11_NS = "http://schemas.xmlsoap.org/soap/envelope/";
    private static final String SOAP12_NS = "http://www.w3.org/2003/05/soap-envelope";

    private SoapFaultWriter() {
    }

    public static byte[] soap11(FaultCode code, String correlationId) {
        String xml = "<soap:Envelope xmlns:soap=\"" + SOAP11_NS + "\"><soap:Body><soap:Fault>"
                + "<faultcode xmlns:wsse=\"" + FaultCode.WSSE_NS + "\">wsse:" + code.localName() + "</faultcode>"
                + "<faultstring>" + escape(code.genericText()) + "</faultstring>"
                + "<detail>" + correlation(correlationId) + "</detail>"
                + "</soap:Fault></soap:Body></soap:Envelope>";
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] soap12(FaultCode code, String correlationId) {
        String xml = "<env:Envelope xmlns:env=\"" + SOAP12_NS + "\"><env:Body><env:Fault>"
                + "<env:Code><env:Value>env:Sender</env:Value><env:Subcode>"
                + "<env:Value xmlns:wsse=\"" + FaultCode.WSSE_NS + "\">wsse:" + code.localName() + "</env:Value>"
                + "</env:Subcode></env:Code>"
                + "<env:Reason><env:Text xml:lang=\"en\">" + escape(code.genericText()) + "</env:Text></env:Reason>"
                + "<env:Detail>" + correlation(correlationId) + "</env:Detail>"
                + "</env:Fault></env:Body></env:Envelope>";
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A server-side failure (e.g. a response that could not be secured): SOAP 1.1 Server /
     * SOAP 1.2 Receiver, a generic text and the correlation id, nothing else.
     */
    public static byte[] serverFault(boolean soap12, String correlationId) {
        String text = "The response could not be secured";
        String xml = soap12
                ? "<env:Envelope xmlns:env=\"" + SOAP12_NS + "\"><env:Body><env:Fault>"
                + "<env:Code><env:Value>env:Receiver</env:Value></env:Code>"
                + "<env:Reason><env:Text xml:lang=\"en\">" + text + "</env:Text></env:Reason>"
                + "<env:Detail>" + correlation(correlationId) + "</env:Detail></env:Fault></env:Body></env:Envelope>"
                : "<soap:Envelope xmlns:soap=\"" + SOAP11_NS + "\"><soap:Body><soap:Fault>"
                + "<faultcode>soap:Server</faultcode><faultstring>" + text + "</faultstring>"
                + "<detail>" + correlation(correlationId) + "</detail></soap:Fault></soap:Body></soap:Envelope>";
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The answer to a message in a SOAP version the application does not speak (SOAP 1.2 part 1,
     * 5.4.7 and appendix A): a SOAP 1.1 VersionMismatch fault, which every SOAP node can read,
     * with the SOAP 1.2 Upgrade header listing the envelope versions that are supported. The
     * correlation id goes in the HTTP header only: a SOAP 1.1 detail belongs to Body processing.
     */
    public static byte[] versionMismatch(java.util.List<String> supportedEnvelopeNamespaces) {
        StringBuilder upgrade = new StringBuilder("<upg:Upgrade xmlns:upg=\"" + SOAP12_NS + "\">");
        int i = 0;
        for (String namespace : supportedEnvelopeNamespaces) {
            String prefix = "ns" + ++i;
            upgrade.append("<upg:SupportedEnvelope qname=\"").append(prefix).append(":Envelope\" xmlns:")
                    .append(prefix).append("=\"").append(escape(namespace)).append("\"/>");
        }
        upgrade.append("</upg:Upgrade>");
        String xml = "<soap:Envelope xmlns:soap=\"" + SOAP11_NS + "\"><soap:Header>" + upgrade + "</soap:Header>"
                + "<soap:Body><soap:Fault><faultcode>soap:VersionMismatch</faultcode>"
                + "<faultstring>The SOAP version of the message is not supported</faultstring>"
                + "</soap:Fault></soap:Body></soap:Envelope>";
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The fault sent with HTTP 415 when a message comes with a Content-Type that is not its SOAP
     * version's (text/xml for 1.1, application/soap+xml for 1.2): SOAP 1.1 Client / SOAP 1.2
     * Sender, a generic text and the correlation id.
     */
    public static byte[] unsupportedMediaType(boolean soap12, String correlationId) {
        String text = "The Content-Type does not match the SOAP version of the message";
        String xml = soap12
                ? "<env:Envelope xmlns:env=\"" + SOAP12_NS + "\"><env:Body><env:Fault>"
                + "<env:Code><env:Value>env:Sender</env:Value></env:Code>"
                + "<env:Reason><env:Text xml:lang=\"en\">" + text + "</env:Text></env:Reason>"
                + "<env:Detail>" + correlation(correlationId) + "</env:Detail></env:Fault></env:Body></env:Envelope>"
                : "<soap:Envelope xmlns:soap=\"" + SOAP11_NS + "\"><soap:Body><soap:Fault>"
                + "<faultcode>soap:Client</faultcode><faultstring>" + text + "</faultstring>"
                + "<detail>" + correlation(correlationId) + "</detail></soap:Fault></soap:Body></soap:Envelope>";
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    private static String correlation(String correlationId) {
        return "<wssgate:CorrelationId xmlns:wssgate=\"" + CORRELATION_NS + "\">" + escape(correlationId)
                + "</wssgate:CorrelationId>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
