'use strict';
// What a careful Node client checks before it believes a WS-Security response, with xml-crypto
// doing the XML-Signature part. xml-crypto verifies a signature and its references; which
// elements those references must be, which key may sign and which algorithms are acceptable is
// the caller's job, so it is done here:
// - one Envelope, one Header, one Body, one Security header (no actor/role), one ds:Signature in it;
// - the key is the certificate in a wsse:BinarySecurityToken of that Security header that the
//   signature's SecurityTokenReference names, issued by the trusted CA and valid now;
// - RSA-SHA256/512, SHA-256/512, exclusive C14N, no other transforms;
// - the signature is valid (xml-crypto) and its references resolve to the Envelope's own Body and
//   the Security header's Timestamp (and each SignatureConfirmation), not to look-alikes elsewhere;
// - the Timestamp is current.

const crypto = require('node:crypto');
const { DOMParser } = require('@xmldom/xmldom');
const { SignedXml, ExclusiveCanonicalization } = require('xml-crypto');
const { NS, TOKEN, ALG } = require('./constants');

/**
 * Exclusive C14N with namespace declarations in code-point order, as C14N 1.0 section 2.2 requires.
 * xml-crypto 6.3.2 sorts them with String.localeCompare, which puts 'ds' before 'S' and 'SOAP-ENV'
 * (code-point order: 'S' < 'SOAP-ENV' < 'ds'), so a SignedInfo whose InclusiveNamespaces name
 * upper-case prefixes - as in every response a Metro endpoint sends - canonicalizes differently
 * from Santuario, .NET and the spec, and a valid signature fails. Registered through xml-crypto's
 * documented CanonicalizationAlgorithms extension point when the caller asks for c14n=codepoint.
 */
class CodePointExclusiveCanonicalization extends ExclusiveCanonicalization {
  nsCompare(a, b) {
    if (a.prefix === b.prefix) {
      return 0;
    }
    return a.prefix < b.prefix ? -1 : 1;
  }
}

const ACCEPTED_SIGNATURE = [ALG.rsaSha256, ALG.rsaSha512];
const ACCEPTED_DIGEST = [ALG.sha256, ALG.sha512];
const ACCEPTED_TRANSFORM = [ALG.excC14n];
const CLOCK_SKEW_MS = 60000;

/** A response the checks refuse; the message says which check. */
class Refusal extends Error {}

function refuse(message) {
  throw new Refusal(message);
}

function parse(xml) {
  const errors = [];
  const doc = new DOMParser({
    errorHandler: { warning() {}, error: (m) => errors.push(m), fatalError: (m) => errors.push(m) },
  }).parseFromString(xml, 'text/xml');
  if (errors.length > 0 || !doc.documentElement) {
    refuse(`not well-formed XML: ${errors.join('; ')}`);
  }
  if (doc.doctype) {
    refuse('a DOCTYPE in a SOAP message');
  }
  return doc;
}

function elementChildren(node, ns, localName) {
  const found = [];
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 1 && (!ns || child.namespaceURI === ns) && (!localName || child.localName === localName)) {
      found.push(child);
    }
  }
  return found;
}

function exactlyOne(list, what) {
  if (list.length !== 1) {
    refuse(`expected exactly one ${what}, found ${list.length}`);
  }
  return list[0];
}

function wsuId(element) {
  return element.getAttributeNS(NS.wsu, 'Id');
}

/** Every element whose Id / ID / id attribute (any namespace, as xml-crypto resolves) has this value. */
function elementsWithId(doc, id) {
  const found = [];
  const all = doc.getElementsByTagName('*');
  for (let i = 0; i < all.length; i++) {
    const attributes = all[i].attributes;
    for (let a = 0; a < attributes.length; a++) {
      const name = attributes[a].localName || attributes[a].name;
      if (['Id', 'ID', 'id'].includes(name) && attributes[a].value === id) {
        found.push(all[i]);
        break;
      }
    }
  }
  return found;
}

function algorithm(parent, localName) {
  return exactlyOne(elementChildren(parent, NS.ds, localName), `ds:${localName}`).getAttribute('Algorithm');
}

