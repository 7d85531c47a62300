package io.wssgate.inbound;

import io.wssgate.config.UsernameTokenPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.apache.wss4j.common.ext.WSSecurityException;
import org.apache.wss4j.common.ext.WSSecurityException.ErrorCode;
import org.apache.wss4j.dom.WSConstants;
import org.apache.wss4j.dom.engine.WSSecurityEngineResult;
import org.apache.wss4j.dom.handler.RequestData;
import org.apache.wss4j.dom.processor.Processor;
import org.apache.wss4j.dom.processor.UsernameTokenProcessor;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.Text;

/**
 * WSS4J's UsernameToken processing, after this project's own Created check: not in the future
 * beyond {@code username-token.future-skew}, not older than {@code username-token.max-age}, judged
 * by the pipeline's clock like every other time rule (so {@code wssgate explain --at} decides a
 * captured UsernameToken as the server did), with the failing value in the reason.
 *
 * <p>WSS4J checks Created once more, against the system clock and the TTLs in the RequestData.
 * {@link Wss4jSettings} hands it TTLs wide enough that it cannot refuse what was accepted here (a
 * Created more than 68 years away from the system clock aside). That is only safe when this check
 * has seen the very value WSS4J reads: the text of the first wsu:Created child, parsed the way
 * WSS4J parses it. A Created that WSS4J would read but this class cannot parse is refused here
 * (WSS4J refuses it as well, with the same code); an empty one is no Created, for both.
 */
final class PreciseUsernameTokenProcessor implements Processor {
    private final Clock clock;
    private final Duration maxAge;
    private final Duration futureSkew;

    PreciseUsernameTokenProcessor(UsernameTokenPolicy policy, Clock clock) {
        this.clock = clock;
        this.maxAge = policy.maxAge();
        this.futureSkew = policy.futureSkew();
    }

    @Override
    public List<WSSecurityEngineResult> handleToken(Element token, RequestData data) throws WSSecurityException {
        Optional<String> created = createdText(token);
        if (created.isPresent()) {
            check(parse(created.get()));
        }
        // a fresh processor per token, as WSS4J itself does when it knows a processor by class
        return new UsernameTokenProcessor().handleToken(token, data);
    }

    private void check(Instant created) throws WSSecurityException {
        Instant now = clock.instant();
        if (created.isAfter(now.plus(futureSkew))) {
            throw new Wss4jReason(ErrorCode.MESSAGE_EXPIRED, "MESSAGE_EXPIRED", "UsernameToken Created "
                    + created + " is " + Duration.between(now, created).toSeconds() + "s ahead of the time of judgement "
                    + now + " (username-token.future-skew " + futureSkew.toSeconds() + "s)");
        }
        if (created.isBefore(now.minus(maxAge))) {
            throw new Wss4jReason(ErrorCode.MESSAGE_EXPIRED, "MESSAGE_EXPIRED", "UsernameToken Created "
                    + created + " is " + Duration.between(created, now).toSeconds() + "s before the time of judgement "
                    + now + ", older than username-token.max-age " + maxAge.toSeconds() + "s");
        }
    }

    private static Instant parse(String created) throws WSSecurityException {
        try {
            return ZonedDateTime.parse(created).toInstant();
        } catch (DateTimeParseException e) {
            throw new Wss4jReason(ErrorCode.INVALID_SECURITY, "invalidData", "UsernameToken Created '"
                    + (created.length() > 64 ? created.substring(0, 64) + "..." : created) + "' is not a date-time");
        }
    }

    /** WSS4J's reading of Created: the first wsu:Created child, its text and CDATA children joined; empty is none. */
    private static Optional<String> createdText(Element token) {
        for (Node child = token.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e && WSConstants.WSU_NS.equals(e.getNamespaceURI())
                    && WSConstants.CREATED_LN.equals(e.getLocalName())) {
                StringBuilder text = new StringBuilder();
                for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
                    if (n instanceof Text t) {
                        text.append(t.getData());
                    }
                }
                return text.isEmpty() ? Optional.empty() : Optional.of(text.toString());
            }
        }
        return Optional.empty();
    }
}
