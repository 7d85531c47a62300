package io.wssgate.examples.boot;

import io.wssgate.spring.ws.WssGateSpringWs;
import java.net.URI;
import java.util.List;
import javax.xml.transform.dom.DOMResult;
import org.springframework.ws.client.core.WebServiceTemplate;
import org.springframework.ws.client.support.interceptor.ClientInterceptor;
import org.springframework.xml.transform.StringSource;

/**
 * A caller of the service as a Spring application writes one: a {@code WebServiceTemplate} whose
 * only WS-Security set-up is WSS Gate's interceptor for a client policy of {@code application.yml}.
 * Requests are secured by that policy; answers, faults included, are validated with it.
 */
public final class WhoAmIClient {
    private final WebServiceTemplate template;

    /**
     * @param policy  the client policy, e.g. {@code alice}
     * @param service the service address, e.g. {@code http://localhost:8080/services}
     */
    public WhoAmIClient(WssGateSpringWs wssGate, String policy, URI service) {
        this.template = new WebServiceTemplate();
        template.setDefaultUri(service.toString());
        template.setInterceptors(new ClientInterceptor[] {wssGate.interceptor(policy)});
    }

    /** Who the service says the caller is. */
    public Answer whoami() {
        DOMResult result = call("whoami");
        return new Answer(ExampleXml.texts(result.getNode(), "principal").get(0), ExampleXml.texts(result.getNode(), "role"));
    }

    /**
     * The report only admins may read; a caller without the role gets a
     * {@link org.springframework.ws.soap.client.SoapFaultClientException}.
     */
    public String adminReport() {
        return ExampleXml.texts(call("adminReport").getNode(), "report").get(0);
    }

    private DOMResult call(String operation) {
        DOMResult result = new DOMResult();
        template.sendSourceAndReceiveToResult(new StringSource(ExampleXml.request(operation)), result);
        return result;
    }

    /** The {@code whoamiResponse}. */
    public record Answer(String principal, List<String> roles) {
        public Answer {
            roles = List.copyOf(roles);
        }
    }
}
