package io.wssgate.benchmarks.exchange;

import io.wssgate.testing.TestMessages;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** Reads a SOAP 1.1 fault's code from a response's bytes (setup and proofs only, never timed). */
final class Faults {
    private Faults() {
    }

    /** The local name of the {@code faultcode} (e.g. {@code FailedCheck}), or a note that there is none. */
    static String code(byte[] response) {
        try {
            Document document = TestMessages.parse(response);
            NodeList codes = document.getElementsByTagNameNS("*", "faultcode");
            if (codes.getLength() == 0) {
                codes = document.getElementsByTagName("faultcode");
            }
            if (codes.getLength() == 0) {
                return "(not a SOAP 1.1 fault)";
            }
            String code = codes.item(0).getTextContent().trim();
            return code.substring(code.indexOf(':') + 1);
        } catch (RuntimeException e) {
            return "(not XML: " + e.getMessage() + ")";
        }
    }
}
