package io.wssgate.config.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wssgate.config.KeyStoreConfig;
import io.wssgate.config.PolicyConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ${VAR} placeholders, secrets from files and relative paths. */
class VariablesTest {
    private static final VariableResolver VARS =
            name -> Optional.ofNullable(Map.of("HOST", "idp.example.com", "PW", " pa ss ").get(name));

    @TempDir
    Path dir;

    @Test
    void placeholdersUseTheResolverThenTheDefault() {
        Interpolator interpolator = new Interpolator(VARS);

        assertThat(interpolator.apply("https://${HOST}/idp")).isEqualTo("https://idp.example.com/idp");
        assertThat(interpolator.apply("${PORT:-8443}")).isEqualTo("8443");
        assertThat(interpolator.apply("${HOST:-other}")).isEqualTo("idp.example.com");
        assertThat(interpolator.apply("${EMPTY:-}")).isEmpty();
        assertThat(interpolator.apply("a$${HOST}b")).isEqualTo("a${HOST}b");
        assertThat(interpolator.apply("cost: $5")).isEqualTo("cost: $5");
        assertThatThrownBy(() -> interpolator.apply("${NOPE}")).hasMessage("undefined variable NOPE");
        assertThatThrownBy(() -> interpolator.apply("${}")).hasMessage("empty variable name in '${}'");
    }

    /** Spring's {@code ${NAME:default}}, as copied from an application.yml, means the same as the shell's form. */
    @Test
    void springsDefaultSyntaxIsAcceptedToo() {
        Interpolator interpolator = new Interpolator(VARS);

        assertThat(interpolator.apply("${PORT:8443}")).isEqualTo("8443");
        assertThat(interpolator.apply("${HOST:other}")).isEqualTo("idp.example.com");
        assertThat(interpolator.apply("${IDP:https://idp.example.com:8443/x}")).isEqualTo("https://idp.example.com:8443/x");
        assertThat(interpolator.apply("${CA:${DIR:keys}/ca.pem}")).isEqualTo("keys/ca.pem");
        assertThat(interpolator.apply("${EMPTY:}")).isEmpty();
        // where both could apply, ":-" is the shell's: the default is what follows it
        assertThat(interpolator.apply("${N:-5}")).isEqualTo("5");
    }

    @Test
    void anUndefinedVariableIsReportedWithTheKeyThatUsesIt() {
        String yaml = "policies:\n  p:\n    paths: /s/*\n    trust: {certificates: '${PKI_DIR}/ca.pem'}\n";

        assertThatThrownBy(() -> ConfigLoader.fromYaml(new java.io.StringReader(yaml), dir, VARS))
                .hasMessageContaining("policies.p.trust.certificates: undefined variable PKI_DIR");
    }

    @Test
    void aDefaultMayItselfUsePlaceholdersAndIsExpandedOnlyWhenUsed() {
        Interpolator interpolator = new Interpolator(VARS);

        assertThat(interpolator.apply("${CA:-${DIR:-keys}/ca.pem}")).isEqualTo("keys/ca.pem");
        assertThat(interpolator.apply("${CA:-${HOST}/ca.pem} and ${PORT:-80}")).isEqualTo("idp.example.com/ca.pem and 80");
        assertThat(interpolator.apply("${HOST:-${NOPE}}")).isEqualTo("idp.example.com");
        assertThat(interpolator.apply("${A:-$${B}}")).isEqualTo("${B}");
        assertThatThrownBy(() -> interpolator.apply("${CA:-${NOPE}/ca.pem}")).hasMessage("undefined variable NOPE");
        assertThatThrownBy(() -> interpolator.apply("${CA:-${DIR:-keys}/ca.pem")).hasMessage("unterminated '${' in value");
    }

    @Test
    void systemResolverReadsEnvironmentThenSystemProperties() {
        VariableResolver system = VariableResolver.system();

        assertThat(system.lookup("java.version")).hasValue(System.getProperty("java.version"));
        System.getenv().entrySet().stream().findFirst()
                .ifPresent(e -> assertThat(system.lookup(e.getKey())).hasValue(e.getValue()));
        assertThat(system.lookup("WSSGATE_SURELY_UNDEFINED_" + System.nanoTime())).isEmpty();
    }

    @Test
    void secretsComeFromVariablesUntrimmedOrFromFilesWithoutTrailingNewline() throws Exception {
        Files.createDirectories(dir.resolve("secrets"));
        Files.writeString(dir.resolve("secrets/key.pw"), "from-file\n\n");
        String yaml = """
                policies:
                  p:
                    paths: [/s/*]
                    trust:
                      keystore: {path: stores/trust.p12, password: "${PW}"}
                    decryption:
                      key:
                        keystore: {path: /abs/server.p12, password-file: secrets/key.pw}
                        alias: server
                """;

        PolicyConfig p = ConfigLoader.fromYaml(new java.io.StringReader(yaml), dir, VARS).policies().get(0);

        KeyStoreConfig trust = p.trust().keystore().orElseThrow();
        assertThat(trust.path()).isEqualTo(dir.resolve("stores/trust.p12"));
        assertThat(trust.password().asString()).isEqualTo(" pa ss ");
        assertThat(trust.type()).isEqualTo("PKCS12");
        var entry = (io.wssgate.config.KeySource.KeyStoreEntry) p.decryption().key().orElseThrow();
        assertThat(entry.keystore().path()).isEqualTo(Path.of("/abs/server.p12"));
        assertThat(entry.keystore().password().asString()).isEqualTo("from-file");
        assertThat(entry.keyPassword()).isEmpty();
    }

    @Test
    void yamlFileResolvesRelativePathsAgainstItsDirectory() throws Exception {
        Path conf = Files.createDirectories(dir.resolve("conf"));
        Path file = Files.writeString(conf.resolve("wssgate.yaml"),
                "policies:\n  p:\n    paths: /s/*\n    trust: {certificates: ../pki/ca.pem}\n");

        PolicyConfig p = ConfigLoader.fromYaml(file, VARS).policies().get(0);

        assertThat(p.trust().certificates()).containsExactly(dir.resolve("pki/ca.pem"));
    }

    @Test
    void passwordsFileValuesMayUsePlaceholders() throws Exception {
        Files.writeString(dir.resolve("users.properties"), "alice=${PW}\nbob=plain\ncarol=${MISSING}\n");
        String yaml = "policies:\n  p:\n    paths: /s/*\n    username-token: {enabled: true, passwords: users.properties}\n";

        assertThatThrownBy(() -> ConfigLoader.fromYaml(new java.io.StringReader(yaml), dir, VARS))
                .hasMessageContaining("policies.p.username-token.passwords: undefined variable MISSING "
                        + "(password of user 'carol' in " + dir.resolve("users.properties") + ")");

        Files.writeString(dir.resolve("users.properties"), "alice=${PW}\nbob=plain\n");
        var source = ConfigLoader.fromYaml(new java.io.StringReader(yaml), dir, VARS).policies().get(0)
                .usernameToken().passwordSource().orElseThrow();
        assertThat(source.passwordOf("alice")).hasValueSatisfying(pw -> assertThat(pw).containsExactly(
                ' ', 'p', 'a', ' ', 's', 's', ' '));
        assertThat(source.passwordOf("bob")).hasValueSatisfying(pw -> assertThat(new String(pw)).isEqualTo("plain"));
        assertThat(source.passwordOf("mallory")).isEmpty();
        assertThat(source.toString()).doesNotContain("plain");
    }
}
