package io.wssgate.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Attack (category / name, a regular expression) to the cause {@code wssgate explain} must name
 * for it (a regular expression on the cause). The first row whose attack pattern matches applies;
 * an attack no row matches fails the table test, so every new attack needs its expected explanation.
 */
final class ExpectedExplanations {
    private static final Map<Pattern, Pattern> TABLE = new LinkedHashMap<>();

    private ExpectedExplanations() {
    }

    private static void row(String attack, String cause) {
        TABLE.put(Pattern.compile(attack, Pattern.CASE_INSENSITIVE), Pattern.compile(cause));
    }

    /** The expected cause of {@code attack}; {@code actual} is only quoted when no row names the attack. */
    static Pattern forAttack(String attack, String actual) {
        return TABLE.entrySet().stream().filter(e -> e.getKey().matcher(attack).find()).map(Map.Entry::getValue)
                .findFirst().orElseThrow(() -> new AssertionError("no expected explanation for the attack '" + attack
                        + "' (explain says: " + actual + "): add a row to ExpectedExplanations"));
    }

    static {
        // Signature wrapping
        row("Security header addressed to another (actor|role)",
                "addressed to another (actor|role) than this policy processes");
        row("two Security headers \\(a copy",
                "more than one wsse:Security header for this receiver");
        row("two Security headers: empty one for us",
                "Security header for this receiver is empty; .* in the header for actor \\['urn:someone:else'\\]");
        row("^Signature wrapping / XPath(-Filter2)? transform",
                "The transform algorithm http://www\\.w3\\.org/\\S*(xpath|filter2)\\S* is not on the policy's allowlist");
        row("XSW1:",
                "A soap:Body stands inside ds:Signature #\\S+ in wsse:Security, .*a signed element was moved \\(signature wrapping\\)");
        row("XSW2:",
                "token not allowed by this policy: \\{http://[^}]+\\}Body");
        row("XSW[34]:",
                "The assertion _evil-\\S+ carries no issuer signature");
        row("XSW[56]:",
                "The signature inside assertion _evil-\\S+ signs '#\\S+', not the assertion that carries it: the signed assertion was moved");
        row("XSW7:",
                "token not allowed by this policy: \\{urn:wssgate:attack:evil\\}Extensions");
        row("XSW8:",
                "ds:Object/Manifest in a signature is not allowed");
        row("evil second Body",
                "Envelope must hold an optional Header followed by exactly one Body");
        row("empty reference URI",
                "The SignatureValue does not verify with the key of CN=client.*SignedInfo was changed after signing");
        row("reference URI to an Id nothing carries",
                "Reference #no-such-id points at nothing in the message");
        row("signature removed|message signature moved under",
                "no signature with an acceptable key");
        row("evil Body with the original Id|Body's Id repeated as",
                "duplicate identifier 'id-\\S+'");
        row("evil Body without Id|signed Body moved under a mustUnderstand|wrapped Body behind",
                "SOAP Body is not covered by a trusted signature");
        row("signed Timestamp moved under",
                "wsu:Timestamp \\(reference #\\S+\\) changed after it was signed");
        // Key references
        row("(BinarySecurityToken|holder-of-key assertion|EncryptedKey) moved",
                "key reference '[^']+' names \\{[^}]+\\}(BinarySecurityToken|Assertion|EncryptedKey) in /Envelope/(Header/\\w+|Body), not a child of this wsse:Security header");
        // Keys and algorithms
        row("certificate from an unknown CA",
                "its issuer 'CN=WSS Gate Other CA[^']*' is not among the trust anchors; closest trusted subject: 'CN=WSS Gate Test CA");
        row("sender-vouches: unsigned assertion supplies an untrusted",
                "not accepted: it is self-signed and not itself in trust");
        row("self-signed certificate",
                "not accepted: it is self-signed and not itself in trust");
        row("subject DN not allowed",
                "subject 'CN=intruder[^']*' matches none of trust\\.subject-dn-patterns");
        row("/ expired certificate",
                "certificate 'CN=client[^']*' is not accepted: expired on \\S+, \\d+d( \\d+h)? before the time of judgement");
        row("not-yet-valid certificate",
                "certificate 'CN=client[^']*' is not accepted: not valid until \\S+, \\d+d( \\d+h)? after the time of judgement");
        row("revoked certificate",
                "it is revoked since \\S+ \\(KEY_COMPROMISE\\) by the CRL of CN=WSS Gate Test CA");
        row("RSA key of 1024 bits",
                "its RSA key has 1024 bits; signature\\.algorithms\\.min-rsa-key-size is 2048");
        row("trusted certificate whose KeyUsage allows only keyEncipherment",
                "certificate 'CN=client[^']*' is not accepted: its KeyUsage allows only keyEncipherment, neither "
                        + "digitalSignature nor nonRepudiation");
        row("holder-of-key proof certificate whose KeyUsage allows only keyEncipherment",
                "certificate 'CN=alice-key[^']*' is not accepted: its KeyUsage allows only keyEncipherment, "
                        + "neither digitalSignature nor nonRepudiation");
        row("bare ds:KeyValue|chained RetrievalMethod \\(loop",
                "message signature must identify its key by one wsse:SecurityTokenReference");
        row("HMAC",
                "The signature algorithm \\S+#hmac-sha256 is not on the policy's allowlist");
        row("RSA-SHA1",
                "The signature algorithm RSA with SHA-1 is not on the policy's allowlist; adding it to policies\\.x509\\.signature\\.algorithms\\.signature would accept it");
        row("RSA-MD5",
                "The signature algorithm RSA with MD5 is not on the policy's allowlist; .*re-opens a known attack");
        row("MD5 digests under",
                "The digest algorithm MD5 is not on the policy's allowlist");
        row("inclusive canonicalization",
                "The canonicalization algorithm inclusive C14N 1\\.0 is not on the policy's allowlist; adding it to policies\\.x509\\.signature\\.algorithms\\.canonicalization");
        row("canonicalization with comments",
                "The canonicalization algorithm exclusive C14N with comments is not on the policy's allowlist");
        row("DSA-SHA256",
                "The signature algorithm \\S+#dsa-sha256 is not on the policy's allowlist");
        // Encryption, and encrypted assertions
        row("RSA 1\\.5 key transport",
                "RSA PKCS#1 v1\\.5 key transport is not on the policy's allowlist; no configuration allows it");
        row("AES-256-CBC",
                "The data encryption algorithm AES-256-CBC is not on the policy's allowlist; adding it to policies\\.(enc|encsaml)\\.decryption\\.data-algorithms");
        row("signed but not encrypted Body",
                "SOAP Body was not encrypted, but the policy requires it");
        row("mustUnderstand EncryptedHeader no key decrypts",
                "a mustUnderstand wsse11:EncryptedHeader for this receiver was not decrypted");
        row("EncryptedKey for another recipient|encrypted for another recipient",
                "encrypted for another certificate \\(.+\\) than this policy's decryption key \\(CN=server,");
        row("one bit flipped|cut short of its GCM tag",
                "The EncryptedKey is made for this policy's certificate, yet the part did not decrypt: the wrapped key or the ciphertext was altered");
        row("plaintext is a DOCTYPE|internal-subset entity|decrypted content \\(encrypted to the server key\\) starting with a DOCTYPE",
                "The part decrypted with this policy's key, but its plaintext is refused: it is not well-formed, bounded XML");
        row("plaintext is not an assertion|assertion followed by a second element|text before the assertion|comment and a processing instruction",
                "The part decrypted with this policy's key, but its plaintext is refused: it is not exactly one saml2:Assertion");
        row("xop:Include of an external URL as the encrypted Body",
                "The ciphertext is not in the message: .* holds an xop:Include of 'http");
        row("xop:Include of an external URL as the signing certificate",
                "names its key by BinarySecurityToken #\\S+, and no such certificate is in the message or the policy's trust");
        row("EncryptedAssertion beside a plain assertion",
                "an EncryptedAssertion beside a plain assertion");
        row("EncryptedAssertion where the policy does not accept one",
                "token not allowed by this policy: \\{urn:oasis:names:tc:SAML:2\\.0:assertion\\}EncryptedAssertion");
        row("ciphertext of 1\\.5 MB",
                "EncryptedAssertion ciphertext of 1500000 characters");
        row("advisory: CipherReference",
                "\\}CipherReference inside an EncryptedAssertion");
        row("advisory: .*RetrievalMethod",
                "\\}RetrievalMethod inside an EncryptedAssertion");
        row("EncryptedKey wrapped in another",
                "an EncryptedKey/EncryptedData nested in an EncryptedKey");
        row("AgreementMethod",
                "\\}AgreementMethod inside an EncryptedAssertion");
        row("advisory: xop:Include",
                "\\}Include inside an EncryptedAssertion");
        row("carrying an EncryptedAssertion of its own",
                "the decrypted assertion holds encrypted content");
        row("signed by a trusted message signer, not the IdP|minted by a trusted message signer",
                "names the configured issuer 'https://idp\\.wssgate\\.test' but is signed with the key of CN=sender,");
        row("ID also carried by a header element|plain copy of the assertion in another header",
                "the decrypted assertion's identifier '[^']+' is also used elsewhere in the message");
        row("signature made with another key",
                "The SignatureValue does not verify with the key of CN=alice-key,.* \\(named by the SAML assertion \\S+\\)");
        row("message signature over the EncryptedData",
                "Reference points into the EncryptedAssertion \\(#\\S+\\): sign or encrypt the assertion, not its ciphertext");
        row("two EncryptedAssertions",
                "more than one EncryptedAssertion");
        row("encrypted anew, used a second time",
                "repeats what an earlier accepted message carried: a replay");
        // Parser and resource exhaustion
        row("100000 nested elements",
                "has a depth of \"101\" that exceeds the limit \"100\"");
        row("25000 attributes",
                "has more than \"256\" attributes");
        row("31 references",
                "signature has 31 references");
        row("6 transforms",
                "reference has 6 transforms");
        row("DerivedKeyToken",
                "token not allowed by this policy: \\{[^}]+\\}DerivedKeyToken");
        row("XSLT transform fetching",
                "The transform algorithm \\S+xslt\\S* is not on the policy's allowlist; no configuration allows this transform");
        row("XXE|billion laughs|parameter entity",
                "The message declares a DOCTYPE, which is never accepted");
        row("a message of 11 MiB",
                "The message has \\d+ bytes, more than limits\\.max-message-size \\(10485760\\)");
        row("a million sibling",
                "more than 500000 elements \\(limits\\.max-elements\\)");
        row("an element name of 10 MB",
                "not a well-formed, bounded XML message: JAXP00010005");
        row("chained RetrievalMethod as the key of the assertion",
                "an assertion signature must carry its key as X509Data or KeyValue, and no RetrievalMethod");
        row("(file|http): reference URI",
                "only same-document ID references are allowed: (file|http):");
        // SAML
        row("comment injected into the signed NameID",
                "The assertion \\S+ contains an XML comment .*so the assertion was edited");
        row("expired assertion",
                "The SAML assertion is not usable at the time of judgement: Conditions NotOnOrAfter passed \\S+ before the time of judgement");
        row("assertion not yet valid",
                "Conditions NotBefore is 10m after the time of judgement");
        row("stale assertion|issued two hours ago",
                "IssueInstant is 2h old, more than saml\\.max-age 30m allows");
        row("IssueInstant an hour in the future",
                "IssueInstant is 1h in the future: the issuer's clock is ahead");
        row("wrong audience|two AudienceRestrictions|decrypted assertion for another audience",
                "An AudienceRestriction names \\['urn:someone:else'\\], none of saml\\.audiences");
        row("no AudienceRestriction",
                "The assertion has no AudienceRestriction");
        row("not signed by the issuer|unsigned bearer|unsigned assertion supplies a CA-issued|decrypted assertion not signed",
                "The assertion \\S+ carries no issuer signature");
        row("holder-of-key without a subject key",
                "The holder-of-key assertion \\S+ names no subject key");
        row("message signed by another trusted certificate",
                "holder-of-key: Body and Timestamp are not signed with the assertion subject's key");
        row("samlp:Response",
                "token not allowed by this policy: \\{urn:oasis:names:tc:SAML:2\\.0:protocol\\}Response");
        row("attribute edited after signing",
                "The content of saml2:Assertion \\(reference #\\S+\\) changed after it was signed");
        row("bearer assertion replayed|OneTimeUse assertion used a second time",
                "The message repeats the assertion ID \\S+ of message 1, which was accepted before it: a replay");
        // SAML subject and confirmation
        row("Condition of an unknown xsi:type",
                "condition\\(s\\) not understood, the assertion is Indeterminate");
        row("InResponseTo",
                "InResponseTo=\\S+ answers a SAML request this receiver never sent");
        row("Issuer in the emailAddress format",
                "Issuer Format \\S+emailAddress is not an entity identifier");
        row("Recipient names another endpoint",
                "bound to Recipient 'https://elsewhere\\.example/saml/service', not to \\['http://localhost:8080/saml/service'\\]");
        row("about two subjects|about another subject|confirmed by two different keys",
                "the assertion's statements are about more than one subject");
        row("bearer without a confirmation window",
                "bearer assertion without a NotOnOrAfter on its SubjectConfirmationData");
        row("SubjectConfirmation names another entity",
                "the SubjectConfirmation names another entity than the Subject");
        row("two SubjectConfirmations",
                "exactly one SubjectConfirmation, has 2");
        row("Version=\"3\\.0\"",
                "Version=\"3\\.0\"");
        row("(blank|empty) NameID",
                "the Subject's NameID is empty");
        row("confirmation method urn:example",
                "subject confirmation method 'urn:example:holder-of-key' is not one of the SAML profiles'");
        row("confirmation not valid before",
                "SubjectConfirmationData NotBefore is 10m after the time of judgement");
        row("confirmation past its NotOnOrAfter",
                "SubjectConfirmationData NotOnOrAfter passed \\S+ before the time of judgement");
        // Timestamps and UsernameTokens
        row("Expires before Created",
                "Timestamp Expires is not after Created");
        row("created 20 minutes in the future",
                "Timestamp Created is 20m after the time of judgement, more than timestamp\\.future-skew 1m allows: the sender's clock is about 20m ahead");
        row("Timestamp expired 15 minutes ago",
                "The Timestamp expired 15m before the time of judgement");
        row("Timestamp present but not signed",
                "Timestamp is not covered by a trusted signature");
        row("\\(nonce\\) replayed",
                "The message repeats the UsernameToken Nonce \\S+ of message 1, which was accepted before it: a replay");
        row("UsernameToken created an hour ago",
                "UsernameToken Created is 1h old, more than username-token\\.max-age 5m allows");
        row("empty PasswordDigest|wrong password digest",
                "The user 'bob' is known, but the PasswordDigest does not match the configured password");
        row("UsernameToken without a Password",
                "The UsernameToken of 'bob' carries no password");
        row("no Timestamp where one is required",
                "Timestamp required but missing");
        row("PasswordText where a digest is required",
                "The UsernameToken of 'bob' sends its password as PasswordText; the policy accepts PasswordDigest only");
        row("same signed message sent twice",
                "The message repeats the signed Timestamp \\(Created \\S+\\) of message 1, which was accepted before it: a replay");
        row("two Created",
                "exactly one CREATED");
        row("two Expires",
                "MUST NOT contain more than one EXPIRES");
        row("two signed Timestamps",
                "MUST NOT contain more than one TIMESTAMP");
        // Transport
        row("no Security header over SOAP 1\\.2",
                "The wsse:Security header for this receiver is empty: the sender applied no WS-Security");
        row("declared (ISO-8859-1|UTF-8) in the Content-Type",
                "The HTTP Content-Type's charset is not the document's own encoding");
        row("multipart/related",
                "The message is a MIME multipart package");
        row("^Transport / tampered",
                "The content of soap:Body \\(reference #\\S+\\) changed after it was signed: its digest does not match, also with whitespace normalised");
        // Operation confusion (operations: the payload root, SOAPAction and wsa:Action must name one operation)
        row("^Operation confusion / (X\\.509 caller on order|X\\.509 caller naming order|SOAP 1\\.2: X\\.509 caller naming order)",
                "a X509 caller is not accepted for operation 'order' \\(token-types\\)");
        row("^Operation confusion / SAML caller naming status",
                "a SAML_2_0 caller is not accepted for operation 'status' \\(token-types\\)");
        row("^Operation confusion / (signed payload of order sent with|SOAP 1\\.2: signed payload of order sent with|authorized buyer's order sent with)",
                "operation confusion: payload root \\{urn:wssgate:test:jaxws\\}echo names 'order', SOAPAction urn:wssgate:test:status names 'status'");
        row("^Operation confusion / signed payload of order with a signed wsa:Action of status",
                "operation confusion: payload root \\{urn:wssgate:test:jaxws\\}echo names 'order', wsa:Action \\S+ names 'status'");
        row("^Operation confusion / SOAP 1\\.2: SOAPAction header and action parameter naming two operations",
                "operation confusion: SOAPAction urn:wssgate:test:order names 'order', SOAPAction urn:wssgate:test:status names 'status'");
        row("^Operation confusion / payload of status with a SOAPAction no operation declares",
                "the request is operation 'status' but its SOAPAction urn:wssgate:test:other is none of \\[urn:wssgate:test:status\\]");
        row("^Operation confusion / payload root no operation declares",
                "no operation of this policy matches the request \\(payload root \\{urn:wssgate:test:jaxws\\}refund\\) and unknown-operations is refuse");
        row("^Operation confusion / empty Body and no SOAPAction",
                "no operation of this policy matches the request \\(it carries no payload root, SOAPAction or wsa:Action\\) and unknown-operations is refuse");
        row("^Operation confusion / two payload elements",
                "the Body holds 2 elements: an operation is told by one payload root");
        row("^Operation confusion / caller the policy's own require does not admit",
                "caller CN=intruder,O=WSS Gate Test,C=DE is not authorized: require\\.subjects: 'CN=intruder,O=WSS Gate Test,C=DE' matches none of \\[CN=client,");
        // Operation rules (an operation's own signed parts, encrypted parts, required headers, confirmation methods)
        row("^Operation rules / order by a buyer with sender-vouches",
                "confirmation method not allowed: sender-vouches \\(accepted here: holder-of-key\\)");
        row("^Operation rules / routed without the header",
                "required header \\{urn:wssgate:test:routing\\}Routing must appear exactly once, found 0 for operation 'routed'");
        row("^Operation rules / routed with the header its required-headers names twice",
                "required header \\{urn:wssgate:test:routing\\}Routing must appear exactly once, found 2 for operation 'routed'");
        row("^Operation rules / signed-route with the header its signed-parts names, unsigned",
                "header \\{urn:wssgate:test:routing\\}Routing is not covered by a trusted signature");
        row("^Operation rules / sealed with the Body its encrypted-parts names in clear",
                "SOAP Body was not encrypted, but the policy requires it");
        // WS-Addressing
        row("^WS-Addressing / required headers absent",
                "wsa:To is required \\(addressing\\.required\\)");
        row("^WS-Addressing / wsa:MessageID absent",
                "wsa:MessageID is required \\(addressing\\.required\\)");
        row("^WS-Addressing / headers present but unsigned",
                "wsa:To is not covered by a trusted signature \\(addressing\\.required\\)");
        row("^WS-Addressing / wsa:To and wsa:Action signed, wsa:MessageID not",
                "wsa:MessageID is not covered by a trusted signature \\(addressing\\.required\\)");
        row("^WS-Addressing / signed wsa:To of another endpoint \\(redirected\\)",
                "wsa:To https://other\\.example/service is none of addressing\\.addresses \\[https://gate\\.example/opswsa\\]");
        row("^WS-Addressing / signed wsa:To of another endpoint, to a policy comparing it with the request URL",
                "wsa:To https://other\\.example/service is not this endpoint \\(http://localhost:8080/ops/service; configure addressing\\.addresses");
        row("^WS-Addressing / signed wsa:MessageID again",
                "The message repeats the wsa:MessageID urn:uuid:\\S+ of message 1, which was accepted before it: a replay");
        row("^WS-Addressing / two wsa:To headers",
                "more than one wsa:To header");
        row("^WS-Addressing / W3C and 2004/08 headers mixed",
                "WS-Addressing headers of two versions \\(http://www\\.w3\\.org/2005/08/addressing, http://schemas\\.xmlsoap\\.org/ws/2004/08/addressing\\)");
        // Authorization (require: the caller's roles, subject, SAML attributes, confirmation, authentication context)
        row("^Authorization / require\\.roles:",
                "caller alice is not authorized: operations\\.roles\\.require\\.roles: has none of \\[buyer\\] \\(roles \\[admin\\]\\)");
        row("^Authorization / require\\.subjects:",
                "caller CN=intruder,O=WSS Gate Test,C=DE is not authorized: operations\\.subjects\\.require\\.subjects: 'CN=intruder,O=WSS Gate Test,C=DE' matches none of \\[CN=client,");
        row("^Authorization / require\\.attributes: SAML caller with clearance public",
                "caller alice is not authorized: operations\\.attributes\\.require\\.saml-attributes\\.clearance: \\[public\\] holds none of \\[(top-secret, secret|secret, top-secret)\\]");
        row("^Authorization / require\\.attributes: X\\.509 caller, no SAML attributes",
                "caller CN=client,O=WSS Gate Test,C=DE is not authorized: operations\\.attributes\\.require\\.saml-attributes\\.clearance: \\[\\] holds none of \\[(top-secret, secret|secret, top-secret)\\]");
        row("^Authorization / require\\.confirmation:",
                "caller alice is not authorized: operations\\.confirmation\\.require\\.confirmation: sender-vouches is none of \\[holder-of-key\\]");
        row("^Authorization / require\\.authn-context:",
                "caller alice is not authorized: operations\\.authn-context\\.require\\.authn-context: \\S+:Password is none of \\[\\S+:X509\\]");
        row("^Authorization / require\\.any-of:",
                "caller alice is not authorized: operations\\.any-of\\.require\\.any-of: no alternative holds \\(\\[0\\]\\.roles: has none of \\[buyer\\] \\(roles \\[admin\\]\\); \\[1\\]\\.subjects: 'alice' matches none of");
        row("^Authorization / require\\.all-of:",
                "caller alice is not authorized: operations\\.all-of\\.require\\.all-of\\[1\\]\\.saml-attributes\\.clearance: \\[\\] holds none of \\[secret\\]");
        // Attachments: a MIME package is read strictly first (the transport stage), then its root
        row("^Attachments / attachment swapped after signing|^Attachments / a MIME boundary line inside a part",
                "signature \\S+: the digest of cid:document@wssgate\\.test does not match: the signed content was changed after it was signed");
        row("^Attachments / contents of two signed attachments swapped",
                "signature \\S+: the digest of cid:document@wssgate\\.test, cid:second@wssgate\\.test does not match");
        row("^Attachments / (an unsigned extra part|a part added after signing)",
                "attachment <(extra|added)@wssgate\\.test> is not covered by a trusted signature");
        // (an attachment encrypted for another recipient: the row "encrypted for another recipient" above)
        row("^Attachments / encrypted attachments with their CipherReferences swapped",
                "the digest of cid:(document|second)@wssgate\\.test(, cid:\\S+)? does not match");
        row("^Attachments / an encrypted attachment no signature covers",
                "attachment <extra@wssgate\\.test> is not covered by a trusted signature");
        row("^Attachments / an encrypted attachment's ciphertext changed",
                "the attachment's AES-GCM tag does not match");
        row("^Attachments / a CipherReference to a missing part",
                "CipherReference names a missing attachment cid:nowhere@wssgate\\.test");
        row("^Attachments / an attachment EncryptedData no EncryptedKey lists",
                "attachment EncryptedData '\\S+' is not listed in an EncryptedKey's ReferenceList");
        row("^Attachments / signature references a missing part",
                "signature references a missing attachment cid:document@wssgate\\.test");
        row("^Attachments / attachment reference in a plain SOAP message",
                "attachment reference cid:document@wssgate\\.test in a message that is not a MIME package");
        row("^Attachments / a signed package sent to a policy without attachments",
                "The message is a MIME multipart package \\(SOAP with attachments or MTOM\\), not a bare SOAP envelope");
        row("^Attachments / Content-ID duplicated", "duplicate Content-ID <document@wssgate\\.test>");
        row("^Attachments / Content-ID of the root duplicated", "duplicate Content-ID <root@wssgate\\.test>");
        row("^Attachments / missing start part", "no part is the start part <elsewhere@wssgate\\.test>");
        row("^Attachments / (the boundary string inside a part's content|a bare-LF delimiter inside a part)",
                "the boundary string inside a part, or a delimiter not on its own CRLF line");
        row("^Attachments / a huge number of tiny parts", "more than attachments\\.max-parts 5 parts");
        row("^Attachments / a part declared small", "a part declaring Content-Length 10 has 100000 bytes");
        row("^Attachments / a part over attachments\\.max-part-size",
                "attachment <big@wssgate\\.test> of 263168 bytes, more than attachments\\.max-part-size 262144");
        row("^Attachments / nested multipart", "a nested multipart/related part");
        row("^Attachments / package truncated", "MIME package without its close delimiter \\(truncated\\)");
        row("^Attachments / a second envelope before the first delimiter", "text before the first MIME delimiter");
        row("^Attachments / base64 transfer encoding",
                "Content-Transfer-Encoding base64 \\(only binary, 8bit and 7bit are accepted\\)");
        row("^Attachments / root part charset disagreeing",
                "The HTTP Content-Type's charset is not the document's own encoding");
        row("^Attachments / charset parameter given twice",
                "a part Content-Type with malformed or repeated parameters: text/xml; charset=UTF-8; charset=UTF-16");
        row("^Attachments / an encoded-word part header", "an encoded word in part header Content-Type");
        row("^Attachments / a non-ASCII byte in a part header",
                "a part header with a byte outside printable ASCII \\(0xe9\\)");
        row("^Attachments / a Content-Type header given twice", "part header Content-Type given twice");
        row("^Attachments / XOP (part changed after signing|includes pointing at each other)",
                "The content of soap:Body \\(reference #\\S+\\) changed after it was signed");
        row("^Attachments / XOP include pointing at (the root|a missing) part",
                "an xop:Include naming no attachment: cid:(root|missing)@wssgate\\.test");
        row("^Attachments / an unsigned extra part next to XOP content",
                "attachment <extra@wssgate\\.test> is not covered by a trusted signature");
        row("^Attachments / xop:Include in a SwA", "xop:Include outside an XOP \\(MTOM\\) package");
    }
}
