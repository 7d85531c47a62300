'use strict';
// A WS-Security peer that is not WSS4J, for WSS Gate's tests: node-soap (its WSSecurity,
// WSSecurityCert and WSSecurityPlusCert) and xml-crypto. Driven by
// io.wssgate.filter.interop.NodePeer; every argument is key=value.
//
//   node peer.js call wsdl=URL endpoint=URL operation=whoami|echo [text=T] security=PROFILE
//        [key=PEM cert=PEM] [username=U password=P passwordType=PasswordDigest|PasswordText]
//        [signatureAlgorithm=URI digestAlgorithm=URI] [soap12=true] [messageId=true]
//        [verifyResponse=CA.pem [c14n=xml-crypto|codepoint]] [saveResponse=FILE]
//   node peer.js verify response=FILE ca=CA.pem [c14n=xml-crypto|codepoint]
//
// Prints key=value lines on stdout. Exit 0: done (a SOAP fault is a result, reported as
// fault.code); 3: the response was refused by the checks in lib/verify.js (reason printed);
// 2: anything else (details on stderr).

const crypto = require('node:crypto');
const fs = require('node:fs');
const soap = require('soap');
const { securityFor } = require('./lib/security');
const { verifySignedResponse, signatureValueOf, securityLayout, faultCode, Refusal } = require('./lib/verify');

const REFUSED = 3;
const HTTP_TIMEOUT_MS = 20000;

function parseArgs(argv) {
  const options = {};
  for (const arg of argv) {
    const eq = arg.indexOf('=');
    if (eq < 1) {
      throw new Error(`argument '${arg}' is not key=value`);
    }
    options[arg.substring(0, eq)] = arg.substring(eq + 1);
  }
  return options;
}

function print(key, value) {
  process.stdout.write(`${key}=${String(value).replace(/\\/g, '\\\\').replace(/\r?\n/g, '\\n')}\n`);
}

function read(path) {
  return fs.readFileSync(path);
}

function printVerification(prefix, verified) {
  print(`${prefix}verified`, true);
  print(`${prefix}signer`, verified.signer);
  print(`${prefix}signature-algorithm`, verified.signatureAlgorithm);
  print(`${prefix}signed`, verified.signed.join(','));
}

async function call(options) {
  const client = await soap.createClientAsync(options.wsdl, {
    endpoint: options.endpoint,
    forceSoap12Headers: options.soap12 === 'true',
  });
  const security = securityFor(options, read);
  if (security) {
    client.setSecurity(security);
  }
  if (options.messageId === 'true') {
    client.addSoapHeader(`<wsa:MessageID xmlns:wsa="http://www.w3.org/2005/08/addressing">urn:uuid:${crypto.randomUUID()}</wsa:MessageID>`);
  }
  let request = null;
  let response = null;
  let status = null;
  client.on('request', (xml) => { request = xml; });
  client.on('response', (body, res) => {
    response = body;
    status = res ? res.status : null;
  });

  const args = options.operation === 'echo' ? { text: options.text } : {};
  let result = null;
  let error = null;
  try {
    [result] = await client[`${options.operation}Async`](args, { timeout: HTTP_TIMEOUT_MS });
  } catch (e) {
    error = e;
    status = status || (e.response && e.response.status);
    if (typeof response !== 'string' && e.response && typeof e.response.data === 'string') {
      response = e.response.data;
    }
  }
  if (request) {
    print('request.layout', securityLayout(request).join(','));
  }
  print('http.status', status);
  if (options.saveResponse && typeof response === 'string') {
    fs.writeFileSync(options.saveResponse, response);
  }
  if (error) {
    const code = typeof response === 'string' ? faultCode(response) : null;
    if (!code) {
      process.stderr.write(`response (HTTP ${status}):\n${typeof response === 'string' ? response : '(none)'}\n`);
      throw error;
    }
    print('fault.code', code);
    return 0;
  }
  print('result', result && result.return !== undefined ? result.return : '');
  if (options.verifyResponse) {
    try {
      const verified = verifySignedResponse(response, read(options.verifyResponse), { c14n: options.c14n });
      printVerification('response.', verified);
      const sent = signatureValueOf(request);
      print('response.confirms-request', sent !== null && verified.confirmations.length === 1
        && verified.confirmations[0].replace(/\s/g, '') === sent);
    } catch (e) {
      if (e instanceof Refusal) {
        print('response.refused', e.message);
        return REFUSED;
      }
      throw e;
    }
  }
  return 0;
}

function verify(options) {
  try {
    const verified = verifySignedResponse(read(options.response).toString('utf8'), read(options.ca), { c14n: options.c14n });
    printVerification('', verified);
    return 0;
  } catch (e) {
    if (e instanceof Refusal) {
      print('refused', e.message);
      return REFUSED;
    }
    throw e;
  }
}

async function main() {
  const [command, ...rest] = process.argv.slice(2);
  const options = parseArgs(rest);
  switch (command) {
    case 'call':
      return call(options);
    case 'verify':
      return verify(options);
    default:
      throw new Error(`unknown command '${command}' (call | verify)`);
  }
}

main().then((code) => { process.exitCode = code; }, (e) => {
  process.stderr.write(`${e && e.stack ? e.stack : e}\n`);
  process.exitCode = 2;
});
