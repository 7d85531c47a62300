package io.wssgate.jaxws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wssgate.WssGate;
import io.wssgate.config.ConfigurationException;
import io.wssgate.testing.TestKeys;
import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.Dispatch;
import jakarta.xml.ws.Service;
import jakarta.xml.ws.handler.Handler;
import jakarta.xml.ws.soap.SOAPBinding;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.namespace.QName;
import javax.xml.transform.Source;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a client port gets its handler: by name, by gate, by annotation; and what is refused. */
class WssGateClientTest {
    static final TestKeys KEYS = TestKeys.create();
    Path config;

    @BeforeEach
    void configure(@TempDir Path dir) throws Exception {
        Path ca = TestKeys.writePem(dir.resolve("ca.pem"), KEYS.ca().certificate());
        config = Files.writeString(dir.resolve("wssgate.yaml"), """
                policies:
                  orders-client:
                    paths: [/client]
                    trust:
                      certificates: [%s]
                """.formatted(ca));
        System.setProperty(ConfigLocation.SYSTEM_PROPERTY, config.toString());
    }

    @AfterEach
    void clear() {
        System.clearProperty(ConfigLocation.SYSTEM_PROPERTY);
    }

    @Test
    void byPolicyNameFromTheDefaultConfiguration() {
        Dispatch<Source> port = newPort();

        assertThat(WssGateClient.secure(port, "orders-client")).isSameAs(port);

        assertThat(chainOf(port)).singleElement().isInstanceOfSatisfying(WssGateHandler.class, h -> {
            assertThat(h.role()).isEqualTo(WssGateHandler.Role.CLIENT);
            assertThat(h.policy().name()).isEqualTo("orders-client");
        });
    }

    @Test
    void withAGateTheApplicationBuilt() {
        WssGate gate = GateRegistry.gate(config.toString(), null);
        Dispatch<Source> port = WssGateClient.secure(newPort(), gate, "orders-client");

        assertThat(chainOf(port)).singleElement().isInstanceOf(WssGateHandler.class);
    }

    @Test
    void securingTwiceKeepsOneHandler() {
        Dispatch<Source> port = WssGateClient.secure(WssGateClient.secure(newPort(), "orders-client"), "orders-client");

        assertThat(chainOf(port)).hasSize(1);
    }

    @Test
    void annotatedFieldsOfAHolder() {
        Holder holder = WssGateClient.secureAnnotated(new Holder(newPort(), newPort()));

        assertThat(chainOf(holder.secured)).singleElement().isInstanceOf(WssGateHandler.class);
        assertThat(chainOf(holder.plain)).isEmpty();
    }

    @Test
    void annotatedFieldStillNullIsRefused() {
        assertThatThrownBy(() -> WssGateClient.secureAnnotated(new Holder(null, null)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("secured is null");
    }

    @Test
    void unknownPolicyIsAConfigurationProblem() {
        assertThatThrownBy(() -> WssGateClient.secure(newPort(), "nobody"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("no policy named 'nobody' (configured: [orders-client])");
    }

    @Test
    void onlyPortsCanBeSecured() {
        assertThatThrownBy(() -> WssGateClient.secure("not a port", "orders-client"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a JAX-WS port");
    }

    @Test
    void handlerChainSubclassFindsItsPolicyTheDefaultWay() {
        // what a @HandlerChain file names on runtimes without the Metro integration
        assertThat(new OrdersClientSecurity().policy().name()).isEqualTo("orders-client");
    }

    /** A Metro Dispatch port (needs no WSDL, unlike a proxy); nothing is sent in these tests. */
    private static Dispatch<Source> newPort() {
        QName port = new QName(WhoAmI.NS, "WhoAmIPort");
        Service service = Service.create(new QName(WhoAmI.NS, "WhoAmIService"));
        service.addPort(port, SOAPBinding.SOAP11HTTP_BINDING, "http://127.0.0.1:1/unused");
        return service.createDispatch(port, Source.class, Service.Mode.PAYLOAD);
    }

    @SuppressWarnings("rawtypes")
    private static java.util.List<Handler> chainOf(Object port) {
        return ((BindingProvider) port).getBinding().getHandlerChain();
    }

    /** As a user declares it for @HandlerChain: a no-argument constructor naming the policy. */
    public static class OrdersClientSecurity extends WssGateHandler {
        public OrdersClientSecurity() {
            super("orders-client", Role.CLIENT);
        }
    }

    static final class Holder {
        @WssGateClient.Secured(policy = "orders-client")
        final Dispatch<Source> secured;
        final Dispatch<Source> plain;

        Holder(Dispatch<Source> secured, Dispatch<Source> plain) {
            this.secured = secured;
            this.plain = plain;
        }
    }
}
