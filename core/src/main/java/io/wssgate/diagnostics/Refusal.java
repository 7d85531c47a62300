package io.wssgate.diagnostics;

import io.wssgate.config.PolicyConfig;
import io.wssgate.fault.FaultCode;
import io.wssgate.diagnostics.trace.Stage;
import io.wssgate.keys.InboundKeys;
import io.wssgate.soap.Delivery;
import io.wssgate.soap.SoapEnvelope;
import java.time.Instant;
import java.util.Optional;
import org.w3c.dom.Document;

/**
 * What the evidence analyses look at for one refused message: the bytes and a fresh parse of
 * them as they arrived ({@code received}, empty when they do not parse), the envelope as the
 * pipeline left it ({@code processed}: decrypted parts in place), the policy with its key
 * material, the instant of judgement, and where and how the pipeline refused it.
 */
record Refusal(byte[] message, Optional<Document> received, Optional<SoapEnvelope> processed, PolicyConfig policy,
               InboundKeys keys, Instant at, Stage stage, FaultCode code, String detail, Delivery delivery) {

    boolean detailContains(String text) {
        return detail.toLowerCase(java.util.Locale.ROOT).contains(text.toLowerCase(java.util.Locale.ROOT));
    }
}
