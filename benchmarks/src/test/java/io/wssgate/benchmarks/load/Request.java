package io.wssgate.benchmarks.load;

/** One request to send: the kind it is reported under, the path, the bytes and the decision expected. */
record Request(String kind, String path, byte[] body, Expectation expected) {
    /**
     * An oversized request is refused after the first {@code max-message-size} bytes: the
     * server answers the fault and closes the connection without reading the rest, so a client
     * still sending may see the connection closed instead of the fault. Either is a refusal.
     */
    boolean mayBeCutOff() {
        return kind.equals("oversized");
    }
}
