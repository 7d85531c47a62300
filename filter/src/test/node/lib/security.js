'use strict';
// The request security a node-soap client attaches, one named profile per way a Node user
// would configure it. Everything but 'signature-first' is node-soap's own code, configured
// through its documented options; 'signature-first' uses xml-crypto directly, because
// node-soap cannot place the signature anywhere but after the token.

const crypto = require('node:crypto');
const { SignedXml } = require('xml-crypto');
const { WSSecurity, WSSecurityCert, WSSecurityPlusCert } = require('soap');
const { NS, TOKEN, ALG } = require('./constants');
const { signedAssertion } = require('./saml');

function required(options, name) {
  const value = options[name];
  if (value === undefined || value === '') {
    throw new Error(`option ${name} is required for security=${options.security}`);
  }
  return value;
}

function keyPair(options, read) {
  return { key: read(required(options, 'key')), cert: read(required(options, 'cert')) };
}

/** Whether the call carries a wsa:MessageID header (peer.js adds it) that the signature must cover. */
function signsMessageId(options) {
  return options.messageId === 'true';
}

/**
 * Options for node-soap's WSSecurityCert beyond its defaults: wsu:Id attributes, the chosen
 * algorithms, and further headers to sign (additionalReferences, by qualified name).
 */
function certOptions(options, additionalReferences = []) {
  const references = signsMessageId(options) ? [...additionalReferences, 'wsa:MessageID'] : additionalReferences;
  const result = { signerOptions: { idMode: 'wssecurity' } };
  if (references.length > 0) {
    result.additionalReferences = references;
  }
  if (options.signatureAlgorithm) {
    result.signatureAlgorithm = options.signatureAlgorithm;
  }
  if (options.digestAlgorithm) {
    result.digestAlgorithm = options.digestAlgorithm;
  }
  return result;
}

