package io.wssgate.filter.interop;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The WSS Gate configuration of the interoperability tests, one YAML file: a service policy per
 * kind of CXF caller (used by the filter for {@code /filter/<slug>/*} and by the Metro endpoints
 * by name), and a client policy per profile ({@code to-cxf-<slug>}) for calls to CXF services.
 */
final class GateConfig {
    private GateConfig() {
    }

    /** The service policy a CXF caller of {@code profile} is checked by. */
    static String servicePolicy(Profile profile) {
        if (profile.encryptsAssertion) {
            return "cxf-encrypted-saml";
        }
        if (profile.encryptsBody) {
            return "cxf-encrypted";
        }
        if (!profile.saml()) {
            return "cxf-x509";
        }
        return profile.signed() ? "cxf-saml" : "cxf-bearer";
    }

    /** A client policy encrypting its Body with xenc11 RSA-OAEP (SHA-256 digest and MGF1-SHA256) for CXF. */
    static final String RSA_OAEP_SHA256_TO_CXF = "to-cxf-rsa-oaep-sha256";

    static String clientPolicy(Profile profile) {
        return "to-cxf-" + profile.slug();
    }

    static String yaml(InteropKeys k) {
        String clientPolicies = Arrays.stream(Profile.values()).map(p -> clientPolicy(p, k))
                .collect(Collectors.joining()) + toGateEncryptedSaml(k) + addressed(k) + rsaOaepSha256ToCxf(k);
        return """
                policies:
                  cxf-x509:
                    paths: [%1$s]
                    trust: { certificates: [%2$s] }
                    roles: %3$s
                    wsdl: { publish-policy: true }
                  cxf-saml:
                    paths: [%4$s]
                    trust: { certificates: [%2$s] }
                    saml: %5$s
                      confirmation-methods: [holder-of-key, sender-vouches]
                    roles: { saml-attributes: [role] }
                  cxf-bearer:
                    paths: [%6$s]
                    signature: { required: false }
                    saml: %5$s
                      confirmation-methods: [bearer]
                    roles: { saml-attributes: [role] }
                  cxf-encrypted:
                    paths: [%7$s]
                    trust: { certificates: [%2$s] }
                    decryption:
                      key: { private-key: %8$s, certificate: %9$s }
                    roles: %3$s
                  cxf-encrypted-saml:
                    paths: [%11$s]
                    trust: { certificates: [%2$s] }
                    saml: %5$s
                      confirmation-methods: [holder-of-key]
                      encrypted-assertions: true
                    decryption:
                      key: { private-key: %8$s, certificate: %9$s }
                    roles: { saml-attributes: [role] }
                %10$s""".formatted(
                filterPaths(Profile.X509_TIMESTAMP_SIGNATURE), k.ca, certificateRoles(),
                filterPaths(Profile.SAML11_HOLDER_OF_KEY, Profile.SAML11_SENDER_VOUCHES,
                        Profile.SAML20_HOLDER_OF_KEY, Profile.SAML20_SENDER_VOUCHES),
                samlTrust(k), filterPaths(Profile.SAML11_BEARER, Profile.SAML20_BEARER),
                filterPaths(Profile.SIGNATURE_AND_AES256_GCM_BODY), k.serverKey, k.serverCert, clientPolicies,
                filterPaths(Profile.SAML20_HOLDER_OF_KEY_ENCRYPTED_ASSERTION));
    }

    /** The filter's path for a CXF client with WS-Addressing ({@link CxfAddressingToGateTest}). */
    static final String ADDRESSED_PATH = "/filter/wsa/service";
    /**
     * The wsa:Action values CXF derives for the interop service's operations: namespace, port
     * type and operation, joined by ":" as WS-Addressing Metadata does for a URN namespace.
     */
    static final String WHOAMI_ACTION = InteropService.NS + ":Interop:whoami";
    static final String ECHO_ACTION = InteropService.NS + ":Interop:echo";

    /**
     * A service whose requests must carry signed wsa:To, wsa:Action and wsa:MessageID: operation
     * {@code whoami} for the client certificate, the stricter {@code echo} only for role buyer,
     * which the client does not have.
     */
    private static String addressed(InteropKeys k) {
        return """
                  cxf-wsa:
                    paths: [/filter/wsa/*]
                    trust: { certificates: [%1$s] }
                    roles: %2$s
                    addressing: { required: true }
                    operations:
                      whoami:
                        payload-roots: ["{%3$s}whoami"]
                        addressing-actions: [%4$s]
                      echo:
                        payload-roots: ["{%3$s}echo"]
                        addressing-actions: [%5$s]
                        require: { roles: [buyer] }
                """.formatted(k.ca, certificateRoles(), InteropService.NS, WHOAMI_ACTION, ECHO_ACTION);
    }

    /** Our client sending an encrypted holder-of-key assertion to our own service (which answers unsigned). */
    static final String TO_GATE_ENCRYPTED_SAML = "to-gate-encrypted-saml";

    private static String toGateEncryptedSaml(InteropKeys k) {
        return """
                  %1$s:
                    paths: [/client/%1$s]
                    signature: { required: false }
                    timestamp: { required: false }
                    outbound:
                      timestamp: { ttl: 5m }
                      token:
                        source: self-issued
                        saml:
                          issuer: %2$s
                          issuer-key: { private-key: %3$s, certificate: %4$s }
                          confirmation-method: holder-of-key
                          subject: %5$s
                          attributes: { role: [admin, clerk] }
                          audiences: [%6$s]
                      signature: { key: { private-key: %7$s, certificate: %8$s } }
                      encryption: { recipient-certificate: %9$s, parts: [], assertion: true }
                """.formatted(TO_GATE_ENCRYPTED_SAML, InteropKeys.IDP, k.idpKey, k.idpCert, Profile.SAML_SUBJECT,
                InteropKeys.AUDIENCE, k.clientKey, k.clientCert, k.serverCert);
    }

    private static String filterPaths(Profile... profiles) {
        return Arrays.stream(profiles).map(p -> "/filter/" + p.slug() + "/*").collect(Collectors.joining(", "));
    }

    /** {@link Profile#SIGNATURE_AND_AES256_GCM_BODY}'s client policy with the XML Encryption 1.1 key transport. */
    private static String rsaOaepSha256ToCxf(InteropKeys k) {
        Profile p = Profile.SIGNATURE_AND_AES256_GCM_BODY;
        return clientPolicy(p, k).replace("  " + clientPolicy(p) + ":\n", "  " + RSA_OAEP_SHA256_TO_CXF + ":\n")
                .replace("/client/" + p.slug() + "]", "/client/" + RSA_OAEP_SHA256_TO_CXF + "]")
                + "        key-transport: http://www.w3.org/2009/xmlenc11#rsa-oaep\n";
    }

    private static String certificateRoles() {
        return "\n      certificate-subjects:\n        - subject: \"" + InteropKeys.CLIENT_DN
                + "\"\n          roles: [admin, user]";
    }

    private static String samlTrust(InteropKeys k) {
        return "\n      issuers:\n        - name: " + InteropKeys.IDP + "\n          certificates: [" + k.idpCert
                + "]\n      audiences: [" + InteropKeys.AUDIENCE + "]";
    }

    /**
     * What our client sends to CXF for {@code profile}, and how it checks CXF's answer: signed
     * by a certificate of the CA, confirming the request's signatures when it signed the request.
     */
    private static String clientPolicy(Profile p, InteropKeys k) {
        String signer = p.confirmation == Profile.Confirmation.SENDER_VOUCHES
                ? "{ private-key: " + k.senderKey + ", certificate: " + k.senderCert + " }"
                : "{ private-key: " + k.clientKey + ", certificate: " + k.clientCert + " }";
        StringBuilder out = new StringBuilder();
        out.append("  ").append(clientPolicy(p)).append(":\n")
                .append("    paths: [/client/").append(p.slug()).append("]\n")
                .append("    trust: { certificates: [").append(k.ca).append("] }\n")
                .append("    outbound:\n")
                .append("      timestamp: { ttl: 5m }\n");
        if (p.saml()) {
            out.append("""
                          token:
                            source: self-issued
                            saml:
                              version: "%s"
                              issuer: %s
                              issuer-key: { private-key: %s, certificate: %s }
                              confirmation-method: %s
                              subject: %s
                              attributes: { role: [admin, clerk] }
                              audiences: [%s]
                    """.formatted(p.samlVersion, InteropKeys.IDP, k.idpKey, k.idpCert, p.confirmation.key,
                    Profile.SAML_SUBJECT, InteropKeys.AUDIENCE));
        }
        if (p.signed()) {
            // the response must confirm our signature (CXF also confirms the assertion's, see SecuredMessage)
            out.append("      signature: { key: ").append(signer).append(" }\n")
                    .append("      signature-confirmation: true\n");
        }
        if (p.encryptsAssertion) {
            // only the assertion: the STS-issued token a service alone may read
            out.append("      encryption:\n")
                    .append("        recipient-certificate: ").append(k.serverCert).append('\n')
                    .append("        parts: []\n")
                    .append("        assertion: true\n");
        }
        if (p.encryptsBody) {
            out.append("      encryption:\n")
                    .append("        recipient-certificate: ").append(k.serverCert).append('\n')
                    .append("        data-algorithm: ").append(CxfSecurityProperties.AES256_GCM).append('\n');
        }
        return out.toString();
    }
}
