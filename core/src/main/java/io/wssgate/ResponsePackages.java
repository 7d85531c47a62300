package io.wssgate;

import io.wssgate.addressing.OutgoingAddressing;
import io.wssgate.config.AttachmentPolicy;
import io.wssgate.config.PolicyConfig;
import io.wssgate.fault.SecurityFault;
import io.wssgate.identity.AuthenticatedCaller;
import io.wssgate.mime.MimePackage;
import io.wssgate.mime.MimeReader;
import io.wssgate.mime.SecuredPackage;
import io.wssgate.outbound.SecuredMessage;
import io.wssgate.soap.Documents;
import io.wssgate.soap.HardenedParser;
import io.wssgate.soap.MalformedMessageException;
import io.wssgate.spi.OutboundContext;
import io.wssgate.spi.OutboundSecurityException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.w3c.dom.Document;

/**
 * Secures a response an application wrote as a MIME package ({@code multipart/related}: SwA or
 * MTOM): spooled to disk within the policy's {@code attachments.*} (their defaults when the policy
 * accepts no attachments) and {@code limits.max-message-size} for the root, read as strictly as a
 * request; its envelope secured as a plain response is, the attachments handed to the securer as
 * a client's are (signed, and encrypted, per {@code outbound.*.parts}; MTOM parts through their
 * element). The package keeps its structure ({@link SecuredPackage}).
 */
final class ResponsePackages {
    private final PolicyRuntime policy;
    private final HardenedParser parser;

    ResponsePackages(PolicyRuntime policy, HardenedParser parser) {
        this.policy = policy;
        this.parser = parser;
    }

    SecuredPackage secure(InputStream body, long declaredLength, String contentType, AuthenticatedCaller caller,
                          Optional<OutgoingAddressing> replyAddressing) throws OutboundSecurityException, IOException {
        PolicyConfig config = policy.config();
        AttachmentPolicy limits = config.attachments().enabled() ? config.attachments() : AttachmentPolicy.allowed();
        MimePackage mime;
        try {
            mime = new MimeReader(limits, config.limits().maxMessageBytes()).read(body, declaredLength, contentType);
        } catch (SecurityFault fault) {
            throw new OutboundSecurityException("policy '" + config.name() + "': the response is not a MIME package "
                    + "WSS Gate can secure: " + fault.getMessage(), fault);
        }
        try {
            Document document = parser.parse(mime.rootBytes()).document();
            OutboundContext context = OutboundContext.forResponse(caller, replyAddressing)
                    .withAttachments(SecuredPackage.attachments(mime));
            SecuredMessage secured = policy.secureOutbound(document, context);
            return new SecuredPackage(mime, Documents.serialize(secured.document()), secured.attachments());
        } catch (MalformedMessageException e) {
            mime.close();
            throw new OutboundSecurityException("policy '" + config.name() + "': the response's root part is not a "
                    + "SOAP envelope: " + e.getMessage(), e);
        } catch (OutboundSecurityException | RuntimeException e) {
            mime.close();
            throw e;
        }
    }
}
