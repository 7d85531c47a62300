package io.wssgate.diagnostics;

import io.wssgate.diagnostics.Explanation.Finding;
import io.wssgate.fault.FaultCode;
import io.wssgate.diagnostics.trace.StageFact;
import io.wssgate.soap.Namespaces;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * Times in the message against the instant of judgement and the policy's tolerances: the
 * Timestamp's Created and Expires, a UsernameToken's Created, an assertion's IssueInstant and
 * validity windows. Says by how much a time is off and, for a time in the future, that the
 * sender's clock is probably ahead (or this one behind).
 */
final class ClockEvidence {
    private ClockEvidence() {
    }

    static List<Finding> findings(Refusal refusal) {
        boolean timeFault = refusal.code() == FaultCode.MESSAGE_EXPIRED || refusal.detailContains("NotOnOrAfter")
                || refusal.detailContains("NotBefore") || refusal.detailContains("IssueInstant")
                || refusal.detailContains("expired");
        if (!timeFault || refusal.received().isEmpty()) {
            return List.of();
        }
        Element root = refusal.received().get().getDocumentElement();
        List<Finding> out = new ArrayList<>();
        for (Element ts : Dom.descendants(root, Namespaces.WSU, "Timestamp")) {
            timestamp(ts, refusal).ifPresent(out::add);
        }
        for (Element ut : Dom.descendants(root, Namespaces.WSSE, "UsernameToken")) {
            Dom.childText(ut, Namespaces.WSU, "Created").flatMap(ClockEvidence::instant).ifPresent(created ->
                    tooOldOrEarly("UsernameToken Created", created, refusal.at(),
                            refusal.policy().usernameToken().maxAge(), refusal.policy().usernameToken().futureSkew(),
                            "username-token").ifPresent(out::add));
        }
        Element assertionRoot = refusal.processed().map(e -> e.document().getDocumentElement()).orElse(root);
        for (String ns : List.of(Namespaces.SAML2, Namespaces.SAML1)) {
            for (Element assertion : Dom.descendants(assertionRoot, ns, "Assertion")) {
                out.addAll(assertionTimes(assertion, ns, refusal));
            }
        }
        return out;
    }

    private static Optional<Finding> timestamp(Element ts, Refusal refusal) {
        Optional<Instant> created = Dom.childText(ts, Namespaces.WSU, "Created").flatMap(ClockEvidence::instant);
        Optional<Instant> expires = Dom.childText(ts, Namespaces.WSU, "Expires").flatMap(ClockEvidence::instant);
        Instant at = refusal.at();
        List<StageFact> details = new ArrayList<>(List.of(new StageFact("time of judgement", at.toString())));
        created.ifPresent(c -> details.add(new StageFact("Created", c + " (" + relative(c, at) + ")")));
        expires.ifPresent(e -> details.add(new StageFact("Expires", e + " (" + relative(e, at) + ")")));
        created.flatMap(c -> expires.map(e -> Durations.human(Duration.between(c, e))))
                .ifPresent(ttl -> details.add(new StageFact("sender's time to live", ttl)));
        details.add(new StageFact("timestamp.max-age", Durations.human(refusal.policy().timestamp().maxAge())));
        details.add(new StageFact("timestamp.future-skew", Durations.human(refusal.policy().timestamp().futureSkew())));
        if (expires.isPresent() && expires.get().isBefore(at)) {
            return Optional.of(Finding.cause("clock", "The Timestamp expired " + Durations.human(
                    Duration.between(expires.get(), at)) + " before the time of judgement (Expires " + expires.get()
                    + ")" + (created.isPresent() && created.get().isAfter(at.minus(refusal.policy().timestamp().maxAge()))
                    ? "; the sender gives its messages only " + Durations.human(Duration.between(created.get(),
                    expires.get())) + " to live, a clock difference eats that up" : ""), details));
        }
        return created.flatMap(c -> tooOldOrEarly("Timestamp Created", c, at, refusal.policy().timestamp().maxAge(),
                refusal.policy().timestamp().futureSkew(), "timestamp")).map(f -> new Finding(f.topic(), f.summary(),
                true, details));
    }

