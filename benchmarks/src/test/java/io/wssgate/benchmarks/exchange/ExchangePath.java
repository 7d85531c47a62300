package io.wssgate.benchmarks.exchange;

/**
 * One way a secured request reaches an application and its answer goes back: from the request's
 * wire bytes to the response's wire bytes, with everything WSS Gate and the transport do in
 * between. Built once, then called for every request, as a server would.
 */
public interface ExchangePath {

    /**
     * @return the response as it would go on the wire
     * @throws RequestRefused if the request was answered with a fault instead of reaching the application
     */
    byte[] exchange(byte[] request) throws Exception;

    /** How often the application behind this path has run: never for a refused request. */
    long applicationRuns();
}
