package io.wssgate.diagnostics;

import io.wssgate.diagnostics.Explanation.Finding;
import io.wssgate.diagnostics.trace.StageFact;
import io.wssgate.soap.HardenedParser;
import io.wssgate.soap.MalformedMessageException;
import io.wssgate.soap.Namespaces;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.xml.security.algorithms.JCEMapper;
import org.apache.xml.security.c14n.Canonicalizer;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.Text;

/**
 * For a signature that did not verify: recomputes the digest of every same-document reference of
 * every ds:Signature in the message, names the references whose digest no longer matches and what
 * they point at, and tries whether the digest matches again once whitespace is normalised (the
 * message was pretty-printed or re-indented after signing). References to anything outside the
 * message, and transforms other than canonicalization and enveloped-signature, are not evaluated.
 */
final class ReferenceEvidence {
    private static final int MAX_REFERENCES = 30;
    private static final String ENVELOPED = "http://www.w3.org/2000/09/xmldsig#enveloped-signature";
    private static final Set<String> C14N = Set.of(Canonicalizer.ALGO_ID_C14N_OMIT_COMMENTS,
            Canonicalizer.ALGO_ID_C14N_WITH_COMMENTS, Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS,
            Canonicalizer.ALGO_ID_C14N_EXCL_WITH_COMMENTS, Canonicalizer.ALGO_ID_C14N11_OMIT_COMMENTS,
            Canonicalizer.ALGO_ID_C14N11_WITH_COMMENTS);

    static {
        org.apache.xml.security.Init.init();
    }

    private ReferenceEvidence() {
    }

    /** One reference of one signature, and what became of its digest. */
    record Result(String signature, String uri, String target, Outcome outcome, String note) {
    }

    enum Outcome { MATCHES, DIFFERS, WHITESPACE_ONLY, NOT_EVALUATED, MISSING, AMBIGUOUS }

    static List<Finding> findings(Refusal refusal) {
        if (refusal.received().isEmpty()) {
            return List.of();
        }
        List<Result> results = evaluate(refusal);
        List<Finding> out = new ArrayList<>(foreignContent(refusal));
        for (Result r : results) {
            switch (r.outcome()) {
                case WHITESPACE_ONLY -> out.add(Finding.cause("signature reference",
                        "The message was reformatted after signing: the digest of " + r.target() + " (reference "
                                + r.uri() + ") matches only once whitespace is normalised; something between the "
                                + "signer and this server re-indented or pretty-printed it", details(r)));
                case DIFFERS -> out.add(Finding.cause("signature reference", "The content of " + r.target()
                        + " (reference " + r.uri() + ") changed after it was signed: its digest does not match, "
                        + "also with whitespace normalised", details(r)));
                case MISSING -> out.add(Finding.cause("signature reference", "Reference " + r.uri()
                        + " points at nothing in the message", details(r)));
                case AMBIGUOUS -> out.add(Finding.cause("signature reference", "Reference " + r.uri()
                        + " names an ID several elements carry (" + r.note() + "): the message was wrapped",
                        details(r)));
                default -> { }
            }
        }
        if (out.isEmpty() && !results.isEmpty()) {
            out.add(Finding.note("signature references", "Every reference this tool can evaluate matches its digest",
                    results.stream().map(r -> new StageFact(r.uri(), r.target() + ": " + describe(r))).toList()));
        }
        return out;
    }

    /** A ds:Signature holding something a signature never holds: a signed element moved into it. */
    private static List<Finding> foreignContent(Refusal refusal) {
        List<Finding> out = new ArrayList<>();
        Set<String> parts = Set.of("SignedInfo", "SignatureValue", "KeyInfo", "Object");
        for (Element signature : Dom.descendants(refusal.received().get().getDocumentElement(), Namespaces.DS,
                "Signature")) {
            for (Node child = signature.getFirstChild(); child != null; child = child.getNextSibling()) {
                if (child instanceof Element e && !(Namespaces.DS.equals(e.getNamespaceURI())
                        && parts.contains(e.getLocalName()))) {
                    out.add(Finding.cause("signature structure", "A " + Dom.name(e) + " stands inside "
                            + describeSignature(signature) + ", where a signature holds only SignedInfo, "
                            + "SignatureValue and KeyInfo: a signed element was moved (signature wrapping)",
                            List.of(new StageFact("found", Dom.path(e)))));
                }
            }
        }
        return out;
    }

