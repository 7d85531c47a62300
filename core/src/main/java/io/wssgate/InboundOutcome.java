package io.wssgate;

import io.wssgate.fault.FaultCode;
import io.wssgate.fault.SoapFaultWriter;
import io.wssgate.identity.AuthenticatedCaller;
import io.wssgate.identity.WssPrincipal;
import io.wssgate.addressing.OutgoingAddressing;
import io.wssgate.soap.SoapVersion;
import io.wssgate.mime.MimePackage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.Optional;
import org.w3c.dom.Document;

/** The result of validating one inbound message: accepted with its principal, or rejected with a fault. */
public sealed interface InboundOutcome {

    /**
     * The message is valid; {@code policy} is the name of the policy that validated it,
     * {@code document} the DOM that was verified and {@code body} the bytes the application
     * should read: the received bytes, or the decrypted message when parts were encrypted.
     * {@code correlationId} identified the message in the log while it was validated (the SLF4J
     * MDC key {@code wssgate.correlationId}); transports keep it there while the application runs.
     *
     * {@code operation} names the policy's operation the request was checked as (empty: the
     * policy's own rules); {@code replyAddressing} the WS-Addressing headers a secured reply
     * carries when the request used WS-Addressing (its RelatesTo and Action).
     * {@code mime} holds a request that arrived as a MIME package (SwA or MTOM), spooled until
     * {@link #release()}.
     * <p>A transport hands an accepted request to the application as this one typed object,
     * under the name {@link #KEY} (a request attribute, a MessageContext property).
     */
    record Accepted(String policy, AuthenticatedCaller caller, Document document, SoapVersion version, byte[] body,
                    Optional<String> operation, Optional<OutgoingAddressing> replyAddressing, String correlationId,
                    Optional<MimePackage> mime) implements InboundOutcome {
        /** The attribute / property name under which transports expose the accepted request. */
        public static final String KEY = "io.wssgate.accepted";

        public Accepted {
            Objects.requireNonNull(operation, "operation");
            Objects.requireNonNull(replyAddressing, "replyAddressing");
            Objects.requireNonNull(mime, "mime");
        }

        /** A request that was one SOAP envelope (no MIME package). */
        public Accepted(String policy, AuthenticatedCaller caller, Document document, SoapVersion version, byte[] body,
                        Optional<String> operation, Optional<OutgoingAddressing> replyAddressing,
                        String correlationId) {
            this(policy, caller, document, version, body, operation, replyAddressing, correlationId, Optional.empty());
        }

        /** Checked under the policy's own rules, without WS-Addressing, one SOAP envelope. */
        public Accepted(String policy, AuthenticatedCaller caller, Document document, SoapVersion version,
                        byte[] body, String correlationId) {
            this(policy, caller, document, version, body, Optional.empty(), Optional.empty(), correlationId);
        }

        /**
         * The request body the application reads: {@link #body()} for a plain message; for a MIME
         * package the whole package as it arrived (its root part replaced by the decrypted envelope
         * when something was decrypted). A transport calls this once and closes the stream (and
         * {@link #release()}) when the application is done.
         */
        public InputStream openApplicationBody() throws IOException {
            return mime.isEmpty() ? new ByteArrayInputStream(body) : mime.get().handOver(replacedRoot());
        }

        /** The length of {@link #openApplicationBody()}. */
        public long applicationBodyLength() {
            return mime.isEmpty() ? body.length : mime.get().handOverLength(replacedRoot());
        }

        /** Frees what the request holds beyond memory (a spooled MIME package); harmless when nothing is held. */
        public void release() {
            mime.ifPresent(MimePackage::close);
        }

        private Optional<byte[]> replacedRoot() {
            // the core hands back the very array it read unless decryption changed the envelope
            return body == mime.get().rootBytes() ? Optional.empty() : Optional.of(body);
        }

        public WssPrincipal principal() {
            return caller.principal();
        }
    }

    /** The message was refused; the detail is in the server log under {@code correlationId}. */
    record Rejected(FaultCode code, String correlationId, SoapVersion version) implements InboundOutcome {
        /** The SOAP fault to send back, in the request's SOAP version. */
        public byte[] faultMessage() {
            return version == SoapVersion.SOAP_12 ? SoapFaultWriter.soap12(code, correlationId)
                    : SoapFaultWriter.soap11(code, correlationId);
        }

        public String contentType() {
            return version.contentType();
        }
    }
}
