package io.wssgate.filter.interop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Our YAML configuration written to a file and named by the {@code wssgate.config} system
 * property while open, which is how {@code @WssGateEndpoint} and {@code WssGateClient.secure(port, name)}
 * find it in an application that passes no explicit location.
 */
final class ConfigProperty implements AutoCloseable {
    private static final String NAME = "wssgate.config";
    final Path file;

    private ConfigProperty(Path file) {
        this.file = file;
    }

    static ConfigProperty install(Path dir, InteropKeys keys) throws IOException {
        Path file = Files.writeString(dir.resolve("wssgate.yaml"), GateConfig.yaml(keys));
        System.setProperty(NAME, file.toString());
        return new ConfigProperty(file);
    }

    @Override
    public void close() {
        System.clearProperty(NAME);
    }
}
