package io.wssgate.diagnostics;

import io.wssgate.config.TrustedIssuer;
import io.wssgate.diagnostics.Explanation.Finding;
import io.wssgate.diagnostics.trace.Stage;
import io.wssgate.diagnostics.trace.StageFact;
import io.wssgate.soap.Namespaces;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * The assertion's Issuer, Audiences and Recipient side by side with the configured values, with
 * differences a person cannot see (case, a trailing slash or blank, Unicode) spelled out; and
 * for an issuer that is configured, whether the assertion's signing certificate is one of its.
 */
final class SamlEvidence {
    private SamlEvidence() {
    }

    static List<Finding> findings(Refusal refusal) {
        boolean samlFault = refusal.stage() == Stage.SAML || refusal.detailContains("issuer")
                || refusal.detailContains("SAML") || refusal.detailContains("assertion");
        if (!samlFault || !refusal.policy().saml().enabled()) {
            return List.of();
        }
        Optional<Element> root = refusal.processed().map(e -> e.document().getDocumentElement())
                .or(() -> refusal.received().map(d -> d.getDocumentElement()));
        if (root.isEmpty()) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        for (String ns : List.of(Namespaces.SAML2, Namespaces.SAML1)) {
            for (Element assertion : Dom.descendants(root.get(), ns, "Assertion")) {
                profile(assertion, ns).ifPresent(out::add);
                issuer(assertion, ns, refusal).ifPresent(out::add);
                audiences(assertion, ns, refusal).ifPresent(out::add);
                recipient(assertion, ns, refusal).ifPresent(out::add);
            }
        }
        return out;
    }

    /** What the SAML profiles demand of an assertion itself: an issuer signature over it, standard methods, no comments. */
    private static Optional<Finding> profile(Element assertion, String ns) {
        String id = Namespaces.SAML2.equals(ns) ? assertion.getAttribute("ID") : assertion.getAttribute("AssertionID");
        List<StageFact> details = List.of(new StageFact("assertion", Dom.path(assertion) + " " + id));
        Optional<Element> signature = Dom.child(assertion, Namespaces.DS, "Signature");
        if (signature.isEmpty()) {
            return Optional.of(Finding.cause("SAML assertion", "The assertion " + id + " carries no issuer signature; "
                    + "only assertions signed by a configured issuer are accepted", details));
        }
        for (Element reference : Dom.descendants(signature.get(), Namespaces.DS, "Reference")) {
            if (!reference.getAttribute("URI").equals("#" + id)) {
                return Optional.of(Finding.cause("SAML assertion", "The signature inside assertion " + id
                        + " signs " + TextDifference.show(reference.getAttribute("URI")) + ", not the assertion that "
                        + "carries it: the signed assertion was moved (signature wrapping)", details));
            }
        }
        if (hasComment(assertion)) {
            return Optional.of(Finding.cause("SAML assertion", "The assertion " + id + " contains an XML comment (e.g. "
                    + "inside its NameID): an issuer never signs one there, so the assertion was edited", details));
        }
        for (Element confirmation : Dom.descendants(assertion, ns, Namespaces.SAML2.equals(ns)
                ? "SubjectConfirmation" : "ConfirmationMethod")) {
            String method = Namespaces.SAML2.equals(ns) ? confirmation.getAttribute("Method")
                    : confirmation.getTextContent().strip();
            if (!STANDARD_METHODS.contains(method)) {
                return Optional.of(Finding.cause("SAML assertion", "The subject confirmation method "
                        + TextDifference.show(method) + " is not one of the SAML profiles' (holder-of-key, "
                        + "sender-vouches, bearer)", details));
            }
            Element holder = Namespaces.SAML2.equals(ns) ? confirmation : (Element) confirmation.getParentNode();
            if (method.endsWith(":holder-of-key") && Dom.descendants(holder, Namespaces.DS, "KeyInfo").isEmpty()) {
                return Optional.of(Finding.cause("SAML assertion", "The holder-of-key assertion " + id
                        + " names no subject key (a ds:KeyInfo in its subject confirmation), so nobody can prove "
                        + "to hold it", details));
            }
        }
        return Optional.empty();
    }

    private static final java.util.Set<String> STANDARD_METHODS = java.util.Set.of(
            "urn:oasis:names:tc:SAML:2.0:cm:holder-of-key", "urn:oasis:names:tc:SAML:2.0:cm:sender-vouches",
            "urn:oasis:names:tc:SAML:2.0:cm:bearer", "urn:oasis:names:tc:SAML:1.0:cm:holder-of-key",
            "urn:oasis:names:tc:SAML:1.0:cm:sender-vouches", "urn:oasis:names:tc:SAML:1.0:cm:bearer");

