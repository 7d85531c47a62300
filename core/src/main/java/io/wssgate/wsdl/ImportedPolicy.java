package io.wssgate.wsdl;

import io.wssgate.wsdl.PolicyAlternative.Binding;
import io.wssgate.wsdl.PolicyAlternative.Token;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.xml.namespace.QName;

/**
 * What one operation's request policy means for WSS Gate: the alternative chosen (the first one
 * WSS Gate can honour), the tokens of every honourable alternative, and the warnings and errors
 * the import reports for it.
 */
record ImportedPolicy(Optional<PolicyAlternative> chosen, Set<Token> tokens, Set<String> confirmations,
                      List<String> warnings, List<String> errors) {

    static ImportedPolicy of(String where, List<PolicyAlternative> alternatives) {
        List<String> warnings = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        Set<Token> tokens = new LinkedHashSet<>();
        Set<String> confirmations = new LinkedHashSet<>();
        Optional<PolicyAlternative> chosen = alternatives.stream().filter(PolicyAlternative::supported).findFirst();
        if (alternatives.isEmpty()) {
            return new ImportedPolicy(Optional.empty(), tokens, confirmations, warnings, errors);
        }
        if (chosen.isEmpty()) {
            PolicyAlternative first = alternatives.get(0);
            first.unsupported().forEach(u -> errors.add(where + ": " + u));
            return new ImportedPolicy(Optional.empty(), tokens, confirmations, warnings, errors);
        }
        for (PolicyAlternative a : alternatives) {
            if (!a.supported()) {
                a.unsupported().forEach(u -> warnings.add(where + ": an alternative WSS Gate cannot honour is left out: " + u));
                continue;
            }
            a.initiator().filter(t -> a.binding() == Binding.ASYMMETRIC).ifPresent(t -> {
                if (t.saml()) {
                    tokens.add(t);
                    confirmations.add("holder-of-key");
                } else if (t == Token.X509) {
                    tokens.add(Token.X509);
                }
            });
            for (PolicyAlternative.Supporting s : a.supporting()) {
                if (s.token().saml()) {
                    tokens.add(s.token());
                    confirmations.add(s.endorsing() ? "holder-of-key" : "sender-vouches");
                } else {
                    tokens.add(s.token());
                }
            }
            a.ignored().forEach(i -> warnings.add(where + ": not a security assertion, not looked at: " + i));
        }
        PolicyAlternative c = chosen.get();
        if (c.algorithmSuite().filter(s -> !s.contains("Sha256")).isPresent()) {
            warnings.add(where + ": AlgorithmSuite " + c.algorithmSuite().get() + " digests with SHA-1, which WSS Gate "
                    + "refuses (signature.algorithms.digest): agree on a Sha256 suite with the partner");
        }
        if (c.algorithmSuite().filter(s -> s.endsWith("Rsa15")).isPresent()) {
            warnings.add(where + ": AlgorithmSuite " + c.algorithmSuite().get() + " transports keys with RSA 1.5, which "
                    + "WSS Gate refuses: agree on RSA-OAEP");
        }
        if (c.binding() == Binding.ASYMMETRIC) {
            warnings.add(where + ": every WS-SecurityPolicy suite names RSA-SHA1 for signatures, which WSS Gate refuses: "
                    + "the partner must sign with RSA-SHA256 (docs/ws-securitypolicy.md)");
        }
        if (c.initiator().filter(t -> t == Token.HTTPS).isPresent()) {
            warnings.add(where + ": TransportBinding: TLS (and any client certificate) is the container's to configure");
        }
        return new ImportedPolicy(chosen, tokens, confirmations, warnings, errors);
    }

    /** Whether requests are signed at the message layer. */
    boolean signed() {
        return chosen.filter(a -> a.binding() == Binding.ASYMMETRIC).isPresent();
    }

    /** The message parts of the signature, in WSS Gate's notation. */
    List<String> signedParts() {
        List<String> parts = new ArrayList<>();
        PolicyAlternative a = chosen.orElseThrow();
        if (a.signBody()) {
            parts.add("Body");
        }
        if (a.includeTimestamp()) {
            parts.add("Timestamp");
        }
        List<QName> headers = new ArrayList<>(a.signedHeaders());
        if (a.addressing()) {
            for (String h : List.of("To", "Action", "MessageID")) {
                headers.remove(new QName("http://www.w3.org/2005/08/addressing", h));
            }
        }
        headers.forEach(h -> parts.add(h.toString()));
        return parts;
    }

    /** What must arrive encrypted at the message layer (under a TransportBinding, TLS protects the parts). */
    List<String> encryptedParts() {
        List<String> parts = new ArrayList<>();
        PolicyAlternative a = chosen.orElseThrow();
        if (a.binding() == Binding.TRANSPORT) {
            return parts;
        }
        if (a.encryptBody()) {
            parts.add("Body");
        }
        a.encryptedHeaders().forEach(h -> parts.add(h.toString()));
        return parts;
    }

    /** The data encryption algorithm the alternative's suite names (WS-SecurityPolicy has only CBC suites). */
    String dataAlgorithm() {
        String suite = chosen.flatMap(PolicyAlternative::algorithmSuite).orElse("Basic256Sha256").toLowerCase(Locale.ROOT);
        if (suite.startsWith("basic128")) {
            return "http://www.w3.org/2001/04/xmlenc#aes128-cbc";
        }
        if (suite.startsWith("basic192")) {
            return "http://www.w3.org/2001/04/xmlenc#aes192-cbc";
        }
        return "http://www.w3.org/2001/04/xmlenc#aes256-cbc";
    }

    /** The configuration's layout value for the alternative's sp:Layout. */
    Optional<String> layout() {
        return chosen.flatMap(PolicyAlternative::layout).map(l -> switch (l) {
            case "Strict" -> "strict";
            case "LaxTsFirst" -> "lax-timestamp-first";
            case "LaxTsLast" -> "lax-timestamp-last";
            default -> "lax";
        });
    }

    /** Same requests: the same tokens and parts (so one policy serves both operations). */
    boolean sameRequirements(ImportedPolicy other) {
        return tokens.equals(other.tokens) && confirmations.equals(other.confirmations)
                && chosen.map(a -> List.of(a.signBody(), a.signedHeaders(), a.encryptBody(), a.encryptedHeaders(),
                        a.includeTimestamp(), a.binding())).equals(other.chosen.map(a -> List.of(a.signBody(),
                        a.signedHeaders(), a.encryptBody(), a.encryptedHeaders(), a.includeTimestamp(), a.binding())));
    }
}
