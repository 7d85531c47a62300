package io.wssgate.diagnostics;

import io.wssgate.diagnostics.Explanation.Finding;
import io.wssgate.diagnostics.trace.Stage;
import io.wssgate.diagnostics.trace.StageFact;
import io.wssgate.soap.Namespaces;
import io.wssgate.soap.SoapVersion;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * A message refused before its security is even looked at: what it is instead of a SOAP
 * envelope (a MIME package, JSON, HTML, a DOCTYPE), how it compares with the limits, and which
 * Security headers it carries for whom when none is this receiver's.
 */
final class MessageShapeEvidence {
    private MessageShapeEvidence() {
    }

    static List<Finding> findings(Refusal refusal) {
        if (refusal.stage() == Stage.PARSE || refusal.stage() == Stage.TRANSPORT) {
            return parse(refusal).map(List::of).orElse(List.of());
        }
        if (refusal.stage() == Stage.SECURITY_HEADER) {
            return headers(refusal).map(List::of).orElse(List.of());
        }
        // a header that is missing or empty only shows later, as a missing Timestamp or signature
        return missingOrEmptyHeader(refusal).map(List::of).orElse(List.of());
    }

    private static Optional<Finding> missingOrEmptyHeader(Refusal refusal) {
        if (refusal.received().isEmpty()) {
            return Optional.empty();
        }
        Element root = refusal.received().get().getDocumentElement();
        List<Element> headers = Dom.descendants(root, Namespaces.WSSE, "Security");
        if (headers.isEmpty()) {
            return headers(refusal);
        }
        String actorName = SoapVersion.SOAP_12.envelopeNamespace().equals(root.getNamespaceURI()) ? "role" : "actor";
        String ours = refusal.policy().securityHeader().actor().orElse("");
        Optional<Element> mine = headers.stream().filter(h -> h.getAttributeNS(root.getNamespaceURI(), actorName)
                .equals(ours)).findFirst();
        List<String> elsewhere = headers.stream().filter(h -> !Dom.children(h).isEmpty())
                .map(h -> h.getAttributeNS(root.getNamespaceURI(), actorName))
                .filter(a -> !a.equals(ours)).toList();
        if (mine.isPresent() && Dom.children(mine.get()).isEmpty() && elsewhere.isEmpty()) {
            return cause("The wsse:Security header for this receiver is empty: the sender applied no WS-Security (no "
                    + "Timestamp, token or signature; its security configuration did not run, or something on the way "
                    + "stripped the header's content)", List.of());
        }
        if (mine.isPresent() && Dom.children(mine.get()).isEmpty()) {
            return cause("The wsse:Security header for this receiver is empty; the message's tokens and signatures "
                    + "are in the header for " + actorName + " " + elsewhere.stream().map(TextDifference::show)
                    .toList() + ", which this policy does not process (security-header.actor)",
                    List.of(new StageFact("this policy processes", ours.isEmpty() ? "the header without actor/role"
                            : TextDifference.show(ours))));
        }
        return Optional.empty();
    }

    private static Optional<Finding> parse(Refusal refusal) {
        byte[] m = refusal.message();
        String start = new String(m, 0, Math.min(m.length, 200), StandardCharsets.ISO_8859_1).stripLeading();
        long limit = refusal.policy().limits().maxMessageBytes();
        List<StageFact> details = List.of(new StageFact("size", m.length + " bytes"),
                new StageFact("limits.max-message-size", limit + " bytes"));
        if (m.length > limit) {
            return cause("The message has " + m.length + " bytes, more than limits.max-message-size (" + limit + ")",
                    details);
        }
        if (m.length == 0) {
            return cause("The message is empty", details);
        }
        if (start.startsWith("--")) {
            return cause("The message is a MIME multipart package (SOAP with attachments or MTOM), not a bare SOAP "
                    + "envelope", details);
        }
        if (start.startsWith("{") || start.startsWith("[")) {
            return cause("The message looks like JSON, not a SOAP envelope", details);
        }
        if (start.regionMatches(true, 0, "<!DOCTYPE html", 0, 14) || start.regionMatches(true, 0, "<html", 0, 5)) {
            return cause("The message is an HTML page, not a SOAP envelope", details);
        }
        if (refusal.detailContains("DOCTYPE")) {
            return cause("The message declares a DOCTYPE, which is never accepted (external entities, entity "
                    + "expansion)", details);
        }
        if (refusal.detailContains("charset") || refusal.detailContains("encoding")) {
            return cause("The HTTP Content-Type's charset is not the document's own encoding: an application reading "
                    + "it by the HTTP charset would see another document than the one verified", details);
        }
        return Optional.empty();
    }

    private static Optional<Finding> headers(Refusal refusal) {
        if (refusal.received().isEmpty()) {
            return Optional.empty();
        }
        Element root = refusal.received().get().getDocumentElement();
        Optional<String> configured = refusal.policy().securityHeader().actor();
        List<StageFact> details = new ArrayList<>(List.of(new StageFact("this policy processes", configured
                .map(TextDifference::show).orElse("the header without actor/role")
                + (refusal.policy().securityHeader().acceptNext() ? " (and one for next)" : ""))));
        List<Element> headers = Dom.descendants(root, Namespaces.WSSE, "Security");
        String actorName = SoapVersion.SOAP_12.envelopeNamespace().equals(root.getNamespaceURI()) ? "role" : "actor";
        for (Element header : headers) {
            String actor = header.getAttributeNS(root.getNamespaceURI(), actorName);
            details.add(new StageFact("wsse:Security in the message", actor.isEmpty() ? "without " + actorName
                    : actorName + " " + TextDifference.show(actor)));
        }
        if (headers.isEmpty()) {
            return cause("The message carries no wsse:Security header at all: the sender did not apply WS-Security "
                    + "(or something on the way removed it)", details);
        }
        if (headers.size() > 1 && refusal.detailContains("more than one")) {
            return cause("The message carries more than one wsse:Security header for this receiver; exactly one "
                    + "may be addressed to it", details);
        }
        String near = configured.flatMap(c -> headers.stream().map(h -> h.getAttributeNS(root.getNamespaceURI(),
                actorName)).flatMap(a -> TextDifference.lookAlike(a, c).stream()).findFirst())
                .map(d -> "; its " + actorName + " " + d).orElse("");
        return cause("The message's wsse:Security header is addressed to another " + actorName + " than this policy "
                + "processes (security-header.actor)" + near, details);
    }

    private static Optional<Finding> cause(String summary, List<StageFact> details) {
        return Optional.of(Finding.cause("message", summary, details));
    }
}
