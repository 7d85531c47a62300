package io.wssgate.benchmarks.e2e;

/**
 * The five servers of the end-to-end benchmark, each run in a JVM of its own on Jetty 12. All
 * answer the same acknowledgement ({@code Replies.ack}) naming the caller; the unsecured ones
 * name no caller.
 */
public enum Variant {
    /** A servlet that reads the request and answers: the HTTP floor. */
    SERVLET("servlet", "plain servlet", false),
    /** WSS Gate's filter (web.xml, config-file) in front of that servlet. */
    FILTER("filter", "WSS Gate filter + servlet", true),
    /** A Metro JAX-WS endpoint annotated with {@code @WssGateEndpoint}. */
    METRO_GATE("metro-wssgate", "Metro endpoint + WSS Gate handler", true),
    /** The same Metro endpoint without security. */
    METRO("metro", "Metro endpoint, no security", false),
    /** Apache CXF's JAX-WS endpoint with WSS4JInInterceptor, as CXF users secure it. */
    CXF("cxf-wss4j", "CXF 4 endpoint + WSS4JInInterceptor", true);

    private final String id;
    private final String label;
    private final boolean secured;

    Variant(String id, String label, boolean secured) {
        this.id = id;
        this.label = label;
        this.secured = secured;
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    /**
     * Secured servers validate every request and remember it (replay detection): they get
     * distinct signed messages per scenario; unsecured ones get one message of the size, repeated.
     */
    public boolean secured() {
        return secured;
    }

    public static Variant of(String id) {
        for (Variant v : values()) {
            if (v.id.equals(id)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown variant " + id);
    }
}
