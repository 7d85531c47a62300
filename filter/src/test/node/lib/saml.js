'use strict';
// node-soap has no SAML token support. What a Node developer can do is write the SAML 2.0
// assertion as XML, let xml-crypto sign it as the IdP would (enveloped signature after the
// Issuer, RSA-SHA256, exclusive C14N, referenced by its ID attribute), and hand it to node-soap
// (WSSecurityCert's appendElement, or a SOAP header of its own).

const crypto = require('node:crypto');
const { SignedXml } = require('xml-crypto');
const { NS, ALG } = require('./constants');

const SAML2 = 'urn:oasis:names:tc:SAML:2.0:assertion';
const ENVELOPED = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature';
const METHODS = {
  'holder-of-key': 'urn:oasis:names:tc:SAML:2.0:cm:holder-of-key',
  'sender-vouches': 'urn:oasis:names:tc:SAML:2.0:cm:sender-vouches',
  bearer: 'urn:oasis:names:tc:SAML:2.0:cm:bearer',
};

function xmlDateTime(date) {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function escape(text) {
  return String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
}

function bareCertificate(pem) {
  return pem.toString().replace(/-----(BEGIN|END) CERTIFICATE-----|\s/g, '');
}

/**
 * A signed SAML 2.0 assertion as an XML string. confirmation: holder-of-key (the subject key is
 * subjectCert), sender-vouches or bearer; roles: values of the attribute 'role'.
 */
function signedAssertion({ issuer, issuerKey, issuerCert, subject, confirmation, subjectCert, audience, roles }) {
  const method = METHODS[confirmation];
  if (!method) {
    throw new Error(`unknown SAML confirmation method '${confirmation}'`);
  }
  const now = new Date();
  const instant = xmlDateTime(now);
  const notBefore = xmlDateTime(new Date(now.getTime() - 60000));
  const notOnOrAfter = xmlDateTime(new Date(now.getTime() + 5 * 60000));
  const id = `_${crypto.randomUUID()}`;
  const confirmationData = confirmation === 'holder-of-key'
    ? `<saml2:SubjectConfirmationData xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="saml2:KeyInfoConfirmationDataType">` +
      `<ds:KeyInfo xmlns:ds="${NS.ds}"><ds:X509Data><ds:X509Certificate>${bareCertificate(subjectCert)}</ds:X509Certificate>` +
      `</ds:X509Data></ds:KeyInfo></saml2:SubjectConfirmationData>`
    : confirmation === 'bearer'
      // the SAML 2.0 bearer profile bounds the confirmation itself (WSS Gate requires it)
      ? `<saml2:SubjectConfirmationData NotOnOrAfter="${notOnOrAfter}"/>`
      : '';
  const attributes = (roles || []).map((r) => `<saml2:AttributeValue>${escape(r)}</saml2:AttributeValue>`).join('');
  const assertion =
    `<saml2:Assertion xmlns:saml2="${SAML2}" ID="${id}" IssueInstant="${instant}" Version="2.0">` +
    `<saml2:Issuer>${escape(issuer)}</saml2:Issuer>` +
    `<saml2:Subject><saml2:NameID Format="urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified">${escape(subject)}</saml2:NameID>` +
    `<saml2:SubjectConfirmation Method="${method}">${confirmationData}</saml2:SubjectConfirmation></saml2:Subject>` +
    `<saml2:Conditions NotBefore="${notBefore}" NotOnOrAfter="${notOnOrAfter}">` +
    `<saml2:AudienceRestriction><saml2:Audience>${escape(audience)}</saml2:Audience></saml2:AudienceRestriction>` +
    `</saml2:Conditions>` +
    `<saml2:AuthnStatement AuthnInstant="${instant}"><saml2:AuthnContext>` +
    `<saml2:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:unspecified</saml2:AuthnContextClassRef>` +
    `</saml2:AuthnContext></saml2:AuthnStatement>` +
    (attributes ? `<saml2:AttributeStatement><saml2:Attribute Name="role">${attributes}</saml2:Attribute></saml2:AttributeStatement>` : '') +
    `</saml2:Assertion>`;

  const signer = new SignedXml({
    privateKey: issuerKey,
    publicCert: issuerCert,
    idAttribute: 'ID',
    signatureAlgorithm: ALG.rsaSha256,
    canonicalizationAlgorithm: ALG.excC14n,
  });
  signer.addReference({
    xpath: "/*[local-name()='Assertion']",
    transforms: [ENVELOPED, ALG.excC14n],
    digestAlgorithm: ALG.sha256,
  });
  signer.computeSignature(assertion, {
    prefix: 'ds',
    location: { reference: "/*[local-name()='Assertion']/*[local-name()='Issuer']", action: 'after' },
  });
  return signer.getSignedXml();
}

module.exports = { signedAssertion };
