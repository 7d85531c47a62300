package io.wssgate.jaxws;

import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.config.Problems;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the configuration is looked for, in order, and what is said when it is nowhere. */
class ConfigLocationTest {
    private final Problems problems = new Problems();

    @AfterEach
    void clearProperties() {
        System.clearProperty(ConfigLocation.SYSTEM_PROPERTY);
        System.clearProperty("wssgate.test.dir");
    }

    @Test
    void explicitFileWinsAndMayUseVariables(@TempDir Path dir) throws Exception {
        System.setProperty(ConfigLocation.SYSTEM_PROPERTY, dir.resolve("ignored.yaml").toString());
        System.setProperty("wssgate.test.dir", dir.toString());

        Optional<ConfigLocation> found = resolve("${wssgate.test.dir}/orders.yaml", emptyLoader(dir));

        assertThat(found).map(ConfigLocation::url).contains(dir.resolve("orders.yaml").toUri().toURL());
        assertThat(problems.isEmpty()).isTrue();
    }

    @Test
    void explicitClasspathResource(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("conf"));
        Files.writeString(dir.resolve("conf/orders.yaml"), "policies: {}");

        Optional<ConfigLocation> found = resolve("classpath:/conf/orders.yaml", loaderOver(dir));

        assertThat(found).map(ConfigLocation::url).contains(dir.resolve("conf/orders.yaml").toUri().toURL());
    }

    @Test
    void missingClasspathResourceIsAProblem(@TempDir Path dir) throws Exception {
        assertThat(resolve("classpath:nowhere.yaml", loaderOver(dir))).isEmpty();
        assertThat(problems.list()).singleElement().hasToString("config: classpath resource not found: nowhere.yaml");
    }

    @Test
    void systemPropertyWhenNothingExplicit(@TempDir Path dir) throws Exception {
        System.setProperty(ConfigLocation.SYSTEM_PROPERTY, dir.resolve("from-property.yaml").toString());
        Files.writeString(dir.resolve(ConfigLocation.DEFAULT_RESOURCE), "policies: {}");

        assertThat(resolve("", loaderOver(dir))).map(ConfigLocation::url)
                .contains(dir.resolve("from-property.yaml").toUri().toURL());
    }

    @Test
    void classpathWssgateYamlLast(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(ConfigLocation.DEFAULT_RESOURCE), "policies: {}");

        Optional<ConfigLocation> found = resolve(null, loaderOver(dir));

        assertThat(found).map(ConfigLocation::url).contains(dir.resolve("wssgate.yaml").toUri().toURL());
        assertThat(found.orElseThrow().origin()).isEqualTo("classpath resource wssgate.yaml");
    }

    @Test
    void nowhereIsAProblemNamingEveryWay(@TempDir Path dir) throws Exception {
        // the environment variable is the one source a test cannot set; CI never sets it
        assertThat(System.getenv(ConfigLocation.ENVIRONMENT)).isNull();

        assertThat(resolve("", loaderOver(dir))).isEmpty();

        assertThat(problems.list()).singleElement().asString()
                .contains("no WSS Gate configuration found", "@WssGateEndpoint(config", "wssgate.config",
                        "WSSGATE_CONFIG", "wssgate.yaml");
    }

    private Optional<ConfigLocation> resolve(String explicit, ClassLoader loader) {
        return ConfigLocation.resolve(explicit, "config", loader, problems);
    }

    /** Only {@code dir}: the test classpath must not leak a wssgate.yaml into these tests. */
    private static ClassLoader loaderOver(Path dir) throws Exception {
        return new URLClassLoader(new URL[] {dir.toUri().toURL()}, null);
    }

    private static ClassLoader emptyLoader(Path dir) throws Exception {
        return new URLClassLoader(new URL[0], null);
    }
}
