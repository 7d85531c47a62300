package io.wssgate.benchmarks.exchange;

import com.sun.xml.ws.api.BindingID;
import com.sun.xml.ws.api.server.WSEndpoint;
import com.sun.xml.ws.transport.http.HttpAdapter;
import io.wssgate.benchmarks.GateFixture;
import io.wssgate.benchmarks.Messages;
import io.wssgate.benchmarks.Scenario;
import java.io.IOException;

/**
 * The JAX-WS endpoint path on Metro, what an endpoint annotated with {@code @WssGateEndpoint}
 * runs, in process: Metro deploys the annotated endpoint (its tubeline decorator, found on the
 * class path as in any deployment, installs WSS Gate's handler and wire codec), and each request
 * goes through Metro's own {@link HttpAdapter} exactly as Metro's servlet hands it over: the codec
 * decodes the wire bytes (WSS Gate validates them before Metro parses anything), the tubeline runs
 * the handler and the endpoint, the handler secures the answer, the codec encodes it. Only the
 * servlet container and the socket are missing ({@link InMemoryConnection}). {@link #unsecured()}
 * is the same without WSS Gate.
 */
public final class MetroPath implements ExchangePath {
    /** The property @WssGateEndpoint reads when it names no configuration itself. */
    private static final String CONFIG_PROPERTY = "wssgate.config";

    private final HttpAdapter adapter;
    private final String servletPath;

    public MetroPath(Scenario scenario) {
        this(scenario == Scenario.X509 ? X509OrdersEndpoint.class : SamlOrdersEndpoint.class,
                "/" + GateFixture.exchangePolicyName(scenario));
    }

    private MetroPath(Class<? extends OrdersEndpoint> implementation, String servletPath) {
        System.setProperty(CONFIG_PROPERTY, GateFixture.configFile().toString());
        WSEndpoint<? extends OrdersEndpoint> endpoint = WSEndpoint.create(implementation, true, null, null, null,
                null, BindingID.parse(implementation).createBinding(), null, null, null, true);
        this.adapter = HttpAdapter.createAlone(endpoint);
        this.servletPath = servletPath;
    }

    /** The same endpoint, deployed the same way, without WSS Gate: Metro's own cost. */
    public static MetroPath unsecured() {
        return new MetroPath(UnsecuredOrdersEndpoint.class, "/orders");
    }

    @Override
    public byte[] exchange(byte[] request) throws IOException, RequestRefused {
        InMemoryConnection connection = new InMemoryConnection(
                new StubRequest("/app", servletPath, "/orders", Messages.CONTENT_TYPE, request));
        adapter.handle(connection);
        byte[] response = connection.responseBody();
        if (connection.getStatus() != 200) {
            throw new RequestRefused(Faults.code(response), "Metro answered HTTP " + connection.getStatus());
        }
        return response;
    }

    @Override
    public long applicationRuns() {
        return OrdersEndpoint.INVOCATIONS.get();
    }
}
