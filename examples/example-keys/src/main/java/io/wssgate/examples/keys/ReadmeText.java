package io.wssgate.examples.keys;

import java.nio.file.Path;
import java.util.List;

/** The README.txt written next to the generated keys: what each file is, and how to use other files instead. */
final class ReadmeText {

    /** A variable the examples' configuration reads, what it names, and what it falls back to. */
    record Variable(String name, String meaning, String fallback) {
    }

    static final List<Variable> VARIABLES = List.of(
            new Variable(ExampleKeys.TRUST_CA_VARIABLE, "PEM of the CA(s) trusted for X.509 message signatures",
                    "<keys dir>/" + ExampleKeys.CA_CERT),
            new Variable(ExampleKeys.IDP_NAME_VARIABLE, "SAML Issuer name that is trusted", ExampleKeys.DEFAULT_IDP_NAME),
            new Variable(ExampleKeys.IDP_CERT_VARIABLE, "PEM of that issuer's signing certificate",
                    "<keys dir>/" + ExampleKeys.IDP_CERT),
            new Variable(ExampleKeys.AUDIENCE_VARIABLE, "SAML audience the service requires", ExampleKeys.DEFAULT_AUDIENCE),
            new Variable(ExampleKeys.SERVER_KEYSTORE_VARIABLE,
                    "PKCS12 with the server key (alias " + ExampleKeys.SERVER_ALIAS + ")",
                    "<keys dir>/" + ExampleKeys.SERVER_KEYSTORE),
            new Variable(ExampleKeys.SERVER_KEYSTORE_PASSWORD_VARIABLE, "password of that PKCS12",
                    ExampleKeys.KEYSTORE_PASSWORD),
            new Variable(ExampleKeys.KEYS_DIR_VARIABLE, "directory of the generated keys (<keys dir>)",
                    ExampleKeys.DEFAULT_KEYS_DIR));

    private ReadmeText() {
    }

    static String describe(Path dir) {
        StringBuilder text = new StringBuilder();
        text.append("WSS Gate example keys - DEMO MATERIAL ONLY, never use these keys in production.\n")
                .append("Generated into ").append(dir).append("\n")
                .append("Every PKCS12 has the password '").append(ExampleKeys.KEYSTORE_PASSWORD)
                .append("'; every *-key.pem is an unencrypted PKCS#8 key.\n\n");
        file(text, ExampleKeys.CA_CERT, "demo CA certificate (" + ExampleKeys.CA_DN + "): the X.509 trust anchor");
        file(text, ExampleKeys.CLIENT_CERT, "client certificate (" + ExampleKeys.CLIENT_DN + "), issued by the CA");
        file(text, ExampleKeys.CLIENT_KEY, "client private key");
        file(text, ExampleKeys.CLIENT_KEYSTORE, "client key + certificate + CA, alias '" + ExampleKeys.CLIENT_ALIAS + "'");
        file(text, ExampleKeys.IDP_CERT, "SAML IdP signing certificate (" + ExampleKeys.IDP_DN + "), self-signed, pinned");
        file(text, ExampleKeys.IDP_KEY, "SAML IdP private key (signs assertions)");
        file(text, ExampleKeys.IDP_KEYSTORE, "IdP key + certificate, alias '" + ExampleKeys.IDP_ALIAS + "'");
        file(text, ExampleKeys.SERVER_CERT, "server certificate (" + ExampleKeys.SERVER_DN + "), issued by the CA");
        file(text, ExampleKeys.SERVER_KEY, "server private key (signs responses, decrypts requests)");
        file(text, ExampleKeys.SERVER_KEYSTORE, "server key + certificate + CA, alias '" + ExampleKeys.SERVER_ALIAS + "'");
        text.append("\nThe examples read these variables (environment variable first, then -D system property),\n")
                .append("so a partner's own files can be tried without rebuilding anything:\n\n");
        for (Variable v : VARIABLES) {
            text.append(String.format("  %-40s %s%n  %-40s default: %s%n", v.name(), v.meaning(), "", v.fallback()));
        }
        text.append("\nIn the examples' YAML: ${").append(ExampleKeys.TRUST_CA_VARIABLE).append(":-${")
                .append(ExampleKeys.KEYS_DIR_VARIABLE).append(":-").append(ExampleKeys.DEFAULT_KEYS_DIR)
                .append("}/").append(ExampleKeys.CA_CERT).append("} and so on.\n")
                .append("Relative paths there resolve against the YAML file's directory: give absolute ones.\n");
        return text.toString();
    }

    private static void file(StringBuilder text, String name, String what) {
        text.append(String.format("  %-16s %s%n", name, what));
    }
}
