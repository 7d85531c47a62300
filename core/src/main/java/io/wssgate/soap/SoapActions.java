package io.wssgate.soap;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The SOAPAction of an HTTP request, as a transport saw it: the SOAP 1.1 {@code SOAPAction}
 * header and the SOAP 1.2 {@code action} parameter of the Content-Type. Quotes are removed; an
 * empty value ({@code ""}) says nothing about the operation and is left out.
 */
public final class SoapActions {
    private SoapActions() {
    }

    /** Every action the request names (either may be null); normally one at most. */
    public static List<String> of(String soapActionHeader, String contentType) {
        List<String> out = new ArrayList<>();
        add(out, soapActionHeader);
        if (contentType != null) {
            add(out, actionParameter(contentType));
        }
        return List.copyOf(out);
    }

    private static void add(List<String> out, String raw) {
        if (raw == null) {
            return;
        }
        String value = unquoted(raw.trim());
        if (!value.isEmpty() && !out.contains(value)) {
            out.add(value);
        }
    }

    /** The value of the {@code action} parameter of a Content-Type, or null. */
    static String actionParameter(String contentType) {
        String[] parts = contentType.split(";");
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].trim();
            int equals = parameter.indexOf('=');
            if (equals > 0 && parameter.substring(0, equals).trim().toLowerCase(Locale.ROOT).equals("action")) {
                return parameter.substring(equals + 1).trim();
            }
        }
        return null;
    }

    private static String unquoted(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1).trim() : value;
    }
}
