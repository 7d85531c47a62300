package io.wssgate.testing.layout;

import io.wssgate.testing.attacks.MessageDom;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Orders of a Security header's children, and messages re-laid-out in them. A message's
 * Security header is not signed as a whole and its children keep their parent, so a reordered
 * genuine message carries exactly the same signatures and digests as the original.
 */
public final class HeaderOrders {
    private HeaderOrders() {
    }

    /** The local names of the children of the message's (first) wsse:Security header, in order. */
    public static List<String> children(byte[] message) {
        return names(MessageDom.security(io.wssgate.testing.TestMessages.parse(message)));
    }

    /**
     * The message with its Security header's children in {@code order} (local names, each once;
     * the names of one header are unique in every profile).
     */
    public static byte[] reorder(byte[] message, List<String> order) {
        return MessageDom.edit(message, doc -> reorder(doc, order));
    }

    private static void reorder(Document doc, List<String> order) {
        Element security = MessageDom.security(doc);
        List<Element> children = childElements(security);
        if (children.size() != order.size() || !Set.copyOf(names(security)).equals(Set.copyOf(order))) {
            throw new IllegalArgumentException("order " + order + " does not name the header's children " + names(security));
        }
        for (String name : order) {
            Element child = children.stream().filter(c -> c.getLocalName().equals(name)).findFirst().orElseThrow();
            security.appendChild(child);
        }
    }

    /** Every permutation of {@code names}, the original order first. */
    public static List<List<String>> all(List<String> names) {
        List<List<String>> out = new ArrayList<>();
        permute(new ArrayList<>(names), 0, out);
        return out;
    }

    /**
     * A few orders that together move every child to both ends and reverse the whole: the
     * original, the reversal, and each child moved to the front and to the back. For n children
     * at most 2n + 2 orders, where all permutations are n!.
     */
    public static List<List<String>> representative(List<String> names) {
        Set<List<String>> out = new LinkedHashSet<>();
        out.add(List.copyOf(names));
        List<String> reversed = new ArrayList<>(names);
        java.util.Collections.reverse(reversed);
        out.add(List.copyOf(reversed));
        for (String name : names) {
            List<String> front = new ArrayList<>(names);
            front.remove(name);
            front.add(0, name);
            out.add(List.copyOf(front));
            List<String> back = new ArrayList<>(names);
            back.remove(name);
            back.add(name);
            out.add(List.copyOf(back));
        }
        return List.copyOf(out);
    }

    private static void permute(List<String> items, int k, List<List<String>> out) {
        if (k == items.size()) {
            out.add(List.copyOf(items));
            return;
        }
        for (int i = k; i < items.size(); i++) {
            java.util.Collections.swap(items, k, i);
            permute(items, k + 1, out);
            java.util.Collections.swap(items, k, i);
        }
    }

    private static List<String> names(Element security) {
        return childElements(security).stream().map(Element::getLocalName).toList();
    }

    private static List<Element> childElements(Element parent) {
        List<Element> out = new ArrayList<>();
        for (var n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }
}
