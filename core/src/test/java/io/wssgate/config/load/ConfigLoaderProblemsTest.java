package io.wssgate.config.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.wssgate.config.ConfigProblem;
import io.wssgate.config.ConfigurationException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind of mistake is reported at its exact key path, and all mistakes of a file at once. */
class ConfigLoaderProblemsTest {
    private static final VariableResolver VARS = name -> Optional.ofNullable(Map.of("PW", "secret").get(name));

    @TempDir
    Path dir;

    private List<ConfigProblem> problemsOf(String yaml) {
        return catchThrowableOfType(ConfigurationException.class,
                () -> ConfigLoader.fromYaml(new StringReader(yaml), dir, VARS)).problems();
    }

    /** A valid policy "p" (paths and trust certificates) plus the given policy-level YAML, indented for it. */
    private static String policyWith(String snippet) {
        StringBuilder yaml = new StringBuilder("policies:\n  p:\n");
        if (!snippet.startsWith("paths:")) {
            yaml.append("    paths: [/s/*]\n");
        }
        if (!snippet.startsWith("trust:")) {
            yaml.append("    trust:\n      certificates: [ca.pem]\n");
        }
        snippet.lines().forEach(line -> yaml.append("    ").append(line).append('\n'));
        return yaml.toString();
    }

