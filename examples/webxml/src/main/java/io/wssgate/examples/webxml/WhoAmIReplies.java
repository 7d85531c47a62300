package io.wssgate.examples.webxml;

import java.util.List;

/**
 * The messages of the shared example contract: {@code {urn:wssgate:example}whoamiResponse}
 * with {@code <principal>} and one {@code <role>} per role (unqualified children, as a JAX-WS
 * wrapper would write them), and plain SOAP faults for requests this service cannot answer.
 */
final class WhoAmIReplies {
    static final String NAMESPACE = "urn:wssgate:example";
    static final String OPERATION = "whoami";

    private WhoAmIReplies() {
    }

    static String whoamiResponse(String soapNamespace, String principal, List<String> roles) {
        StringBuilder body = new StringBuilder("<ex:whoamiResponse xmlns:ex=\"" + NAMESPACE + "\">");
        body.append("<principal>").append(escape(principal)).append("</principal>");
        roles.forEach(r -> body.append("<role>").append(escape(r)).append("</role>"));
        return envelope(soapNamespace, body.append("</ex:whoamiResponse>").toString());
    }

    static String fault(String soapNamespace, String code, String reason) {
        String fault = SoapEnvelope.SOAP12_NS.equals(soapNamespace)
                ? "<soap:Fault><soap:Code><soap:Value>soap:" + code + "</soap:Value></soap:Code>"
                        + "<soap:Reason><soap:Text xml:lang=\"en\">" + escape(reason) + "</soap:Text></soap:Reason></soap:Fault>"
                : "<soap:Fault><faultcode>soap:" + code + "</faultcode><faultstring>" + escape(reason)
                        + "</faultstring></soap:Fault>";
        return envelope(soapNamespace, fault);
    }

    private static String envelope(String soapNamespace, String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><soap:Envelope xmlns:soap=\"" + soapNamespace
                + "\"><soap:Body>" + body + "</soap:Body></soap:Envelope>";
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
