package io.wssgate.examples.demo;

import io.wssgate.PolicyRuntime;
import io.wssgate.InboundOutcome;
import io.wssgate.WssGate;
import io.wssgate.config.load.ConfigLoader;
import io.wssgate.config.load.VariableResolver;
import io.wssgate.spi.OutboundContext;
import io.wssgate.spi.OutboundSecurityException;
import io.wssgate.outbound.SecuredMessage;
import io.wssgate.soap.Documents;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * The valid requests, secured the way a real client of WSS Gate secures them: the outbound
 * API with the policies of {@code demo-client.yaml} (docs/outbound-and-sts.md).
 */
final class SecuredRequests {
    static final String WHOAMI = "<ex:whoami xmlns:ex=\"urn:wssgate:example\"/>";
    static final String WHOAMI_ENVELOPE = "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\">"
            + "<soap:Body>" + WHOAMI + "</soap:Body></soap:Envelope>";

    private final WssGate gate;

    private SecuredRequests(WssGate gate) {
        this.gate = gate;
    }

    /** The client policies, with relative key paths resolved in the generated keys directory. */
    static SecuredRequests load(Path keysDir) throws IOException {
        try (InputStream in = SecuredRequests.class.getResourceAsStream("/demo-client.yaml");
             Reader yaml = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return new SecuredRequests(WssGate.create(ConfigLoader.fromYaml(yaml, keysDir, VariableResolver.system())));
        }
    }

    /** whoami with a self-issued SAML 2.0 holder-of-key assertion for alice, signed with her key. */
    Request samlHolderOfKey() throws IOException, OutboundSecurityException {
        return secure("saml-holder-of-key");
    }

    /** whoami with a Timestamp and an X.509 signature by the example client certificate. */
    Request x509() throws IOException, OutboundSecurityException {
        return secure("x509");
    }

    private Request secure(String policyName) throws IOException, OutboundSecurityException {
        PolicyRuntime policy = gate.policy(policyName).orElseThrow();
        SecuredMessage secured = policy.secureOutbound(Documents.parse(WHOAMI_ENVELOPE.getBytes(StandardCharsets.UTF_8)),
                OutboundContext.forRequest());
        return new Request(policy, Documents.serialize(secured.document()), secured.signatureValues());
    }

    /** A secured request, and what the client needs to validate the server's answer to it. */
    record Request(PolicyRuntime policy, byte[] bytes, List<byte[]> signatureValues) {
        /** The server's signed response, checked with the client policy's inbound rules. */
        InboundOutcome validateResponse(Answer answer) {
            return policy.validateResponse(answer.body(), answer.contentType(), signatureValues);
        }
    }
}