function checkAlgorithms(signedInfo) {
  const c14n = algorithm(signedInfo, 'CanonicalizationMethod');
  if (c14n !== ALG.excC14n) {
    refuse(`canonicalization ${c14n} not accepted`);
  }
  const method = algorithm(signedInfo, 'SignatureMethod');
  if (!ACCEPTED_SIGNATURE.includes(method)) {
    refuse(`signature algorithm ${method} not accepted`);
  }
  const references = elementChildren(signedInfo, NS.ds, 'Reference');
  if (references.length === 0) {
    refuse('a signature without references');
  }
  for (const reference of references) {
    const uri = reference.getAttribute('URI');
    if (!/^#[^'"]+$/.test(uri)) {
      refuse(`reference URI '${uri}' is not a same-document ID reference`);
    }
    const digest = algorithm(reference, 'DigestMethod');
    if (!ACCEPTED_DIGEST.includes(digest)) {
      refuse(`digest algorithm ${digest} not accepted`);
    }
    for (const transforms of elementChildren(reference, NS.ds, 'Transforms')) {
      for (const transform of elementChildren(transforms, NS.ds, 'Transform')) {
        if (!ACCEPTED_TRANSFORM.includes(transform.getAttribute('Algorithm'))) {
          refuse(`transform ${transform.getAttribute('Algorithm')} not accepted`);
        }
      }
    }
  }
  return { method, references: references.map((r) => r.getAttribute('URI').substring(1)) };
}

/** The BinarySecurityToken of this Security header that the signature's KeyInfo names. */
function signingToken(security, signature) {
  const keyInfo = exactlyOne(elementChildren(signature, NS.ds, 'KeyInfo'), 'ds:KeyInfo');
  const str = exactlyOne(elementChildren(keyInfo, NS.wsse, 'SecurityTokenReference'), 'wsse:SecurityTokenReference');
  const uri = exactlyOne(elementChildren(str, NS.wsse, 'Reference'), 'wsse:Reference (a direct reference)').getAttribute('URI');
  if (!uri.startsWith('#')) {
    refuse(`token reference '${uri}' is not local`);
  }
  const token = exactlyOne(elementChildren(security, NS.wsse, 'BinarySecurityToken')
    .filter((bst) => wsuId(bst) === uri.substring(1)), `BinarySecurityToken ${uri} in the Security header`);
  if (token.getAttribute('ValueType') !== TOKEN.x509v3) {
    refuse(`token ${uri} is not an X.509 v3 certificate`);
  }
  return new crypto.X509Certificate(Buffer.from(token.textContent.replace(/\s/g, ''), 'base64'));
}

function checkTrusted(certificate, ca, now) {
  if (!ca.ca || !certificate.checkIssued(ca) || !certificate.verify(ca.publicKey)) {
    refuse(`certificate ${certificate.subject.replace(/\n/g, ',')} was not issued by the trusted CA`);
  }
  if (now < new Date(certificate.validFrom) || now > new Date(certificate.validTo)) {
    refuse('certificate not valid now');
  }
  if (certificate.publicKey.asymmetricKeyType !== 'rsa' || certificate.publicKey.asymmetricKeyDetails.modulusLength < 2048) {
    refuse('signing key is not RSA of at least 2048 bits');
  }
}

function checkTimestamp(timestamp, now) {
  const created = exactlyOne(elementChildren(timestamp, NS.wsu, 'Created'), 'wsu:Created');
  const expires = exactlyOne(elementChildren(timestamp, NS.wsu, 'Expires'), 'wsu:Expires');
  if (new Date(created.textContent).getTime() > now.getTime() + CLOCK_SKEW_MS) {
    refuse('Timestamp created in the future');
  }
  if (!(new Date(expires.textContent).getTime() > now.getTime() - CLOCK_SKEW_MS)) {
    refuse('Timestamp expired');
  }
}

/** RFC 2253 order (most specific first), as Java prints a certificate subject. */
function rfc2253(subject) {
  return subject.split('\n').reverse().join(',');
}

/**
 * Verifies a signed SOAP response; c14n 'xml-crypto' (default) uses xml-crypto as shipped, 'codepoint'
 * the corrected canonicalization above. Returns { signer, signatureAlgorithm, signed: [names], confirmations: [values] };
 * throws Refusal when any check fails.
 */
