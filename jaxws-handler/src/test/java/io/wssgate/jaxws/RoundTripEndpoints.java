package io.wssgate.jaxws;

import jakarta.jws.WebService;
import jakarta.xml.ws.BindingType;
import jakarta.xml.ws.soap.SOAPBinding;

/** The endpoints of the outbound tests, one per server policy of {@link RoundTripApp}. */
public final class RoundTripEndpoints {
    private RoundTripEndpoints() {
    }

    /** Signs its responses and confirms the request's signatures. */
    @WebService(serviceName = "RoundTripService", portName = "RoundTripPort", targetNamespace = WhoAmI.NS,
            endpointInterface = "io.wssgate.jaxws.WhoAmI")
    @WssGateEndpoint(policy = "server")
    public static class Confirming extends ReportingEndpoint {
    }

    /** The same over SOAP 1.2. */
    @WebService(serviceName = "RoundTrip12Service", portName = "RoundTrip12Port", targetNamespace = WhoAmI.NS,
            endpointInterface = "io.wssgate.jaxws.WhoAmI")
    @BindingType(SOAPBinding.SOAP12HTTP_BINDING)
    @WssGateEndpoint(policy = "server")
    public static class Confirming12 extends ReportingEndpoint {
    }

    /** Must propagate the caller's assertion, which an X.509 caller does not have. */
    @WebService(serviceName = "UnsecurableService", portName = "UnsecurablePort", targetNamespace = WhoAmI.NS,
            endpointInterface = "io.wssgate.jaxws.WhoAmI")
    @WssGateEndpoint(policy = "propagating-server")
    public static class Unsecurable extends ReportingEndpoint {
    }

    /** Takes SAML 2.0 holder-of-key requests; signs and encrypts responses, confirming signatures. */
    @WebService(serviceName = "SamlService", portName = "SamlPort", targetNamespace = WhoAmI.NS,
            endpointInterface = "io.wssgate.jaxws.WhoAmI")
    @WssGateEndpoint(policy = "saml-server")
    public static class SamlEncrypting extends ReportingEndpoint {
    }

    /** Takes SAML 2.0 holder-of-key requests whose assertion is a saml2:EncryptedAssertion; signs responses. */
    @WebService(serviceName = "EncryptedSamlService", portName = "EncryptedSamlPort", targetNamespace = WhoAmI.NS,
            endpointInterface = "io.wssgate.jaxws.WhoAmI")
    @WssGateEndpoint(policy = "encrypted-saml-server")
    public static class EncryptedSaml extends ReportingEndpoint {
    }

    /** Validates requests but sends its responses unsecured (a policy without outbound). */
    @WebService(serviceName = "PlainService", portName = "PlainPort", targetNamespace = WhoAmI.NS,
            endpointInterface = "io.wssgate.jaxws.WhoAmI")
    @WssGateEndpoint(policy = "plain-server")
    public static class Plain extends ReportingEndpoint {
    }

    /** Requires signed WS-Addressing headers; signs its responses, which relate to the request. */
    @WebService(serviceName = "AddressedService", portName = "AddressedPort", targetNamespace = WhoAmI.NS,
            endpointInterface = "io.wssgate.jaxws.WhoAmI")
    @WssGateEndpoint(policy = "addressing-server")
    public static class Addressed extends ReportingEndpoint {
    }

    /**
     * The addressed endpoint with Metro's own WS-Addressing on: Metro writes the response's
     * addressing headers, after the handler chain, and WSS Gate must sign the response as it goes out.
     */
    @WebService(serviceName = "MetroAddressedService", portName = "MetroAddressedPort", targetNamespace = WhoAmI.NS,
            endpointInterface = "io.wssgate.jaxws.WhoAmI")
    @jakarta.xml.ws.soap.Addressing
    @WssGateEndpoint(policy = "metro-addressing-server")
    public static class MetroAddressed extends ReportingEndpoint {
    }
}
