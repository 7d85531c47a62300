package io.wssgate.spring.parity;

import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.soap.SoapVersion;
import io.wssgate.testing.parity.GateUnderTest;
import io.wssgate.testing.parity.Scenario;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@link SpringWsParityApp} started for a {@link Scenario}: the scenario's WSS Gate YAML imported
 * as the starter's {@code wssgate.*} properties, and each path served by the Spring-WS servlet of
 * its SOAP version.
 */
record SpringWsServer(ConfigurableApplicationContext context, int port) implements GateUnderTest {

    static SpringWsServer start(Scenario scenario, Path dir, String... moreArguments) throws IOException {
        Path properties = Files.writeString(dir.resolve("application-parity.yml"), asSpringProperties(scenario.config()));
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--server.address=127.0.0.1",
                "--spring.config.import=file:" + properties,
                "--" + SpringWsParityApp.SOAP11_PATHS + "=" + paths(scenario, SoapVersion.SOAP_11),
                "--" + SpringWsParityApp.SOAP12_PATHS + "=" + paths(scenario, SoapVersion.SOAP_12)));
        arguments.addAll(List.of(moreArguments));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(SpringWsParityApp.class)
                .run(arguments.toArray(String[]::new));
        return new SpringWsServer(context, Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port")));
    }

    /** The WSS Gate YAML under the starter's {@code wssgate:} prefix: the same keys, as Spring properties. */
    static String asSpringProperties(Path wssGateYaml) throws IOException {
        return "wssgate:\n" + Files.readAllLines(wssGateYaml).stream().map(line -> "  " + line)
                .collect(Collectors.joining("\n")) + "\n";
    }

    private static String paths(Scenario scenario, SoapVersion version) {
        return scenario.endpoints().entrySet().stream().filter(e -> e.getValue().version() == version)
                .map(Map.Entry::getKey).collect(Collectors.joining(","));
    }

    @Override
    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    @Override
    public int invocations() {
        return SpringWsParityApp.INVOCATIONS.get();
    }

    @Override
    public List<String> principals() {
        return SpringWsParityApp.PRINCIPALS;
    }

    @Override
    public void assertNoCallerIn(HttpResponse<byte[]> refusal) {
        assertThat(new String(refusal.body(), StandardCharsets.UTF_8)).doesNotContain("principal=");
    }

    @Override
    public void close() {
        context.close();
    }
}