    static Stream<Arguments> singleProblems() {
        String saml = "saml:\n  issuers: [{name: idp, certificates: [idp.pem]}]\n  audiences: [urn:a]\n";
        String keystore = "trust:\n  keystore:\n    path: t.p12\n";
        return Stream.of(
                arguments("unknown key", "timestamp:\n  maxage: 5m",
                        "policies.p.timestamp.maxage", "unknown key; did you mean max-age?"),
                arguments("unknown policy key", "sign: true", "policies.p.sign", "unknown key"),
                arguments("swapped letters", "trsut:\n  certificates: [ca.pem]",
                        "policies.p.trsut", "unknown key; did you mean trust?"),
                arguments("camel case", "allowWsdlGet: true", "policies.p.allowWsdlGet",
                        "unknown key; did you mean allow-wsdl-get?"),
                arguments("letter missing", "sigature:\n  required: false", "policies.p.sigature",
                        "unknown key; did you mean signature?"),
                arguments("map for a scalar", "timestamp:\n  max-age: {a: 1}",
                        "policies.p.timestamp.max-age", "expected a single value, found a map"),
                arguments("list for a scalar", "allow-wsdl-get: [true]",
                        "policies.p.allow-wsdl-get", "expected a single value, found a list"),
                arguments("scalar for a map", "timestamp: strict",
                        "policies.p.timestamp", "expected a map of keys, found a single value"),
                arguments("map for a list", "roles:\n  certificate-subjects: {subject: CN=x, roles: [a]}",
                        "policies.p.roles.certificate-subjects", "expected a list, found a map"),
                arguments("bad boolean", "allow-wsdl-get: yes",
                        "policies.p.allow-wsdl-get", "invalid boolean 'yes' (use true or false)"),
                arguments("bad integer", "limits:\n  max-depth: ten",
                        "policies.p.limits.max-depth", "invalid integer 'ten'"),
                arguments("bad element bound", "limits:\n  max-elements: lots",
                        "policies.p.limits.max-elements", "invalid integer 'lots'"),
                arguments("zero integer", "signature:\n  algorithms:\n    min-rsa-key-size: 0",
                        "policies.p.signature.algorithms.min-rsa-key-size", "must be greater than 0, was 0"),
                arguments("bad size", "limits:\n  max-message-size: 10 furlongs",
                        "policies.p.limits.max-message-size", "invalid size '10 furlongs' (use bytes or a unit: "
                                + "KB, MB, GB (1000-based), KiB, MiB, GiB (1024-based), e.g. 10MiB)"),
                arguments("zero size", "limits:\n  max-message-size: 0MB",
                        "policies.p.limits.max-message-size", "size must be greater than 0, was '0MB'"),
                arguments("bad duration", "timestamp:\n  max-age: 5 minutes",
                        "policies.p.timestamp.max-age",
                        "invalid duration '5 minutes' (use e.g. 500ms, 30s, 5m, 1h, 1d or ISO-8601 PT5M)"),
                arguments("negative duration", "username-token:\n  future-skew: PT-5M",
                        "policies.p.username-token.future-skew", "duration 'PT-5M' must not be negative"),
                arguments("bad URL pattern", "paths: [/ok/*, services/*]",
                        "policies.p.paths[1]", "invalid URL pattern 'services/*' (use an exact path /a/b, "
                                + "a prefix /a/*, an extension *.svc or /)"),
                arguments("empty list element", "paths: [/a, ~]", "policies.p.paths[1]", "empty list element"),
                arguments("unknown confirmation method", saml + "  confirmation-methods: [holder-of-key, magic]",
                        "policies.p.saml.confirmation-methods[1]",
                        "unknown confirmation method 'magic' (use holder-of-key, sender-vouches or bearer)"),
                arguments("relative recipient", saml + "  recipients: [/services/orders]",
                        "policies.p.saml.recipients[0]", "'/services/orders' is not an absolute http or https URL without fragment (e.g. https://host/services/orders)"),
                arguments("recipient of another scheme", saml + "  recipients: [ftp://host/x]",
                        "policies.p.saml.recipients[0]", "'ftp://host/x' is not an absolute http or https URL without fragment (e.g. https://host/services/orders)"),
                arguments("check-address not a boolean", saml + "  check-address: sometimes",
                        "policies.p.saml.check-address", "invalid boolean 'sometimes' (use true or false)"),
                arguments("unknown replay mode", saml + "  replay: sometimes",
                        "policies.p.saml.replay", "unknown replay mode 'sometimes' (use one-time-use, bearer or all)"),
                arguments("invalid regex", "trust:\n  certificates: [ca.pem]\n  subject-dn-patterns: ['CN=(.*']",
                        "policies.p.trust.subject-dn-patterns[0]", "invalid regular expression 'CN=(.*': Unclosed group"),
                arguments("invalid QName", "signature:\n  parts: [Body, '{urn:x']",
                        "policies.p.signature.parts[1]",
                        "invalid QName '{urn:x' (use Body, Timestamp or a header as {namespace}LocalName)"),
                arguments("empty algorithm list", "signature:\n  algorithms:\n    digest: []",
                        "policies.p.signature.algorithms.digest", "must list at least one algorithm URI"),
                arguments("undefined variable", keystore + "    password: ${NOPE}",
                        "policies.p.trust.keystore.password", "undefined variable NOPE"),
                arguments("unterminated placeholder", "timestamp:\n  max-age: ${PW",
                        "policies.p.timestamp.max-age", "unterminated '${' in value"),
                arguments("password and password-file", keystore + "    password: a\n    password-file: pw.txt",
                        "policies.p.trust.keystore.password", "give either password or password-file, not both"),
                arguments("no password", keystore,
                        "policies.p.trust.keystore.password", "required (or password-file)"),
                arguments("keystore without path", "trust:\n  keystore: {password: x}",
                        "policies.p.trust.keystore.path", "required"),
                arguments("PKCS11 token with a keystore file", keystore + "    password: x\n    type: PKCS11\n"
                        + "    provider-config: t.p12", "policies.p.trust.keystore.path",
                        "a PKCS11 token has no keystore file: give provider-config"),
                arguments("PKCS11 token without provider-config",
                        "trust:\n  keystore:\n    type: PKCS11\n    password: x",
                        "policies.p.trust.keystore.provider-config", "required"),
                arguments("provider-config of a keystore file", keystore + "    password: x\n    provider-config: t.p12",
                        "policies.p.trust.keystore.provider-config", "only for type PKCS11"),
                arguments("PIN of a keystore file", keystore + "    pin: \"1234\"",
                        "policies.p.trust.keystore.pin", "only for type PKCS11 (a keystore file has a password)"),
                arguments("PIN given twice", "trust:\n  keystore:\n    type: PKCS11\n    provider-config: t.p12\n"
                        + "    pin: \"1234\"\n    password: \"1234\"", "policies.p.trust.keystore.pin",
                        "give the PIN once: pin (or pin-file) or password (or password-file)"),
                arguments("PIN and PIN file", "trust:\n  keystore:\n    type: PKCS11\n    provider-config: t.p12\n"
                        + "    pin: \"1234\"\n    pin-file: pw.txt", "policies.p.trust.keystore.pin",
                        "give either pin or pin-file, not both"),
                arguments("CRLs in both places", "trust:\n  certificates: [ca.pem]\n  crls: [a.crl]\n"
                        + "  revocation:\n    crls: [b.crl]", "policies.p.trust.crls",
                        "give the CRLs once: revocation.crls or crls, not both"),
                arguments("OCSP responder not http", "trust:\n  certificates: [ca.pem]\n  revocation:\n"
                        + "    ocsp: { enabled: true, responder-url: ldap://ca.example/ocsp }",
                        "policies.p.trust.revocation.ocsp.responder-url",
                        "an OCSP responder is an http(s) URL, not 'ldap://ca.example/ocsp'"),
                arguments("OCSP zero timeout", "trust:\n  certificates: [ca.pem]\n  revocation:\n"
                        + "    ocsp: { enabled: true, timeout: 0s }",
                        "policies.p.trust.revocation.ocsp.timeout", "must be greater than 0, not '0s'"),
                arguments("unknown revocation preference", "trust:\n  certificates: [ca.pem]\n  revocation:\n"
                        + "    prefer: ldap", "policies.p.trust.revocation.prefer", "unknown value 'ldap' (use ocsp or crl)"),
                arguments("bad keystore type", keystore + "    password: x\n    type: BKS",
                        "policies.p.trust.keystore.type", "unknown keystore type 'BKS' (use PKCS12, JKS or PKCS11)"),
                arguments("saml without issuers", "saml:\n  enabled: true\n  audiences: [urn:a]",
                        "policies.p.saml.issuers", "at least one trusted issuer is required when SAML is enabled"),
                arguments("saml without audiences", "saml:\n  issuers: [{name: idp, certificates: [idp.pem]}]",
                        "policies.p.saml.audiences", "at least one audience is required when SAML is enabled"),
                arguments("issuer without certificates", "saml:\n  issuers: [{name: idp}]\n  audiences: [urn:a]",
                        "policies.p.saml.issuers[0].certificates", "at least one certificate is required"),
                arguments("issuer without name", "saml:\n  issuers: [{certificates: [a.pem]}]\n  audiences: [a]",
                        "policies.p.saml.issuers[0].name", "required"),
                arguments("username-token without passwords", "username-token:\n  enabled: true",
                        "policies.p.username-token", "a UsernameToken policy needs passwords (a properties file) "
                                + "or password-source (a class)"),
                arguments("passwords and password-source",
                        "username-token:\n  passwords: u.properties\n  password-source: a.B",
                        "policies.p.username-token", "give either passwords or password-source, not both"),
                arguments("passwords file missing", "username-token:\n  passwords: users.properties",
                        "policies.p.username-token.passwords", "file not found: " + "%DIR%/users.properties"),
                arguments("password-source class missing", "username-token:\n  password-source: com.example.Nope",
                        "policies.p.username-token.password-source", "class not found: com.example.Nope"),
                arguments("password-source wrong type", "username-token:\n  password-source: java.lang.Object",
                        "policies.p.username-token.password-source",
                        "class java.lang.Object does not implement io.wssgate.spi.PasswordSource"),
                arguments("both decryption key forms",
                        "decryption:\n  key:\n    keystore: {path: k.p12, password: x}\n    alias: a\n"
                                + "    private-key: k.pem\n    certificate: c.pem",
                        "policies.p.decryption.key",
                        "give either keystore and alias or private-key and certificate, not both"),
                arguments("decryption key without alias", "decryption:\n  key:\n    keystore: {path: k.p12, password: x}",
                        "policies.p.decryption.key.alias", "required"),
                arguments("PEM key without certificate", "decryption:\n  key:\n    private-key: k.pem",
                        "policies.p.decryption.key.certificate", "required"),
                arguments("empty decryption key", "decryption:\n  key: {}",
                        "policies.p.decryption.key", "give either keystore and alias or private-key and certificate"),
                arguments("required-parts without a decryption key", "decryption:\n  required-parts: [Body]",
                        "policies.p.decryption.required-parts",
                        "requires decryption.key (the server key the parts are encrypted for)"),
                arguments("required-parts with a part that cannot be encrypted",
                        "decryption:\n  key: {private-key: k.pem, certificate: c.pem}\n  required-parts: [Body, Timestamp]",
                        "policies.p.decryption.required-parts[1]",
                        "invalid part 'Timestamp' (use Body or a header as {namespace}LocalName)"),
                arguments("invalid DN", "roles:\n  certificate-subjects:\n    - subject: not a dn\n      roles: [a]",
                        "policies.p.roles.certificate-subjects[0].subject", "invalid distinguished name 'not a dn'"),
                arguments("role entry without roles", "roles:\n  certificate-subjects:\n    - subject: CN=x",
                        "policies.p.roles.certificate-subjects[0].roles", "at least one role is required"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("singleProblems")
    void reportsTheProblemAtItsKeyPath(String kind, String snippet, String keyPath, String message) {
        List<ConfigProblem> problems = problemsOf(policyWith(snippet));

        assertThat(problems).containsExactly(new ConfigProblem(keyPath, message.replace("%DIR%", dir.toString())));
    }

    @Test
    void policiesAreRequired() {
        assertThat(problemsOf("")).containsExactly(new ConfigProblem("policies", "required: at least one policy"));
        assertThat(problemsOf("policies: {}"))
                .containsExactly(new ConfigProblem("policies", "at least one policy is required"));
        assertThat(problemsOf("- a")).contains(new ConfigProblem("(root)", "expected a map of keys, found a list"));
    }

    @Test
    void aPolicyWithoutAnyMeansOfAuthenticationIsRejected() {
        assertThat(problemsOf("policies:\n  p:\n    paths: [/s/*]\n")).containsExactly(new ConfigProblem(
                "policies.p", "no means of authentication: configure trust, saml or username-token"));
    }

    @Test
    void aUrlPatternBoundTwiceIsRejected() {
        String yaml = policyWith("") + "  q:\n    paths: [/t, /s/*]\n    trust: {certificates: [ca.pem]}\n";

        assertThat(problemsOf(yaml)).containsExactly(new ConfigProblem("policies.q.paths[1]",
                "URL pattern '/s/*' is already bound to policy 'p'"));
    }

    @Test
    void reportsEveryProblemAtOnce() {
        String yaml = """
                policies:
                  a:
                    paths: [bad]
                    timestamp: {max-age: 5 minutes, required: maybe}
                  b:
                    paths: [/b]
                    saml: {enabled: true}
                    trust: {keystore: {path: t.p12, password: "${MISSING}"}}
                """;

        ConfigurationException e = catchThrowableOfType(ConfigurationException.class,
                () -> ConfigLoader.fromYaml(new StringReader(yaml), dir, VARS));

        assertThat(e.problems()).extracting(ConfigProblem::keyPath).containsExactlyInAnyOrder(
                "policies.a.paths[0]", "policies.a.timestamp.max-age", "policies.a.timestamp.required",
                "policies.a", "policies.b.saml.issuers", "policies.b.saml.audiences",
                "policies.b.trust.keystore.password");
        assertThat(e.getMessage()).startsWith("Invalid WSS Gate configuration (7 problems):")
                .contains("policies.b.trust.keystore.password: undefined variable MISSING");
    }

    @Test
    void yamlDuplicateKeysAreRejected() {
        assertThat(problemsOf("policies:\n  p: {}\n  p: {}\n")).singleElement().satisfies(p -> {
            assertThat(p.keyPath()).isEqualTo("(yaml)");
            assertThat(p.message()).contains("line 3").contains("duplicate key p");
        });
    }

    @Test
    void yamlCustomTagsAreRejected() {
        assertThat(problemsOf("policies: !!javax.script.ScriptEngineManager [x]\n")).singleElement()
                .satisfies(p -> assertThat(p.keyPath()).isEqualTo("(yaml)"));
        assertThat(problemsOf("policies: !custom x\n")).singleElement()
                .satisfies(p -> assertThat(p.keyPath()).isEqualTo("(yaml)"));
    }

    @Test
    void yamlAliasBombsAreRejected() {
        StringBuilder yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 12; i++) {
            yaml.append("a").append(i).append(": &a").append(i).append(" [");
            yaml.append(("*a" + (i - 1) + ", ").repeat(8)).append("*a").append(i - 1).append("]\n");
        }
        assertThat(problemsOf(yaml.toString())).singleElement().satisfies(p -> {
            assertThat(p.keyPath()).isEqualTo("(yaml)");
            assertThat(p.message()).containsIgnoringCase("aliases");
        });
    }

    @Test
    void yamlSyntaxErrorsNameTheLine() {
        assertThat(problemsOf("policies:\n  p:\n    paths: [/a\n")).singleElement()
                .satisfies(p -> assertThat(p.message()).startsWith("line "));
    }

    @Test
    void yamlScalarsAreNeverConvertedImplicitly() {
        // YAML 1.1 would read "on" as true and 012 as the octal number 10.
        assertThat(problemsOf(policyWith("allow-wsdl-get: on\nlimits: {max-depth: 0x10}"))).containsExactly(
                new ConfigProblem("policies.p.allow-wsdl-get", "invalid boolean 'on' (use true or false)"),
                new ConfigProblem("policies.p.limits.max-depth", "invalid integer '0x10'"));
    }

    @Test
    void missingYamlFileIsAProblemNotAnIoException() {
        Path missing = dir.resolve("nope.yaml");

        ConfigurationException e = catchThrowableOfType(ConfigurationException.class,
                () -> ConfigLoader.fromYaml(missing, VARS));

        assertThat(e.problems()).containsExactly(new ConfigProblem("(yaml)", "file not found: " + missing));
    }

    @Test
    void passwordFileMissingIsReportedAtThePasswordFileKey() throws Exception {
        Files.writeString(dir.resolve("other.txt"), "x");
        String yaml = policyWith("trust:\n  keystore: {path: t.p12, password-file: pw.txt}");

        assertThat(problemsOf(yaml)).containsExactly(new ConfigProblem("policies.p.trust.keystore.password-file",
                "file not found: " + dir.resolve("pw.txt")));
    }
}
