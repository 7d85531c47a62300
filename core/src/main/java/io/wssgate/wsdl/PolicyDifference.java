package io.wssgate.wsdl;

/**
 * One way the configured policy differs from the WS-SecurityPolicy in the endpoint's WSDL.
 *
 * @param keyPath the configuration key that decides it, e.g. {@code policies.orders.signature.parts}
 * @param kind    which way it differs
 * @param text    what differs, for the operation named in it
 */
public record PolicyDifference(String keyPath, Kind kind, String text) {
    public enum Kind {
        /** The gate accepts requests the WSDL's policy would not (less than the contract asks). */
        WEAKER,
        /** The gate refuses requests that follow the WSDL's policy (more than the contract asks). */
        STRONGER,
        /** Neither: the two cannot be met by the same request. */
        INCOMPATIBLE
    }

    /** "weaker than the WSDL", "stronger than the WSDL" or "incompatible with the WSDL". */
    public String relation() {
        return kind == Kind.INCOMPATIBLE ? "incompatible with the WSDL" : kind.name().toLowerCase(java.util.Locale.ROOT)
                + " than the WSDL";
    }

    @Override
    public String toString() {
        return keyPath + ": " + relation() + ": " + text;
    }
}
