package io.wssgate.filter;

import io.wssgate.fault.SoapFaultWriter;
import io.wssgate.soap.SoapVersion;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers, in place of the application, a message WSS Gate accepted but the application cannot
 * read because of its SOAP version, so the caller gets a SOAP fault instead of whatever the
 * framework does with it (Spring-WS fails inside its message factory, and Boot answers with an
 * unsigned JSON error page):
 * <ul>
 * <li>an envelope of a version the application does not speak: HTTP 500 with a SOAP 1.1
 * VersionMismatch fault and the Upgrade header listing what it speaks (SOAP 1.2 part 1, 5.4.7
 * and appendix A);</li>
 * <li>an envelope of a spoken version sent with another Content-Type than that version's
 * (text/xml for 1.1, application/soap+xml for 1.2): HTTP 415 with a Client/Sender fault in the
 * envelope's version.</li>
 * </ul>
 * It runs after validation, so every message gets WSS Gate's security decision first, exactly as
 * on every other integration; only a message that passed it is judged by its version here.
 */
final class SoapVersionGuard {
    private static final Logger LOG = LoggerFactory.getLogger(SoapVersionGuard.class);

    private SoapVersionGuard() {
    }

    /** Sends the refusal and returns true if the application cannot take this message; false: let it through. */
    static boolean refuse(Set<SoapVersion> spoken, SoapVersion envelope, String contentType, String policy,
                          HttpServletResponse response) throws IOException {
        if (spoken.isEmpty()) {
            return false;
        }
        String correlationId = UUID.randomUUID().toString();
        if (!spoken.contains(envelope)) {
            LOG.warn("SOAP version refused [{}] policy={}: a {} message, the application speaks {}", correlationId,
                    policy, envelope, spoken);
            FaultResponses.send(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, SoapVersion.SOAP_11.contentType(),
                    correlationId,
                    SoapFaultWriter.versionMismatch(spoken.stream().sorted().map(SoapVersion::envelopeNamespace).toList()));
            return true;
        }
        if (!mediaTypeOf(envelope).equals(mediaType(contentType))) {
            LOG.warn("SOAP version refused [{}] policy={}: a {} message sent as '{}'", correlationId, policy, envelope,
                    contentType);
            FaultResponses.send(response, HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, envelope.contentType(),
                    correlationId, SoapFaultWriter.unsupportedMediaType(envelope == SoapVersion.SOAP_12, correlationId));
            return true;
        }
        return false;
    }

    private static String mediaTypeOf(SoapVersion version) {
        return version == SoapVersion.SOAP_12 ? "application/soap+xml" : "text/xml";
    }

    private static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }
}
