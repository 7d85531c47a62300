package io.wssgate.wsdl;

import io.wssgate.config.AlgorithmPolicy;
import io.wssgate.config.DecryptionPolicy;
import io.wssgate.config.OperationConfig;
import io.wssgate.config.PolicyConfig;
import io.wssgate.soap.Documents;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Attaches to a WSDL 1.1 document the WS-SecurityPolicy that a WSS Gate policy enforces
 * ({@code wsdl.publish-policy}): one wsp:Policy per distinct set of request requirements, placed
 * at the top of wsdl:definitions, and a wsp:PolicyReference in the wsdl:input of every SOAP
 * binding operation (the request's message policy subject). Responses get none: what a client
 * must accept back is the client's own configuration, and a response policy would make CXF and
 * Metro demand a secured response from a policy that sends none.
 *
 * <p>Immutable and thread-safe; the WSDL comes from this process's own application.
 */
public final class WsdlPolicyPublisher {
    private final PolicyConfig policy;

    public WsdlPolicyPublisher(PolicyConfig policy) {
        this.policy = policy;
    }

    /**
     * The WSDL with the policies attached. A document that is not WSDL 1.1 definitions, or has no
     * SOAP binding, comes back unchanged.
     */
    public byte[] publish(byte[] wsdl) throws IOException {
        Document doc = Documents.parse(wsdl);
        Element definitions = doc.getDocumentElement();
        if (!WsNames.WSDL.equals(definitions.getNamespaceURI()) || !"definitions".equals(definitions.getLocalName())) {
            return wsdl;
        }
        List<WsdlOperations.BindingOperation> operations = WsdlOperations.of(doc);
        if (operations.isEmpty()) {
            return wsdl;
        }
        Map<RequestRequirements, String> ids = new LinkedHashMap<>();
        for (WsdlOperations.BindingOperation operation : operations) {
            OperationConfig configured = operation.match(policy.operations()).orElse(null);
            RequestRequirements req = RequestRequirements.of(policy, configured);
            if (req.alternatives().isEmpty()) {
                continue;
            }
            // operation names are unique, and every unmatched operation has the policy's own requirements
            String id = ids.computeIfAbsent(req, r -> "wssgate-" + ncName(policy.name()) + "-"
                    + (configured == null ? "policy" : ncName(configured.name())) + "-input");
            Element input = operation.input().orElse(null);
            if (input != null) {
                Element reference = doc.createElementNS(WsNames.WSP15, "wsp:PolicyReference");
                reference.setAttribute("URI", "#" + id);
                input.insertBefore(reference, input.getFirstChild());
            }
        }
        Node anchor = firstChildAfterDocumentation(definitions);
        ids.forEach((req, id) -> definitions.insertBefore(SecurityPolicyWriter.write(doc, id, req), anchor));
        return Documents.serialize(doc);
    }

    /**
     * What a client stack cannot learn from the published policy alone and must be told (logged
     * once at start-up): WS-SecurityPolicy cannot name RSA-SHA256 or AES-GCM.
     */
    public List<String> clientNotes() {
        Set<String> notes = new LinkedHashSet<>();
        List<RequestRequirements> all = new ArrayList<>();
        all.add(RequestRequirements.of(policy, null));
        policy.operations().entries().forEach(o -> all.add(RequestRequirements.of(policy, o)));
        for (RequestRequirements req : all) {
            if (req.signatureRequired() || !req.encrypted().isEmpty()) {
                AlgorithmPolicy a = req.algorithms();
                if (!a.signature().contains("http://www.w3.org/2000/09/xmldsig#rsa-sha1")) {
                    notes.add("the published AlgorithmSuite " + SecurityPolicyWriter.SUITE + " names RSA-SHA1 for "
                            + "signatures, which signature.algorithms.signature refuses: Metro reads the "
                            + "signatureAlgorithm=\"SHA256withRSA\" attribute, Apache CXF clients need "
                            + "ws-security.asymmetric.signature.algorithm=" + AlgorithmPolicy.RSA_SHA256);
                }
            }
            if (!req.encrypted().isEmpty() && !req.decryption().dataAlgorithms().contains(AES256_CBC)) {
                notes.add("the published AlgorithmSuite " + SecurityPolicyWriter.SUITE + " encrypts with AES-256-CBC, "
                        + "which decryption.data-algorithms refuses (no WS-SecurityPolicy suite names AES-GCM): "
                        + "clients that follow the policy alone will be refused unless they are configured for "
                        + "AES-GCM or the policy accepts " + AES256_CBC);
            }
            if (!req.encrypted().isEmpty()
                    && !req.decryption().keyTransportAlgorithms().contains(DecryptionPolicy.RSA_OAEP)) {
                notes.add("the published AlgorithmSuite " + SecurityPolicyWriter.SUITE + " transports keys with "
                        + DecryptionPolicy.RSA_OAEP + ", which decryption.key-transport-algorithms refuses");
            }
        }
        return List.copyOf(notes);
    }

    static final String AES256_CBC = "http://www.w3.org/2001/04/xmlenc#aes256-cbc";

    private static Node firstChildAfterDocumentation(Element definitions) {
        Node n = definitions.getFirstChild();
        while (n != null && !(n instanceof Element)) {
            n = n.getNextSibling();
        }
        if (n instanceof Element e && WsNames.WSDL.equals(e.getNamespaceURI()) && "documentation".equals(e.getLocalName())) {
            return e.getNextSibling();
        }
        return n;
    }

    private static String ncName(String name) {
        String cleaned = name.replaceAll("[^A-Za-z0-9._-]", "_");
        return cleaned.isEmpty() ? "_" : cleaned;
    }
}
