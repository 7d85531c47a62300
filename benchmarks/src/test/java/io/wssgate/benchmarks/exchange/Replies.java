package io.wssgate.benchmarks.exchange;

import io.wssgate.testing.TestMessages;
import java.nio.charset.StandardCharsets;

/**
 * What the application behind every path answers: a short acknowledgement naming the caller it
 * was given, so a proof can see that the caller reached the application and a response-signing
 * path has a Body with text in it to tamper with. The same few hundred bytes whatever the
 * request's size: the endpoint path is measured with a realistic small answer, and outbound
 * securing at every size is {@code OutboundBenchmark}'s subject.
 */
public final class Replies {
    public static final String NS = "urn:wssgate:bench:orders";

    private Replies() {
    }

    /** The Body's content: what a PAYLOAD-mode endpoint returns. */
    public static String ackPayload(String caller) {
        return "<ord:ack xmlns:ord=\"" + NS + "\"><ord:caller>" + escape(caller) + "</ord:caller>"
                + "<ord:status>accepted</ord:status></ord:ack>";
    }

    /** The whole SOAP 1.1 envelope, as an application writes it to the response. */
    public static byte[] ack(String caller) {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><soap:Envelope xmlns:soap=\"" + TestMessages.SOAP11_NS
                + "\"><soap:Body>" + ackPayload(caller) + "</soap:Body></soap:Envelope>")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The caller's name as it appears in the acknowledgement's text. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
