package io.wssgate.jaxws;

import jakarta.jws.WebService;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Policy "enc" of the attack fixture; answers with the Routing header and the text it was given. */
@WebService(serviceName = "RoutedService", portName = "RoutedPort", targetNamespace = WhoAmI.NS,
        endpointInterface = "io.wssgate.jaxws.Routed")
@WssGateEndpoint(policy = "enc")
public class RoutedEndpoint implements Routed {
    static final List<String> CALLS = new CopyOnWriteArrayList<>();

    @Override
    public String echo(String text, String routing) {
        String call = "routing=" + routing + ";text=" + text;
        CALLS.add(call);
        return call;
    }
}