    private static List<StageFact> details(Result r) {
        List<StageFact> out = new ArrayList<>(List.of(new StageFact("signature", r.signature()),
                new StageFact("reference", r.uri()), new StageFact("points at", r.target())));
        if (!r.note().isEmpty()) {
            out.add(new StageFact("digest", r.note()));
        }
        return out;
    }

    private static String describe(Result r) {
        return switch (r.outcome()) {
            case MATCHES -> "digest matches";
            case NOT_EVALUATED -> "not evaluated (" + r.note() + ")";
            default -> r.outcome().toString().toLowerCase(java.util.Locale.ROOT);
        };
    }

    static List<Result> evaluate(Refusal refusal) {
        Document document = refusal.received().get();
        List<Result> out = new ArrayList<>();
        int count = 0;
        for (Element signature : Dom.descendants(document.getDocumentElement(), Namespaces.DS, "Signature")) {
            Optional<Element> signedInfo = Dom.child(signature, Namespaces.DS, "SignedInfo");
            if (signedInfo.isEmpty()) {
                continue;
            }
            String which = describeSignature(signature);
            for (Element reference : Dom.descendants(signedInfo.get(), Namespaces.DS, "Reference")) {
                if (++count > MAX_REFERENCES) {
                    return out;
                }
                out.add(evaluate(refusal, signature, reference, which));
            }
        }
        return out;
    }

    private static String describeSignature(Element signature) {
        Element parent = (Element) signature.getParentNode();
        String owner = parent == null ? "" : " in " + Dom.name(parent);
        String id = signature.getAttribute("Id");
        return "ds:Signature" + (id.isEmpty() ? "" : " #" + id) + owner;
    }

    private static Result evaluate(Refusal refusal, Element signature, Element reference, String which) {
        String uri = reference.getAttribute("URI");
        if (!uri.startsWith("#") || uri.length() == 1) {
            return new Result(which, uri.isEmpty() ? "\"\"" : uri, "?", Outcome.NOT_EVALUATED,
                    "only references to an ID in the message are evaluated");
        }
        Element root = signature.getOwnerDocument().getDocumentElement();
        List<Element> targets = Dom.byId(root, uri.substring(1));
        if (targets.isEmpty()) {
            return new Result(which, uri, "nothing", Outcome.MISSING, "");
        }
        if (targets.size() > 1) {
            return new Result(which, uri, Dom.path(targets.get(0)), Outcome.AMBIGUOUS,
                    String.join("; ", targets.stream().map(Dom::path).toList()));
        }
        Element target = targets.get(0);
        String targetName = Dom.name(target);
        Optional<Plan> plan = Plan.of(reference);
        if (plan.isEmpty()) {
            return new Result(which, uri, targetName, Outcome.NOT_EVALUATED, "a transform other than canonicalization");
        }
        if (!Dom.descendants(target, Namespaces.XENC, "EncryptedData").isEmpty()
                || "EncryptedData".equals(target.getLocalName())) {
            return new Result(which, uri, targetName, Outcome.NOT_EVALUATED, "the part arrived encrypted");
        }
        byte[] expected;
        try {
            expected = Base64.getMimeDecoder().decode(Dom.childText(reference, Namespaces.DS, "DigestValue").orElse(""));
        } catch (IllegalArgumentException e) {
            return new Result(which, uri, targetName, Outcome.NOT_EVALUATED, "the DigestValue is not base64");
        }
        Optional<byte[]> actual = plan.get().digest(target, signature);
        if (actual.isEmpty()) {
            return new Result(which, uri, targetName, Outcome.NOT_EVALUATED, "the digest could not be computed");
        }
        if (MessageDigest.isEqual(expected, actual.get())) {
            return new Result(which, uri, targetName, Outcome.MATCHES, "");
        }
        String note = "stated " + Base64.getEncoder().encodeToString(expected) + ", computed "
                + Base64.getEncoder().encodeToString(actual.get());
        for (Consumer<Element> normalisation : List.<Consumer<Element>>of(ReferenceEvidence::dropBlankText,
                ReferenceEvidence::trimText)) {
            if (normalisedMatches(refusal, uri.substring(1), reference, plan.get(), normalisation, expected)) {
                return new Result(which, uri, targetName, Outcome.WHITESPACE_ONLY, note);
            }
        }
        return new Result(which, uri, targetName, Outcome.DIFFERS, note);
    }

