package io.wssgate.inbound;

import io.wssgate.soap.Documents;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.xml.namespace.QName;
import org.w3c.dom.Element;

/**
 * Puts the children of our wsse:Security header into an order in which WSS4J meets every
 * token before anything that uses it, so any valid layout is processed like WSS4J's own.
 *
 * <p>Why reorder instead of leaving WSS4J to resolve forward references: WSS4J processes the
 * header strictly in document order, and a reference to a token it has not processed yet
 * works only for some reference kinds. A direct reference ({@code wsse:Reference URI="#id"}) or a
 * SAML key identifier makes it search the whole document and process the token on the spot
 * (after first asking the password callback for a secret key); but a SubjectKeyIdentifier or
 * thumbprint is matched only against BinarySecurityTokens already processed, so a signature
 * before its BinarySecurityToken fails, and an assertion met again after being processed on
 * the spot is reported twice. A peer's perfectly valid Lax layout would be refused for no reason
 * of its own. Processing tokens first makes every reference a backward one for every reference
 * kind, with the same code path WSS4J's own layout takes.
 *
 * <p>The order is stable and dependency-respecting: plain tokens (Timestamp, BinarySecurityToken,
 * UsernameToken, SignatureConfirmation, an EncryptedKey that decrypts nothing by itself), then SAML
 * assertions (whose subject key may refer to a BinarySecurityToken), then SecurityTokenReferences
 * standing in the header (a sender-vouches STR refers to an assertion), then everything else in
 * its original relative order: ds:Signature, an EncryptedKey with a ReferenceList, ReferenceList
 * and EncryptedData. Their relative order is the message's meaning (WSS 1.1 section 5: the header
 * records the signing and encryption steps in reverse; sign-then-encrypt and encrypt-then-sign
 * differ only in it), so it is never changed. A token holding EncryptedData needs a decryption
 * first and keeps its place among those.
 *
 * <p>Nothing is weakened by this: the header is not signed as a whole, the elements keep their
 * parent (so their canonical form and every digest stay the same), and which token a reference
 * may resolve to is decided before, by {@link TokenReferenceCheck}. The header is left in this
 * order; only a decrypted message is re-serialised for the application, and the order of the
 * header's children means nothing to it. {@link LayoutCheck} records the order as it arrived first.
 */
final class ProcessingOrder {
    private static final int PLAIN_TOKEN = 0;
    private static final int ASSERTION = 1;
    private static final int TOKEN_REFERENCE = 2;
    private static final int STEP = 3;

    private ProcessingOrder() {
    }

    /** Reorders {@code securityHeader}'s children in place. */
    static void apply(Element securityHeader) {
        List<Element> original = Documents.childElements(securityHeader);
        List<Element> ordered = new ArrayList<>(original);
        ordered.sort(Comparator.comparingInt(ProcessingOrder::rank)); // stable: equal ranks keep their order
        if (!ordered.equals(original)) {
            for (Element child : ordered) {
                securityHeader.appendChild(child); // moves it to the end: the children end up in 'ordered'
            }
        }
    }

    private static int rank(Element child) {
        if (child.getElementsByTagNameNS(XmlNames.XENC, "EncryptedData").getLength() > 0) {
            return STEP;
        }
        QName name = XmlNames.qname(child);
        if (name.equals(XmlNames.TIMESTAMP) || name.equals(XmlNames.BINARY_SECURITY_TOKEN)
                || name.equals(XmlNames.USERNAME_TOKEN) || name.equals(XmlNames.SIGNATURE_CONFIRMATION)) {
            return PLAIN_TOKEN;
        }
        if (name.equals(XmlNames.ENCRYPTED_KEY)) {
            // with a ReferenceList it decrypts when processed: a step; without, it only holds a key
            return child.getElementsByTagNameNS(XmlNames.XENC, "ReferenceList").getLength() > 0 ? STEP : PLAIN_TOKEN;
        }
        if (name.equals(XmlNames.SAML1_ASSERTION) || name.equals(XmlNames.SAML2_ASSERTION)) {
            return ASSERTION;
        }
        if (name.equals(XmlNames.SECURITY_TOKEN_REFERENCE)) {
            return TOKEN_REFERENCE;
        }
        return STEP;
    }
}