function xmlDateTime(date) {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * What xml-crypto produces when a sender follows WSS 1.1 SOAP Message Security section 5 to the
 * letter: each element is prepended to the Security header as it is added (Timestamp, then the
 * certificate, then the signature), so the header reads Signature, BinarySecurityToken,
 * Timestamp: the signature refers forward to a token that follows it.
 */
class SignatureFirst {
  constructor({ key, cert, signatureAlgorithm, digestAlgorithm, messageId }) {
    this.key = key;
    this.signMessageId = messageId === 'true';
    this.certBase64 = cert.toString().replace(/-----(BEGIN|END) CERTIFICATE-----|\s/g, '');
    this.signatureAlgorithm = signatureAlgorithm || ALG.rsaSha256;
    this.digestAlgorithm = digestAlgorithm || ALG.sha256;
  }

  postProcess(xml, envelopeKey) {
    const now = new Date();
    const tokenId = `X509-${crypto.randomUUID()}`;
    const timestampId = `TS-${crypto.randomUUID()}`;
    const security =
      `<wsse:Security xmlns:wsse="${NS.wsse}" xmlns:wsu="${NS.wsu}" ${envelopeKey}:mustUnderstand="1">` +
      `<wsse:BinarySecurityToken EncodingType="${TOKEN.base64}" ValueType="${TOKEN.x509v3}" wsu:Id="${tokenId}">` +
      `${this.certBase64}</wsse:BinarySecurityToken>` +
      `<wsu:Timestamp wsu:Id="${timestampId}"><wsu:Created>${xmlDateTime(now)}</wsu:Created>` +
      `<wsu:Expires>${xmlDateTime(new Date(now.getTime() + 5 * 60000))}</wsu:Expires></wsu:Timestamp>` +
      `</wsse:Security>`;
    const headerEnd = xml.indexOf(`</${envelopeKey}:Header>`);
    if (headerEnd < 0) {
      throw new Error('node-soap produced no SOAP Header to put the Security header in');
    }
    const unsigned = xml.slice(0, headerEnd) + security + xml.slice(headerEnd);

    const signer = new SignedXml({
      privateKey: this.key,
      idMode: 'wssecurity',
      signatureAlgorithm: this.signatureAlgorithm,
      canonicalizationAlgorithm: ALG.excC14n,
      getKeyInfoContent: () =>
        `<wsse:SecurityTokenReference><wsse:Reference URI="#${tokenId}" ValueType="${TOKEN.x509v3}"/>` +
        `</wsse:SecurityTokenReference>`,
    });
    const digest = { transforms: [ALG.excC14n], digestAlgorithm: this.digestAlgorithm };
    signer.addReference({ xpath: "/*[local-name()='Envelope']/*[local-name()='Body']", ...digest });
    signer.addReference({
      xpath: "/*[local-name()='Envelope']/*[local-name()='Header']/*[local-name()='Security']/*[local-name()='Timestamp']",
      ...digest,
    });
    if (this.signMessageId) {
      signer.addReference({
        xpath: "/*[local-name()='Envelope']/*[local-name()='Header']/*[local-name()='MessageID']",
        ...digest,
      });
    }
    signer.computeSignature(unsigned, {
      prefix: 'ds',
      existingPrefixes: { wsse: NS.wsse },
      location: { reference: "//*[local-name()='Security']", action: 'prepend' },
    });
    return signer.getSignedXml();
  }
}

/** A bearer assertion with a Timestamp and nothing else: node-soap has no class for that, so a small one of ours. */
class BearerAssertion {
  constructor(assertion) {
    this.assertion = assertion;
  }

  postProcess(xml, envelopeKey) {
    const now = new Date();
    const security =
      `<wsse:Security xmlns:wsse="${NS.wsse}" xmlns:wsu="${NS.wsu}" ${envelopeKey}:mustUnderstand="1">` +
      `<wsu:Timestamp wsu:Id="TS-${crypto.randomUUID()}"><wsu:Created>${xmlDateTime(now)}</wsu:Created>` +
      `<wsu:Expires>${xmlDateTime(new Date(now.getTime() + 5 * 60000))}</wsu:Expires></wsu:Timestamp>` +
      `${this.assertion}</wsse:Security>`;
    const headerEnd = xml.indexOf(`</${envelopeKey}:Header>`);
    return xml.slice(0, headerEnd) + security + xml.slice(headerEnd);
  }
}

function assertionFor(options, read, confirmation) {
  return signedAssertion({
    issuer: required(options, 'samlIssuer'),
    issuerKey: read(required(options, 'idpKey')),
    issuerCert: read(required(options, 'idpCert')).toString(),
    subject: required(options, 'samlSubject'),
    confirmation,
    subjectCert: confirmation === 'holder-of-key' ? read(required(options, 'cert')) : null,
    audience: required(options, 'samlAudience'),
    roles: (options.samlRoles || '').split(',').filter(Boolean),
  });
}

/**
 * The security object for client.setSecurity(), by profile name:
 * - cert-library-defaults: new WSSecurityCert(key, cert, '') - node-soap's defaults as its README shows them
 *   (RSA-SHA256, SHA-256, exclusive C14N, Body and Timestamp signed, plain Id attributes);
 * - cert: the same with wsu:Id attributes (signerOptions.idMode 'wssecurity') and optional algorithms;
 * - signature-first: see SignatureFirst;
 * - username: node-soap's WSSecurity UsernameToken (passwordType PasswordDigest or PasswordText) with its
 *   unsigned Timestamp;
 * - username-cert: WSSecurityPlusCert, a UsernameToken (digest, no second Timestamp) signed together with
 *   Body and Timestamp by WSSecurityCert;
 * - saml-holder-of-key: a SAML 2.0 holder-of-key assertion for the client's certificate (lib/saml.js) in
 *   WSSecurityCert's appendElement; the client's signature over Body and Timestamp proves possession;
 * - saml-sender-vouches: a sender-vouches assertion, signed by WSSecurityCert together with Body and
 *   Timestamp (additionalReferences), by its own ID attribute: node-soap's plain Id mode, because a
 *   wsu:Id added to the assertion would break the issuer's signature;
 * - saml-bearer: a bearer assertion with a Timestamp, nothing signed by the client (BearerAssertion);
 * - none: no security at all.
 * With messageId=true the signature of cert, signature-first and username-cert also covers the
 * wsa:MessageID header peer.js adds: node-soap's Timestamp has one-second precision and RSA PKCS#1
 * v1.5 signatures are deterministic, so two identical calls within a second are otherwise the very
 * same message, and a receiver with replay detection rightly refuses the second.
 */
function securityFor(options, read) {
  switch (options.security) {
    case 'none':
      return null;
    case 'cert-library-defaults': {
      const { key, cert } = keyPair(options, read);
      return new WSSecurityCert(key, cert, '');
    }
    case 'cert': {
      const { key, cert } = keyPair(options, read);
      return new WSSecurityCert(key, cert, '', certOptions(options));
    }
    case 'signature-first':
      return new SignatureFirst({ ...options, ...keyPair(options, read) });
    case 'username':
      return new WSSecurity(required(options, 'username'), required(options, 'password'), {
        passwordType: required(options, 'passwordType'),
        mustUnderstand: true,
      });
    case 'username-cert': {
      const { key, cert } = keyPair(options, read);
      const token = new WSSecurity(required(options, 'username'), required(options, 'password'), {
        passwordType: 'PasswordDigest',
        hasTimeStamp: false,
        mustUnderstand: true,
      });
      return new WSSecurityPlusCert(token,
        new WSSecurityCert(key, cert, '', certOptions(options, ['wsse:UsernameToken'])));
    }
    case 'saml-holder-of-key': {
      const { key, cert } = keyPair(options, read);
      return new WSSecurityCert(key, cert, '',
        { ...certOptions(options), appendElement: assertionFor(options, read, 'holder-of-key') });
    }
    case 'saml-sender-vouches': {
      const { key, cert } = keyPair(options, read);
      const vouching = certOptions(options, ['saml2:Assertion']);
      return new WSSecurityCert(key, cert, '', {
        ...vouching,
        signerOptions: {},
        appendElement: assertionFor(options, read, 'sender-vouches'),
      });
    }
    case 'saml-bearer':
      return new BearerAssertion(assertionFor(options, read, 'bearer'));
    default:
      throw new Error(`unknown security profile '${options.security}'`);
  }
}

module.exports = { securityFor };
