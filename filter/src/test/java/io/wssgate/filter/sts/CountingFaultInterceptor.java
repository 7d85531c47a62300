package io.wssgate.filter.sts;

import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.ws.security.sts.provider.STSException;

/**
 * First in-interceptor of the STS endpoint: counts every request and, when the test asked for it,
 * answers with a SOAP fault (faultcode {@code wst:RequestFailed}) before security processing.
 */
final class CountingFaultInterceptor extends AbstractPhaseInterceptor<SoapMessage> {

    private final CxfSts sts;

    CountingFaultInterceptor(CxfSts sts) {
        super(Phase.RECEIVE);
        this.sts = sts;
    }

    @Override
    public void handleMessage(SoapMessage message) {
        sts.requests().incrementAndGet();
        if (sts.shouldFault()) {
            throw new SoapFault("The STS fixture was told to fail this request", STSException.REQUEST_FAILED);
        }
    }
}