    private static Optional<Finding> tooOldOrEarly(String what, Instant created, Instant at, Duration maxAge,
                                                   Duration futureSkew, String section) {
        if (created.isAfter(at.plus(futureSkew))) {
            Duration ahead = Duration.between(at, created);
            return Optional.of(Finding.cause("clock", what + " is " + Durations.human(ahead)
                    + " after the time of judgement, more than " + section + ".future-skew " + Durations.human(futureSkew)
                    + " allows: the sender's clock is about " + Durations.human(ahead)
                    + " ahead (or this server's behind)", List.of(new StageFact(what, created.toString()))));
        }
        if (created.isBefore(at.minus(maxAge))) {
            return Optional.of(Finding.cause("clock", what + " is " + Durations.human(Duration.between(created, at))
                    + " old, more than " + section + ".max-age " + Durations.human(maxAge)
                    + " allows (a message sent late, replayed, or a sender's clock behind)",
                    List.of(new StageFact(what, created.toString()))));
        }
        return Optional.empty();
    }

    private static List<Finding> assertionTimes(Element assertion, String ns, Refusal refusal) {
        Instant at = refusal.at();
        Duration skew = refusal.policy().saml().clockSkew();
        List<StageFact> details = new ArrayList<>(List.of(new StageFact("time of judgement", at.toString()),
                new StageFact("saml.clock-skew", Durations.human(skew)),
                new StageFact("saml.max-age", Durations.human(refusal.policy().saml().maxAge()))));
        List<String> problems = new ArrayList<>();
        instant(assertion.getAttribute("IssueInstant")).ifPresent(issued -> {
            details.add(new StageFact("IssueInstant", issued + " (" + relative(issued, at) + ")"));
            if (issued.isAfter(at.plus(skew))) {
                problems.add("IssueInstant is " + Durations.human(Duration.between(at, issued)) + " in the future: the "
                        + "issuer's clock is ahead (or this server's behind)");
            } else if (!at.isBefore(issued.plus(refusal.policy().saml().maxAge()).plus(skew))) {
                problems.add("IssueInstant is " + Durations.human(Duration.between(issued, at)) + " old, more than "
                        + "saml.max-age " + Durations.human(refusal.policy().saml().maxAge()) + " allows");
            }
        });
        for (Element conditions : Dom.descendants(assertion, ns, "Conditions")) {
            window("Conditions", conditions, at, skew, details, problems);
        }
        for (Element data : Dom.descendants(assertion, ns, "SubjectConfirmationData")) {
            window("SubjectConfirmationData", data, at, skew, details, problems);
        }
        if (problems.isEmpty()) {
            return List.of(Finding.note("assertion times", "The assertion's times are within their bounds", details));
        }
        return List.of(Finding.cause("clock", "The SAML assertion is not usable at the time of judgement: "
                + problems.get(0), details));
    }

    private static void window(String where, Element e, Instant at, Duration skew, List<StageFact> details,
                               List<String> problems) {
        instant(e.getAttribute("NotBefore")).ifPresent(nb -> {
            details.add(new StageFact(where + " NotBefore", nb + " (" + relative(nb, at) + ")"));
            if (nb.isAfter(at.plus(skew))) {
                problems.add(where + " NotBefore is " + Durations.human(Duration.between(at, nb))
                        + " after the time of judgement");
            }
        });
        instant(e.getAttribute("NotOnOrAfter")).ifPresent(noa -> {
            details.add(new StageFact(where + " NotOnOrAfter", noa + " (" + relative(noa, at) + ")"));
            if (!at.isBefore(noa.plus(skew))) {
                problems.add(where + " NotOnOrAfter passed " + Durations.human(Duration.between(noa, at))
                        + " before the time of judgement");
            }
        });
    }

    static String relative(Instant t, Instant at) {
        if (t.equals(at)) {
            return "the time of judgement";
        }
        return Durations.human(Duration.between(t, at)) + (t.isBefore(at) ? " before" : " after")
                + " the time of judgement";
    }

    static Optional<Instant> instant(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(java.time.OffsetDateTime.parse(text.strip()).toInstant());
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(Instant.parse(text.strip()));
            } catch (DateTimeParseException again) {
                return Optional.empty();
            }
        }
    }
}