    /** On a fresh copy of the message (the evidence's own DOM stays as received). */
    private static boolean normalisedMatches(Refusal refusal, String id, Element reference, Plan plan,
                                             Consumer<Element> normalisation, byte[] expected) {
        try {
            Document copy = new HardenedParser(refusal.policy().limits()).parseDocument(refusal.message());
            List<Element> targets = Dom.byId(copy.getDocumentElement(), id);
            if (targets.size() != 1) {
                return false;
            }
            Element signature = signatureOf(copy, reference);
            normalisation.accept(targets.get(0));
            return plan.digest(targets.get(0), signature).map(d -> MessageDigest.isEqual(d, expected)).orElse(false);
        } catch (MalformedMessageException e) {
            return false;
        }
    }

    /** The copy's ds:Signature at the same position as the original's (for an enveloped transform). */
    private static Element signatureOf(Document copy, Element reference) {
        Element signature = (Element) reference.getParentNode().getParentNode();
        List<Element> originals = Dom.descendants(signature.getOwnerDocument().getDocumentElement(), Namespaces.DS,
                "Signature");
        List<Element> copies = Dom.descendants(copy.getDocumentElement(), Namespaces.DS, "Signature");
        int index = originals.indexOf(signature);
        return index >= 0 && index < copies.size() ? copies.get(index) : null;
    }

    /** Removes text nodes holding only whitespace (indentation between elements). */
    private static void dropBlankText(Element element) {
        for (Node child = element.getFirstChild(); child != null; ) {
            Node next = child.getNextSibling();
            if (child instanceof Text text && text.getData().isBlank() && element.getChildNodes().getLength() > 1) {
                element.removeChild(child);
            } else if (child instanceof Element e) {
                dropBlankText(e);
            }
            child = next;
        }
    }

    /** Trims every text node and removes those left empty (a value re-wrapped onto its own line). */
    private static void trimText(Element element) {
        dropBlankText(element);
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Text text) {
                text.setData(text.getData().strip());
            } else if (child instanceof Element e) {
                trimText(e);
            }
        }
    }

    /** The transforms and digest of one reference, when this tool can evaluate them. */
    private record Plan(boolean enveloped, String c14n, String inclusivePrefixes, String digestAlgorithm) {
        static Optional<Plan> of(Element reference) {
            boolean enveloped = false;
            String c14n = Canonicalizer.ALGO_ID_C14N_OMIT_COMMENTS;
            String prefixes = null;
            Optional<Element> transforms = Dom.child(reference, Namespaces.DS, "Transforms");
            if (transforms.isPresent()) {
                List<Element> list = Dom.descendants(transforms.get(), Namespaces.DS, "Transform");
                if (list.size() > 5) {
                    return Optional.empty();
                }
                for (Element transform : list) {
                    String algorithm = transform.getAttribute("Algorithm");
                    if (ENVELOPED.equals(algorithm)) {
                        enveloped = true;
                    } else if (C14N.contains(algorithm)) {
                        c14n = algorithm;
                        prefixes = inclusiveNamespaces(transform);
                    } else {
                        return Optional.empty();
                    }
                }
            }
            String digest = Dom.child(reference, Namespaces.DS, "DigestMethod").map(e -> e.getAttribute("Algorithm"))
                    .orElse("");
            String jce = JCEMapper.translateURItoJCEID(digest);
            return jce == null ? Optional.empty() : Optional.of(new Plan(enveloped, c14n, prefixes, jce));
        }

        Optional<byte[]> digest(Element target, Element signature) {
            Node parent = null;
            Node next = null;
            boolean detach = enveloped && signature != null && isAncestor(target, signature);
            try {
                if (detach) {
                    parent = signature.getParentNode();
                    next = signature.getNextSibling();
                    parent.removeChild(signature);
                }
                ByteArrayOutputStream canonical = new ByteArrayOutputStream();
                Canonicalizer.getInstance(c14n).canonicalizeSubtree(target, inclusivePrefixes, canonical);
                return Optional.of(MessageDigest.getInstance(digestAlgorithm).digest(canonical.toByteArray()));
            } catch (Exception e) {
                return Optional.empty();
            } finally {
                if (detach) {
                    parent.insertBefore(signature, next);
                }
            }
        }

        private static boolean isAncestor(Element ancestor, Node node) {
            for (Node n = node.getParentNode(); n != null; n = n.getParentNode()) {
                if (n == ancestor) {
                    return true;
                }
            }
            return false;
        }

        private static String inclusiveNamespaces(Element transform) {
            for (Node child = transform.getFirstChild(); child != null; child = child.getNextSibling()) {
                if (child instanceof Element e && "InclusiveNamespaces".equals(e.getLocalName())) {
                    return e.getAttribute("PrefixList");
                }
            }
            return null;
        }
    }
}