    private static boolean hasComment(org.w3c.dom.Node node) {
        for (org.w3c.dom.Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == org.w3c.dom.Node.COMMENT_NODE || hasComment(child)) {
                return true;
            }
        }
        return false;
    }

    private static Optional<Finding> issuer(Element assertion, String ns, Refusal refusal) {
        String issuer = Namespaces.SAML2.equals(ns) ? Dom.childText(assertion, ns, "Issuer").orElse("")
                : assertion.getAttribute("Issuer");
        List<TrustedIssuer> configured = refusal.policy().saml().issuers();
        List<StageFact> details = new ArrayList<>(List.of(new StageFact("Issuer in the assertion",
                TextDifference.show(issuer))));
        configured.forEach(i -> details.add(new StageFact("configured issuer", TextDifference.show(i.name()))));
        Optional<TrustedIssuer> exact = configured.stream().filter(i -> i.name().equals(issuer)).findFirst();
        if (exact.isEmpty()) {
            Optional<TrustedIssuer> closest = configured.stream()
                    .min(Comparator.comparingInt(i -> CertificateEvidence.distance(i.name(), issuer)));
            String why = closest.flatMap(c -> TextDifference.lookAlike(issuer, c.name())
                    .map(d -> "; it looks like the configured " + TextDifference.show(c.name()) + " but " + d))
                    .orElse("");
            return Optional.of(Finding.cause("SAML issuer", "The assertion's Issuer " + TextDifference.show(issuer)
                    + " is not one of saml.issuers" + why, details));
        }
        Optional<Element> signature = Dom.child(assertion, Namespaces.DS, "Signature");
        if (signature.isEmpty()) {
            return Optional.empty();
        }
        Optional<X509Certificate> signer = SignerKeys.of(signature.get(), refusal.keys()).certificate();
        List<X509Certificate> trusted = refusal.keys().samlIssuers().getOrDefault(issuer, List.of());
        if (signer.isPresent() && trusted.stream().noneMatch(c -> c.getPublicKey().equals(signer.get().getPublicKey()))) {
            trusted.forEach(c -> details.add(new StageFact("certificate of that issuer",
                    c.getSubjectX500Principal().getName())));
            details.add(new StageFact("assertion signed with", signer.get().getSubjectX500Principal().getName()));
            return Optional.of(Finding.cause("SAML issuer", "The assertion names the configured issuer "
                    + TextDifference.show(issuer) + " but is signed with the key of "
                    + signer.get().getSubjectX500Principal().getName() + ", which is none of that issuer's "
                    + "certificates (saml.issuers[].certificates)", details));
        }
        return Optional.empty();
    }

    private static Optional<Finding> audiences(Element assertion, String ns, Refusal refusal) {
        List<String> configured = refusal.policy().saml().audiences();
        List<Element> restrictions = Dom.descendants(assertion, ns, Namespaces.SAML2.equals(ns)
                ? "AudienceRestriction" : "AudienceRestrictionCondition");
        List<StageFact> details = new ArrayList<>();
        configured.forEach(a -> details.add(new StageFact("configured audience", TextDifference.show(a))));
        if (restrictions.isEmpty()) {
            return refusal.detailContains("AudienceRestriction") ? Optional.of(Finding.cause("SAML audience",
                    "The assertion has no AudienceRestriction: it does not say whom it is for", details))
                    : Optional.empty();
        }
        for (Element restriction : restrictions) {
            List<String> audiences = Dom.descendants(restriction, ns, "Audience").stream()
                    .map(e -> e.getTextContent()).toList();
            audiences.forEach(a -> details.add(new StageFact("Audience in the assertion", TextDifference.show(a))));
            if (audiences.stream().noneMatch(configured::contains)) {
                String near = audiences.stream().flatMap(a -> configured.stream()
                        .flatMap(c -> TextDifference.lookAlike(a, c).map(d -> "; " + TextDifference.show(a)
                                + " looks like the configured " + TextDifference.show(c) + " but " + d).stream()))
                        .findFirst().orElse("");
                return Optional.of(Finding.cause("SAML audience", "An AudienceRestriction names "
                        + audiences.stream().map(TextDifference::show).toList() + ", none of saml.audiences" + near,
                        details));
            }
        }
        return Optional.empty();
    }

    private static Optional<Finding> recipient(Element assertion, String ns, Refusal refusal) {
        for (Element data : Dom.descendants(assertion, ns, "SubjectConfirmationData")) {
            String recipient = data.getAttribute("Recipient");
            if (recipient.isEmpty() || !refusal.detailContains("Recipient")) {
                continue;
            }
            List<String> expected = refusal.policy().saml().recipients().isEmpty()
                    ? refusal.delivery().endpointUrl().map(List::of).orElse(List.of())
                    : refusal.policy().saml().recipients();
            List<StageFact> details = new ArrayList<>(List.of(new StageFact("Recipient in the assertion",
                    TextDifference.show(recipient))));
            expected.forEach(e -> details.add(new StageFact(refusal.policy().saml().recipients().isEmpty()
                    ? "the endpoint the request was sent to" : "configured recipient", TextDifference.show(e))));
            if (expected.isEmpty()) {
                return Optional.of(Finding.cause("SAML recipient", "The assertion is bound to Recipient "
                        + TextDifference.show(recipient) + ", and the endpoint URL is unknown here (give the URL "
                        + "the request was sent to, or configure saml.recipients)", details));
            }
            String near = expected.stream().flatMap(e -> TextDifference.lookAlike(recipient, e).stream())
                    .findFirst().map(d -> "; it " + d).orElse("");
            return Optional.of(Finding.cause("SAML recipient", "The assertion is bound to Recipient "
                    + TextDifference.show(recipient) + ", not to " + expected.stream().map(TextDifference::show)
                    .toList() + near, details));
        }
        return Optional.empty();
    }
}
