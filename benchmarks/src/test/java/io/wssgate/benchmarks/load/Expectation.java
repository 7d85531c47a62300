package io.wssgate.benchmarks.load;

import io.wssgate.fault.FaultCode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What the filter must answer to one request: the application's reply naming exactly this
 * principal, or a fault with exactly this code that neither names a caller nor reached the
 * application.
 */
record Expectation(Optional<String> principal, Optional<FaultCode> fault) {

    static Expectation accepted(String principal) {
        return new Expectation(Optional.of(principal), Optional.empty());
    }

    static Expectation fault(FaultCode code) {
        return new Expectation(Optional.empty(), Optional.of(code));
    }

    /** Empty when the response is the expected decision, else what was wrong. */
    Optional<String> mismatch(HttpResponse<byte[]> response) {
        String body = new String(response.body(), StandardCharsets.UTF_8);
        if (principal.isPresent()) {
            String expected = "<r:caller xmlns:r=\"urn:wssgate:load\">" + principal.get() + "</r:caller>";
            return response.statusCode() == 200 && body.contains(expected) ? Optional.empty()
                    : Optional.of("expected 200 for " + principal.get() + ", got " + response.statusCode() + ": "
                            + abbreviate(body));
        }
        String code = "wsse:" + fault.orElseThrow().localName() + "<";
        boolean right = response.statusCode() == 500 && body.contains(code) && !body.contains("r:caller");
        return right ? Optional.empty() : Optional.of("expected fault " + fault.get().localName() + ", got "
                + response.statusCode() + ": " + abbreviate(body));
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }
}
