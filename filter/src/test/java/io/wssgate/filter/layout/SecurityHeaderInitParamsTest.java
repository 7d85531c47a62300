package io.wssgate.filter.layout;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wssgate.fault.FaultCode;
import io.wssgate.filter.JettyWebApp;
import io.wssgate.testing.TestKeys;
import io.wssgate.testing.layout.HeaderOrders;
import io.wssgate.testing.layout.LayoutExchange;
import io.wssgate.testing.layout.LayoutFixture;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The security-header keys as web.xml init-params (flat keys), as a user declares them without a YAML file. */
class SecurityHeaderInitParamsTest {

    @Test
    void everySecurityHeaderKeyWorksAsAnInitParam(@TempDir Path dir) throws Exception {
        LayoutFixture fixture = LayoutFixture.create(dir);
        Path ca = TestKeys.writePem(dir.resolve("ca.pem"), fixture.keys.ca().certificate());
        Map<String, String> params = new LinkedHashMap<>();
        params.put("policies.gateway.paths", "/gw/*");
        params.put("policies.gateway.trust.certificates", ca.toString());
        params.put("policies.gateway.security-header.actor", LayoutFixture.GATEWAY_ACTOR);
        params.put("policies.gateway.security-header.accept-next", "false");
        params.put("policies.gateway.security-header.layout", "lax-timestamp-last");
        try (JettyWebApp app = JettyWebApp.start(dir, params, LayoutServlet.class)) {
            LayoutExchange exchange = new LayoutExchange(app::uri, LayoutServlet.INVOCATIONS::get,
                    LayoutServlet.PRINCIPALS, response -> response.headers().firstValue("X-Principal").orElse(null));
            byte[] timestampLast = fixture.x509(false).build(); // WSS4J's order ends with the Timestamp

            exchange.assertAccepted("/gw/s", LayoutFixture.addressedTo(timestampLast, LayoutFixture.GATEWAY_ACTOR),
                    LayoutFixture.CLIENT_DN);
            // accept-next: false
            exchange.assertRefused("/gw/s", LayoutFixture.addressedTo(fixture.x509(false).build(),
                    LayoutFixture.next(false)), FaultCode.INVALID_SECURITY);
            // an own actor: the header without actor is someone else's
            exchange.assertRefused("/gw/s", fixture.x509(false).build(), FaultCode.INVALID_SECURITY);
            // layout lax-timestamp-last
            byte[] timestampFirst = HeaderOrders.reorder(fixture.x509(false).build(),
                    List.of("Timestamp", "BinarySecurityToken", "Signature"));
            exchange.assertRefused("/gw/s", LayoutFixture.addressedTo(timestampFirst, LayoutFixture.GATEWAY_ACTOR),
                    FaultCode.INVALID_SECURITY);
        }
    }

    @Test
    void aBadInitParamStopsStartUpNamingItsKey(@TempDir Path dir) throws Exception {
        Path ca = TestKeys.writePem(dir.resolve("ca.pem"), TestKeys.create().ca().certificate());
        Map<String, String> params = new LinkedHashMap<>();
        params.put("policies.gateway.paths", "/gw/*");
        params.put("policies.gateway.trust.certificates", ca.toString());
        params.put("policies.gateway.security-header.layout", "tight");
        params.put("policies.gateway.security-header.actor", "gateway");

        assertThatThrownBy(() -> JettyWebApp.start(dir, params, LayoutServlet.class)).rootCause()
                .hasMessageContaining("policies.gateway.security-header.layout")
                .hasMessageContaining("unknown layout 'tight'")
                .hasMessageContaining("policies.gateway.security-header.actor")
                .hasMessageContaining("actor must be an absolute URI");
    }
}
