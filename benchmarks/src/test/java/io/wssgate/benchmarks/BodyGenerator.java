package io.wssgate.benchmarks;

/**
 * The one source of Body content for every system and size: a purchase-order batch with
 * repeated, attribute-carrying elements and mixed text, as real SOAP payloads look (a Body of
 * one huge text node would flatter every parser and canonicalizer alike). Deterministic, so
 * all systems see the same bytes.
 */
public final class BodyGenerator {
    static final String NS = "urn:wssgate:bench:orders";
    private static final String OPEN = "<ord:orders xmlns:ord=\"" + NS + "\">";
    private static final String CLOSE = "</ord:orders>";

    private BodyGenerator() {
    }

    /** Body content of {@code targetBytes} UTF-8 bytes, give or take one order (under 400 bytes). */
    public static String ofSize(int targetBytes) {
        StringBuilder xml = new StringBuilder(targetBytes + 512).append(OPEN);
        int budget = targetBytes - CLOSE.length();
        for (int n = 1; xml.length() < budget; n++) {
            xml.append(order(n));
        }
        return xml.append(CLOSE).toString();
    }

    private static String order(int n) {
        int quantity = 1 + n % 9;
        return "<ord:order id=\"" + n + "\" placed=\"2025-03-" + (10 + n % 18) + "T09:" + (10 + n % 50) + ":00Z\">"
                + "<ord:customer ref=\"C-" + (100_000 + n % 7919) + "\">Customer " + n % 7919 + "</ord:customer>"
                + "<ord:line sku=\"SKU-" + (n * 37 % 100_000) + "\" quantity=\"" + quantity + "\" price=\""
                + (n % 500) + "." + (n % 100) + "\">Widget, blue, size " + "SMLX".charAt(n % 4) + "</ord:line>"
                + "<ord:note>Deliver to dock " + n % 12 + " before noon; call ahead.</ord:note>"
                + "</ord:order>";
    }
}
