package io.wssgate.inbound;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.apache.wss4j.common.ext.WSSecurityException;
import org.apache.wss4j.common.ext.WSSecurityException.ErrorCode;
import org.apache.wss4j.dom.WSConstants;
import org.apache.wss4j.dom.engine.WSSecurityEngineResult;
import org.apache.wss4j.dom.handler.RequestData;
import org.apache.wss4j.dom.processor.Processor;
import org.apache.wss4j.dom.processor.UsernameTokenProcessor;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * WSS4J's UsernameToken processing, after the same Created check WSS4J makes (not in the future
 * beyond the future skew, not older than the maximum age, against the system clock) done here
 * first with the failing value in the reason: WSS4J's fails with "The message has expired" and
 * a WARN line of its own. A Created value WSS4J cannot parse is left to WSS4J to refuse.
 */
final class PreciseUsernameTokenProcessor implements Processor {

    @Override
    public List<WSSecurityEngineResult> handleToken(Element token, RequestData data) throws WSSecurityException {
        java.util.Optional<Instant> created = created(token);
        if (created.isPresent()) {
            check(created.get(), data);
        }
        // a fresh processor per token, as WSS4J itself does when it knows a processor by class
        return new UsernameTokenProcessor().handleToken(token, data);
    }

    private static void check(Instant created, RequestData data) throws WSSecurityException {
        Instant now = Instant.now();
        int future = data.getUtFutureTTL();
        if (created.isAfter(future > 0 ? now.plusSeconds(future) : now)) {
            throw new Wss4jReason(ErrorCode.MESSAGE_EXPIRED, "MESSAGE_EXPIRED", "UsernameToken Created "
                    + created + " is in the future (username-token.future-skew " + future + "s)");
        }
        if (created.isBefore(now.minusSeconds(data.getUtTTL()))) {
            throw new Wss4jReason(ErrorCode.MESSAGE_EXPIRED, "MESSAGE_EXPIRED", "UsernameToken Created "
                    + created + " is older than username-token.max-age " + data.getUtTTL() + "s");
        }
    }

    private static java.util.Optional<Instant> created(Element token) {
        for (Node child = token.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e && WSConstants.WSU_NS.equals(e.getNamespaceURI())
                    && WSConstants.CREATED_LN.equals(e.getLocalName())) {
                try {
                    return java.util.Optional.of(ZonedDateTime.parse(e.getTextContent().trim()).toInstant());
                } catch (DateTimeParseException ignored) {
                    return java.util.Optional.empty();
                }
            }
        }
        return java.util.Optional.empty();
    }
}
