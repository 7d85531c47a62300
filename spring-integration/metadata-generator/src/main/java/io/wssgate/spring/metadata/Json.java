package io.wssgate.spring.metadata;

import java.util.List;
import java.util.Map;

/** Writes maps, lists, strings, numbers and booleans as indented JSON: all the metadata file needs. */
final class Json {
    private Json() {
    }

    static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, "", out);
        return out.append('\n').toString();
    }

    private static void write(Object value, String indent, StringBuilder out) {
        if (value instanceof Map<?, ?> map) {
            writeMap(map, indent, out);
        } else if (value instanceof List<?> list) {
            writeList(list, indent, out);
        } else if (value instanceof Boolean || value instanceof Number) {
            out.append(value);
        } else {
            string(String.valueOf(value), out);
        }
    }

    private static void writeMap(Map<?, ?> map, String indent, StringBuilder out) {
        if (map.isEmpty()) {
            out.append("{}");
            return;
        }
        out.append("{\n");
        String inner = indent + "  ";
        int i = 0;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            out.append(inner);
            string(String.valueOf(e.getKey()), out);
            out.append(": ");
            write(e.getValue(), inner, out);
            out.append(++i < map.size() ? ",\n" : "\n");
        }
        out.append(indent).append('}');
    }

    private static void writeList(List<?> list, String indent, StringBuilder out) {
        if (list.isEmpty()) {
            out.append("[]");
            return;
        }
        out.append("[\n");
        String inner = indent + "  ";
        for (int i = 0; i < list.size(); i++) {
            out.append(inner);
            write(list.get(i), inner, out);
            out.append(i + 1 < list.size() ? ",\n" : "\n");
        }
        out.append(indent).append(']');
    }

    static void string(String text, StringBuilder out) {
        out.append('"');
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
