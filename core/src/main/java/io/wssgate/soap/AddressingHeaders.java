package io.wssgate.soap;

import io.wssgate.addressing.AddressingVersion;
import io.wssgate.addressing.OutgoingAddressing;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * The WS-Addressing header blocks of a message that WSS Gate reads or writes: wsa:To,
 * wsa:Action, wsa:MessageID and wsa:RelatesTo, all in one version (W3C 1.0 or the 2004/08
 * submission). Read from the Envelope's own header blocks only; a message that carries one of
 * the single-valued headers twice, or mixes the two versions, is malformed: each reader would
 * be free to pick another one.
 */
public record AddressingHeaders(Optional<AddressingVersion> version, Optional<Element> to, Optional<Element> action,
                                Optional<Element> messageId, List<Element> relatesTo) {
    private static final AddressingHeaders NONE = new AddressingHeaders(Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), List.of());

    public AddressingHeaders {
        relatesTo = List.copyOf(relatesTo);
    }

    /** A message without WS-Addressing headers. */
    public static AddressingHeaders none() {
        return NONE;
    }

    /** The addressing headers among {@code headerBlocks} (the Header's child elements). */
    public static AddressingHeaders read(List<Element> headerBlocks) throws MalformedMessageException {
        AddressingVersion version = null;
        Element to = null;
        Element action = null;
        Element messageId = null;
        List<Element> relatesTo = new ArrayList<>();
        for (Element block : headerBlocks) {
            Optional<AddressingVersion> blockVersion = AddressingVersion.fromNamespace(block.getNamespaceURI());
            if (blockVersion.isEmpty()) {
                continue;
            }
            if (version != null && version != blockVersion.get()) {
                throw new MalformedMessageException("WS-Addressing headers of two versions ("
                        + version.namespace() + ", " + blockVersion.get().namespace() + ")");
            }
            version = blockVersion.get();
            switch (block.getLocalName()) {
                case "To" -> to = single(to, block);
                case "Action" -> action = single(action, block);
                case "MessageID" -> messageId = single(messageId, block);
                case "RelatesTo" -> relatesTo.add(requireText(block));
                default -> {
                    // ReplyTo, FaultTo, From and reference parameters: not WSS Gate's to judge
                }
            }
        }
        return new AddressingHeaders(Optional.ofNullable(version), Optional.ofNullable(to),
                Optional.ofNullable(action), Optional.ofNullable(messageId), relatesTo);
    }

    /** The addressing headers of {@code envelope}. */
    public static AddressingHeaders of(SoapEnvelope envelope) throws MalformedMessageException {
        return read(envelope.headerBlocks());
    }

    /**
     * The headers a reply to this request carries: its Action {@code responseAction}, else the
     * request's Action with {@code Response} for {@code Request}
     * ({@link OutgoingAddressing#responseOf}), the request's MessageID as RelatesTo. Empty when
     * the request did not use WS-Addressing.
     */
    public Optional<OutgoingAddressing> reply(Optional<String> responseAction) {
        if (version.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> action = responseAction.or(() -> actionValue().map(OutgoingAddressing::responseOf));
        return Optional.of(OutgoingAddressing.reply(version.get(), action, messageIdValue()));
    }

    /** Whether the message used WS-Addressing at all. */
    public boolean present() {
        return version.isPresent();
    }

    public Optional<String> toValue() {
        return to.map(AddressingHeaders::text);
    }

    public Optional<String> actionValue() {
        return action.map(AddressingHeaders::text);
    }

    public Optional<String> messageIdValue() {
        return messageId.map(AddressingHeaders::text);
    }

    /** The wsa:RelatesTo values (the MessageIDs this message answers). */
    public List<String> relatesToValues() {
        return relatesTo.stream().map(AddressingHeaders::text).toList();
    }

    /** The header elements read, for a check that they are signed. */
    public List<Element> elements() {
        List<Element> out = new ArrayList<>();
        to.ifPresent(out::add);
        action.ifPresent(out::add);
        messageId.ifPresent(out::add);
        out.addAll(relatesTo);
        return out;
    }

    private static Element single(Element seen, Element block) throws MalformedMessageException {
        if (seen != null) {
            throw new MalformedMessageException("more than one wsa:" + block.getLocalName() + " header");
        }
        return requireText(block);
    }

    /** These headers hold a URI as text; one holding elements is not one WSS Gate can read safely. */
    private static Element requireText(Element block) throws MalformedMessageException {
        if (!Documents.childElements(block).isEmpty()) {
            throw new MalformedMessageException("wsa:" + block.getLocalName() + " holds elements, not a URI");
        }
        return block;
    }

    private static String text(Element element) {
        return element.getTextContent().trim();
    }
}
