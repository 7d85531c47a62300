package io.wssgate.config.load;

import io.wssgate.config.Problems;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns dotted keys ({@code policies.p.saml.issuers[0].name=...}) into the nested tree the binder
 * reads, so flat sources (web.xml init-params, Spring properties) use exactly the YAML key names.
 * List indexes ({@code .0.} or {@code [0]}) become map keys "0", "1", ...; the binder reads such
 * maps as lists. Entries keep the iteration order of the given map, which is the policy match
 * order: pass an ordered map (LinkedHashMap, TreeMap) when that order matters.
 */
final class FlatKeys {
    private static final Pattern SEGMENT = Pattern.compile("([^\\[\\]]+)((?:\\[\\d+])*)");
    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");

    private FlatKeys() {
    }

    static Map<String, Object> toTree(Map<String, String> flat, Problems problems) {
        Map<String, Object> root = new LinkedHashMap<>();
        flat.forEach((key, value) -> {
            List<String> segments = segments(key.trim());
            if (segments == null) {
                problems.add(key, "invalid key (use dotted names, list indexes as .0 or [0])");
            } else if (value == null) {
                problems.add(key, "no value");
            } else {
                put(root, segments, value, key, problems);
            }
        });
        return root;
    }

    /** The key's parts with every [n] as its own part, or null when the key is malformed. */
    private static List<String> segments(String key) {
        List<String> out = new ArrayList<>();
        for (String part : key.split("\\.", -1)) {
            Matcher m = SEGMENT.matcher(part);
            if (!m.matches()) {
                return null;
            }
            out.add(m.group(1));
            Matcher index = INDEX.matcher(m.group(2));
            while (index.find()) {
                out.add(index.group(1));
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> root, List<String> segments, String value, String key,
                            Problems problems) {
        Map<String, Object> map = root;
        for (int i = 0; i < segments.size() - 1; i++) {
            Object child = map.computeIfAbsent(segments.get(i), k -> new LinkedHashMap<String, Object>());
            if (!(child instanceof Map<?, ?>)) {
                problems.add(key, "conflicts with the single value given for "
                        + String.join(".", segments.subList(0, i + 1)));
                return;
            }
            map = (Map<String, Object>) child;
        }
        String last = segments.get(segments.size() - 1);
        Object previous = map.putIfAbsent(last, value);
        if (previous instanceof Map<?, ?>) {
            problems.add(key, "a single value cannot be given where nested keys are also given");
        } else if (previous != null) {
            problems.add(key, "given more than once (e.g. as both .0 and [0])");
        }
    }
}
