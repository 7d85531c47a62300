package io.wssgate.wsdl;

import java.util.List;
import java.util.Optional;
import javax.xml.namespace.QName;

/**
 * The WS-SecurityPolicy a WSDL attaches to the request of one operation of one SOAP binding
 * (binding, operation and input policy subjects merged), as alternatives; none: no security policy.
 * {@code responseAlternatives}: the same for its response (binding, operation and output).
 */
public record OperationPolicy(QName binding, String operation, Optional<String> soapAction,
                              Optional<QName> payloadRoot, Optional<String> inputAction,
                              List<PolicyAlternative> alternatives, List<PolicyAlternative> responseAlternatives) {
    public OperationPolicy {
        alternatives = List.copyOf(alternatives);
        responseAlternatives = List.copyOf(responseAlternatives);
    }
}
