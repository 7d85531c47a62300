package io.wssgate.inbound;

import io.wssgate.WssGate;
import io.wssgate.config.ConfigurationException;
import io.wssgate.config.load.ConfigLoader;
import io.wssgate.testing.TestKeys;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Starts an engine and prints why it refused to start, if it did. */
public final class MissingOpenSamlMain {
    private MissingOpenSamlMain() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("wssgate-no-opensaml");
        Path ca = TestKeys.writePem(dir.resolve("ca.pem"), TestKeys.create().ca().certificate());
        String yaml = "policies:\n  p:\n    paths: [/s/*]\n    trust: {certificates: ['" + ca + "']}\n";
        try (WssGate gate = WssGate.create(ConfigLoader.fromYaml(new StringReader(yaml), dir, name -> Optional.empty()))) {
            System.out.println("started");
        } catch (ConfigurationException e) {
            System.out.println(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