function verifySignedResponse(xml, caPem, { c14n = 'xml-crypto', now = new Date() } = {}) {
  const doc = parse(xml);
  const envelope = doc.documentElement;
  const soapNs = envelope.namespaceURI;
  if (envelope.localName !== 'Envelope' || (soapNs !== NS.soap11 && soapNs !== NS.soap12)) {
    refuse('not a SOAP envelope');
  }
  const header = exactlyOne(elementChildren(envelope, soapNs, 'Header'), 'SOAP Header');
  const body = exactlyOne(elementChildren(envelope, soapNs, 'Body'), 'SOAP Body');
  const security = exactlyOne(elementChildren(header, NS.wsse, 'Security')
    .filter((s) => !s.hasAttributeNS(soapNs, 'actor') && !s.hasAttributeNS(soapNs, 'role')), 'wsse:Security header for us');
  const signature = exactlyOne(elementChildren(security, NS.ds, 'Signature'), 'ds:Signature in the Security header');
  const timestamp = exactlyOne(elementChildren(security, NS.wsu, 'Timestamp'), 'wsu:Timestamp');
  const confirmations = elementChildren(security, NS.wsse11, 'SignatureConfirmation');

  const signedInfo = exactlyOne(elementChildren(signature, NS.ds, 'SignedInfo'), 'ds:SignedInfo');
  const { method, references } = checkAlgorithms(signedInfo);
  const certificate = signingToken(security, signature);
  checkTrusted(certificate, new crypto.X509Certificate(caPem), now);

  const verifier = new SignedXml({ publicCert: certificate.toString() });
  if (c14n === 'codepoint') {
    verifier.CanonicalizationAlgorithms[ALG.excC14n] = CodePointExclusiveCanonicalization;
  } else if (c14n !== 'xml-crypto') {
    throw new Error(`c14n must be xml-crypto or codepoint, not '${c14n}'`);
  }
  verifier.loadSignature(signature);
  let valid;
  try {
    valid = verifier.checkSignature(xml);
  } catch (e) {
    refuse(`xml-crypto: ${e.message}`);
  }
  if (!valid) {
    const reasons = verifier.getReferences().map((r) => r.validationError && r.validationError.message).filter(Boolean);
    refuse(`xml-crypto: ${reasons.join('; ') || 'a reference did not validate'}`);
  }

  const covered = new Set(references.map((id) => exactlyOne(elementsWithId(doc, id), `element with Id ${id}`)));
  const required = [['Body', body], ['Timestamp', timestamp], ...confirmations.map((c) => ['SignatureConfirmation', c])];
  for (const [name, element] of required) {
    if (!covered.has(element)) {
      refuse(`the signature does not cover the message's ${name}`);
    }
  }
  checkTimestamp(timestamp, now);
  return {
    signer: rfc2253(certificate.subject),
    signatureAlgorithm: method,
    signed: required.map(([name]) => name),
    confirmations: confirmations.map((c) => c.getAttribute('Value')),
  };
}

/** The ds:SignatureValue of the (only) signature in a request this client sent, whitespace removed. */
function signatureValueOf(xml) {
  const values = parse(xml).getElementsByTagNameNS(NS.ds, 'SignatureValue');
  return values.length === 1 ? values[0].textContent.replace(/\s/g, '') : null;
}

/** The local names of the Security header's children, in document order. */
function securityLayout(xml) {
  const doc = parse(xml);
  const securities = doc.getElementsByTagNameNS(NS.wsse, 'Security');
  return securities.length === 0 ? [] : elementChildren(securities[0]).map((e) => e.localName);
}

/** The fault code of a SOAP 1.1 or 1.2 fault as {namespace}local (1.2: the first Subcode if any), or null. */
function faultCode(xml) {
  let doc;
  try {
    doc = parse(xml);
  } catch (e) {
    return null;
  }
  const qname = (element) => {
    const text = element.textContent.trim();
    const colon = text.indexOf(':');
    const prefix = colon < 0 ? null : text.substring(0, colon);
    return `{${element.lookupNamespaceURI(prefix) || ''}}${text.substring(colon + 1)}`;
  };
  const soap11 = doc.getElementsByTagName('faultcode');
  if (soap11.length > 0) {
    return qname(soap11[0]);
  }
  const subcodes = doc.getElementsByTagNameNS(NS.soap12, 'Subcode');
  const codes = subcodes.length > 0 ? subcodes : doc.getElementsByTagNameNS(NS.soap12, 'Code');
  if (codes.length > 0) {
    return qname(exactlyOne(elementChildren(codes[0], NS.soap12, 'Value'), 'Value'));
  }
  return null;
}

module.exports = { verifySignedResponse, signatureValueOf, securityLayout, faultCode, Refusal };
