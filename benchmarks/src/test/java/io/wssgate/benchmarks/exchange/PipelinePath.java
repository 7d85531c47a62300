package io.wssgate.benchmarks.exchange;

import io.wssgate.PolicyRuntime;
import io.wssgate.InboundOutcome;
import io.wssgate.benchmarks.GateFixture;
import io.wssgate.benchmarks.Messages;
import io.wssgate.benchmarks.Scenario;
import io.wssgate.soap.Delivery;

/**
 * The reference the filter path is read against: the same security work with no transport at
 * all, the core called directly as the filter calls it (validate the HTTP body as it came, the
 * application's answer, then secure it if the policy signs responses). The filter's own cost is
 * the difference; the same answer is built, so only the transport and the exchange around the
 * core differ.
 */
public final class PipelinePath implements ExchangePath {
    private static final Delivery DELIVERY = Delivery.http("http://localhost:8080/app/orders", "127.0.0.1");

    private final PolicyRuntime policy;
    private final boolean securedResponse;
    private long applicationRuns;

    public PipelinePath(Scenario scenario, boolean securedResponse) {
        this.policy = securedResponse ? GateFixture.exchange(scenario) : GateFixture.inbound(scenario);
        this.securedResponse = securedResponse;
    }

    @Override
    public byte[] exchange(byte[] request) throws Exception {
        InboundOutcome outcome = policy.validateHttpBody(request, Messages.CONTENT_TYPE, DELIVERY);
        if (outcome instanceof InboundOutcome.Rejected rejected) {
            throw new RequestRefused(rejected.code().localName(), "the core rejected the request");
        }
        InboundOutcome.Accepted accepted = (InboundOutcome.Accepted) outcome;
        applicationRuns++;
        byte[] answer = Replies.ack(accepted.principal().getName());
        return securedResponse ? policy.secureResponse(answer, accepted.caller()) : answer;
    }

    @Override
    public long applicationRuns() {
        return applicationRuns;
    }
}
