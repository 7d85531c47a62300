package io.wssgate.benchmarks.exchange;

import io.wssgate.InboundOutcome;
import io.wssgate.benchmarks.GateFixture;
import io.wssgate.benchmarks.Messages;
import io.wssgate.benchmarks.Scenario;
import io.wssgate.benchmarks.Tamper;
import io.wssgate.identity.CurrentCaller;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * What every exchange benchmark's setup proves before a single measurement, so none can time a
 * no-op or a fault: the valid request reaches the application exactly once, as its caller, and
 * its answer comes back (signed by the server, and passing our strict inbound pipeline, when the
 * path secures responses; byte for byte the application's answer when it does not); the same
 * request with one Body byte changed is refused with {@code wsse:FailedCheck} and never reaches
 * the application; and no caller is left current on the thread afterwards.
 */
public final class ExchangeProofs {
    private static final String TAMPERED_FAULT = "FailedCheck";

    private ExchangeProofs() {
    }

    public static void prove(String name, ExchangePath path, Scenario scenario, byte[] valid, boolean securedResponse)
            throws Exception {
        String caller = callerOf(scenario, valid);
        long runs = path.applicationRuns();
        byte[] response;
        try {
            response = path.exchange(valid);
        } catch (RequestRefused e) {
            throw new IllegalStateException(name + " refused a valid request: " + e.getMessage(), e);
        }
        check(path.applicationRuns() == runs + 1, name + ": the application did not run exactly once");
        check(CurrentCaller.get().isEmpty(), name + ": the caller stayed current after the exchange");
        check(new String(response, StandardCharsets.UTF_8).contains(Replies.escape(caller)),
                name + ": the answer does not name the caller " + caller);
        if (securedResponse) {
            provesSigned(name, response);
        } else {
            check(Arrays.equals(response, Replies.ack(caller)), name + ": the answer is not the application's");
        }

        runs = path.applicationRuns();
        try {
            path.exchange(Tamper.oneBodyByte(valid));
            throw new IllegalStateException(name + " accepted a request whose Body was tampered with");
        } catch (RequestRefused expected) {
            check(TAMPERED_FAULT.equals(expected.faultCode()),
                    name + ": a tampered request got " + expected.faultCode() + ", not " + TAMPERED_FAULT);
        }
        check(path.applicationRuns() == runs, name + ": the application ran for a tampered request");
        check(CurrentCaller.get().isEmpty(), name + ": a caller was left current after a refused request");
    }

    /**
     * For a path without WSS Gate (the reference the secured ones are read against): the request
     * reaches the application exactly once and its acknowledgement comes back, unsigned.
     */
    public static void proveUnsecured(String name, ExchangePath path, byte[] request) throws Exception {
        long runs = path.applicationRuns();
        String response = new String(path.exchange(request), StandardCharsets.UTF_8);
        check(path.applicationRuns() == runs + 1, name + ": the application did not run exactly once");
        check(response.contains(">" + UnsecuredOrdersEndpoint.ANONYMOUS + "<") && response.contains(">accepted<"),
                name + ": the answer is not the application's acknowledgement: " + response);
        check(!response.contains("Security"), name + ": the answer carries a security header");
    }

    /** Who our pipeline says sent the request: the name the application must be given. */
    private static String callerOf(Scenario scenario, byte[] request) {
        InboundOutcome outcome = GateFixture.inbound(scenario).validate(request, Messages.CONTENT_TYPE);
        check(outcome instanceof InboundOutcome.Accepted, "the " + scenario + " request itself is not valid: " + outcome);
        return ((InboundOutcome.Accepted) outcome).principal().getName();
    }

    /** Signed by the server's key: our X.509 inbound policy accepts it, and refuses a tampered copy. */
    private static void provesSigned(String name, byte[] response) {
        InboundOutcome outcome = GateFixture.inbound(Scenario.X509).validate(response, Messages.CONTENT_TYPE);
        check(outcome instanceof InboundOutcome.Accepted accepted
                        && accepted.principal().getName().startsWith("CN=server,"),
                name + ": the answer is not signed by the server: " + outcome);
        check(GateFixture.inbound(Scenario.X509).validate(Tamper.oneBodyByte(response), Messages.CONTENT_TYPE)
                instanceof InboundOutcome.Rejected, name + ": a tampered copy of the signed answer passes");
    }

    private static void check(boolean condition, String failure) {
        if (!condition) {
            throw new IllegalStateException(failure);
        }
    }
}
