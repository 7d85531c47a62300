package io.wssgate.config.load;

import io.wssgate.config.CaptureConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Binds {@code diagnostics}: the capture of rejected requests, off unless a directory is given. */
final class DiagnosticsBinder {
    private DiagnosticsBinder() {
    }

    static Optional<CaptureConfig> captureRejected(Node diagnostics) {
        if (!diagnostics.expectMap()) {
            return Optional.empty();
        }
        Node capture = diagnostics.get("capture-rejected");
        if (!capture.expectMap()) {
            return Optional.empty();
        }
        Optional<Path> directory = capture.get("directory").requiredFile();
        int maxFiles = capture.get("max-files").parse(ValueParsers::positiveInt).orElse(CaptureConfig.DEFAULT_MAX_FILES);
        Duration maxAge = capture.get("max-age").parse(DiagnosticsBinder::positiveDuration)
                .orElse(CaptureConfig.DEFAULT_MAX_AGE);
        boolean redact = capture.get("redact-body").parse(ValueParsers::bool).orElse(true);
        return directory.map(d -> new CaptureConfig(d, maxFiles, maxAge, redact));
    }

    private static Duration positiveDuration(String text) {
        Duration d = ValueParsers.duration(text);
        if (d.isZero()) {
            throw new IllegalArgumentException("must be longer than 0");
        }
        return d;
    }
}
