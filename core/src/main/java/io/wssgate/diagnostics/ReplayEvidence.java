package io.wssgate.diagnostics;

import io.wssgate.diagnostics.Explanation.Finding;
import io.wssgate.diagnostics.trace.Stage;
import io.wssgate.diagnostics.trace.StageFact;
import io.wssgate.soap.Namespaces;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A message refused as a replay: which earlier message of the same run it repeats, and what it
 * repeats (the signed Timestamp, a UsernameToken nonce, a single-use assertion ID, a signed
 * wsa:MessageID when {@code addressing.message-id-replay} is on).
 */
final class ReplayEvidence {
    private ReplayEvidence() {
    }

    /** What identifies a message for replay detection, taken from an accepted message. */
    record Marks(int message, Set<String> marks) {
    }

    static Marks of(int message, Document received) {
        Set<String> marks = new TreeSet<>();
        Element root = received.getDocumentElement();
        for (Element ts : Dom.descendants(root, Namespaces.WSU, "Timestamp")) {
            marks.add("the signed Timestamp (Created " + Dom.childText(ts, Namespaces.WSU, "Created").orElse("?") + ")");
        }
        for (Element nonce : Dom.descendants(root, Namespaces.WSSE, "Nonce")) {
            marks.add("the UsernameToken Nonce " + nonce.getTextContent().strip());
        }
        for (Element a : Dom.descendants(root, Namespaces.SAML2, "Assertion")) {
            marks.add("the assertion ID " + a.getAttribute("ID"));
        }
        for (Element a : Dom.descendants(root, Namespaces.SAML1, "Assertion")) {
            marks.add("the assertion ID " + a.getAttribute("AssertionID"));
        }
        for (io.wssgate.addressing.AddressingVersion version : io.wssgate.addressing.AddressingVersion.values()) {
            for (Element id : Dom.descendants(root, version.namespace(), "MessageID")) {
                marks.add("the wsa:MessageID " + id.getTextContent().strip());
            }
        }
        return new Marks(message, marks);
    }

    static List<Finding> findings(Refusal refusal, List<Marks> earlier) {
        if (refusal.stage() != Stage.REPLAY || refusal.received().isEmpty()) {
            return List.of();
        }
        Marks now = of(0, refusal.received().get());
        for (Marks before : earlier) {
            List<String> same = new ArrayList<>(now.marks());
            same.retainAll(before.marks());
            if (!same.isEmpty()) {
                return List.of(Finding.cause("replay", "The message repeats " + same.get(0) + " of message "
                        + before.message() + ", which was accepted before it: a replay",
                        same.stream().map(s -> new StageFact("repeated", s)).toList()));
            }
        }
        return List.of(Finding.cause("replay", "The message repeats what an earlier accepted message carried: a "
                + "replay", List.of()));
    }
}
