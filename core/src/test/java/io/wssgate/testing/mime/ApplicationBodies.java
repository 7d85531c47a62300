package io.wssgate.testing.mime;

import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.InboundOutcome;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** What the application of an accepted message reads (a MIME package as text), the message then released. */
public final class ApplicationBodies {
    private ApplicationBodies() {
    }

    public static String read(InboundOutcome outcome) {
        assertThat(outcome).isInstanceOf(InboundOutcome.Accepted.class);
        InboundOutcome.Accepted accepted = (InboundOutcome.Accepted) outcome;
        try (InputStream in = accepted.openApplicationBody()) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            accepted.release();
        }
    }
}
