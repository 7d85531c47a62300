package io.wssgate.diagnostics;

import io.wssgate.diagnostics.Explanation.Finding;
import io.wssgate.fault.FaultCode;
import io.wssgate.diagnostics.trace.StageFact;
import io.wssgate.soap.Namespaces;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * For a UsernameToken that did not authenticate: whether the policy knows the user at all, and
 * which password type was sent. Never shows a password, a digest or the configured password.
 */
final class UsernameTokenEvidence {
    private static final String DIGEST = "#PasswordDigest";

    private UsernameTokenEvidence() {
    }

    static List<Finding> findings(Refusal refusal) {
        if (refusal.received().isEmpty() || refusal.code() != FaultCode.FAILED_AUTHENTICATION
                || !refusal.policy().usernameToken().enabled()) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        for (Element token : Dom.descendants(refusal.received().get().getDocumentElement(), Namespaces.WSSE,
                "UsernameToken")) {
            String user = Dom.childText(token, Namespaces.WSSE, "Username").orElse("");
            Optional<Element> password = Dom.child(token, Namespaces.WSSE, "Password");
            String type = password.map(p -> p.getAttribute("Type")).orElse("");
            List<StageFact> details = List.of(new StageFact("Username", TextDifference.show(user)),
                    new StageFact("password type", password.isEmpty() ? "no password" : type.endsWith(DIGEST)
                            ? "PasswordDigest" : "PasswordText"));
            Optional<char[]> known = refusal.policy().usernameToken().passwordSource()
                    .flatMap(source -> source.passwordOf(user));
            known.ifPresent(p -> java.util.Arrays.fill(p, '\0'));
            if (password.isPresent() && !type.endsWith(DIGEST) && !refusal.policy().usernameToken().allowPasswordText()) {
                out.add(Finding.cause("UsernameToken", "The UsernameToken of " + TextDifference.show(user) + " sends "
                        + "its password as PasswordText; the policy accepts PasswordDigest only "
                        + "(username-token.allow-password-text: false)", details));
            } else if (password.isEmpty()) {
                out.add(Finding.cause("UsernameToken", "The UsernameToken of " + TextDifference.show(user)
                        + " carries no password", details));
            } else if (known.isEmpty()) {
                out.add(Finding.cause("UsernameToken", "The user " + TextDifference.show(user) + " has no password "
                        + "in the policy's password source (username-token.passwords or password-source)", details));
            } else {
                out.add(Finding.cause("UsernameToken", "The user " + TextDifference.show(user) + " is known, but the "
                        + (type.endsWith(DIGEST) ? "PasswordDigest does not match the configured password (the client "
                        + "uses another password, or builds the digest otherwise than Base64(SHA-1(nonce + created + "
                        + "password)))" : "password sent is not the configured one"), details));
            }
        }
        return out;
    }
}
