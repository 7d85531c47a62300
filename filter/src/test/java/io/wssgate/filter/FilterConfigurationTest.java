package io.wssgate.filter;

import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.config.Problems;
import io.wssgate.config.WssGateConfig;
import io.wssgate.testing.TestKeys;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import java.io.ByteArrayInputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the filter finds its {@code config-file} when the container gives it no file on disk. */
class FilterConfigurationTest {

    /**
     * A filter config as a container running the WAR packed gives it: the one init-param, no real
     * path for anything inside the WAR, and {@code resource} (when not null) readable as a stream.
     */
    private static FilterConfig packedWar(String configFile, String resource, String content) {
        ServletContext context = stub(ServletContext.class, (method, args) -> switch (method) {
            case "getRealPath" -> null;
            case "getResourceAsStream" -> args[0].equals(resource) && content != null
                    ? new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)) : null;
            default -> throw new UnsupportedOperationException(method);
        });
        return stub(FilterConfig.class, (method, args) -> switch (method) {
            case "getServletContext" -> context;
            case "getInitParameterNames" -> Collections.enumeration(List.of("config-file"));
            case "getInitParameter" -> args[0].equals("config-file") ? configFile : null;
            default -> throw new UnsupportedOperationException(method);
        });
    }

    private static <T> T stub(Class<T> type, BiFunction<String, Object[], Object> answer) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> answer.apply(method.getName(), args)));
    }

    @Test
    void aConfigFileInsideAPackedWarIsReadAsAResource(@TempDir Path dir) throws Exception {
        Path ca = TestKeys.writePem(dir.resolve("ca.pem"), TestKeys.create().ca().certificate());
        Problems problems = new Problems();

        WssGateConfig config = FilterConfiguration.load(packedWar("/WEB-INF/wssgate.yaml", "/WEB-INF/wssgate.yaml", """
                policies:
                  packed:
                    paths: [/services/*]
                    trust: { certificates: [%s] }
                """.formatted(ca)), problems);

        assertThat(problems.list()).isEmpty();
        assertThat(config.policies()).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("packed");
            assertThat(p.trust().certificates()).containsExactly(ca);
        });
    }

    @Test
    void aConfigFileFoundNowhereIsAProblemAtItsKey() {
        Problems problems = new Problems();

        FilterConfiguration.load(packedWar("/WEB-INF/missing.yaml", "/WEB-INF/missing.yaml", null), problems);

        assertThat(problems.list()).singleElement().satisfies(p -> {
            assertThat(p.keyPath()).isEqualTo("config-file");
            assertThat(p.message()).isEqualTo("file not found: /WEB-INF/missing.yaml");
        });
    }
}
