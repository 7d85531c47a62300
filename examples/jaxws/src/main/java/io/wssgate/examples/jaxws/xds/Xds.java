package io.wssgate.examples.jaxws.xds;

/** The namespaces of IHE XDS.b's Provide and Register Document Set-b (ITI-41) that the example uses. */
public final class Xds {
    /** {@code xdsb:}: the request and its documents. */
    public static final String XDSB = "urn:ihe:iti:xds-b:2007";
    /** {@code rs:}: ebRS 3.0, the registry response. */
    public static final String RS = "urn:oasis:names:tc:ebxml-regrep:xsd:rs:3.0";
    public static final String SUCCESS = "urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Success";
    public static final String ACTION = "urn:ihe:iti:2007:ProvideAndRegisterDocumentSet-b";

    private Xds() {
    }
}
