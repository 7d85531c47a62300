package io.wssgate.jaxws.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.soap.SoapVersion;
import io.wssgate.jaxws.MetroWebApp;
import io.wssgate.testing.parity.GateUnderTest;
import io.wssgate.testing.parity.Integration;
import io.wssgate.testing.parity.ParitySuite;
import io.wssgate.testing.parity.Scenario;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every attack of every catalogue, sent over HTTP to Metro endpoints secured by
 * {@code @WssGateEndpoint} on Jetty 12 (one endpoint per attacked path, the same YAML as the
 * filter suite): the filter's answer, the endpoint never invoked and no principal seen. Where
 * Metro answers before WSS Gate runs (HTTP methods it never decodes a message from), the case
 * names that answer for {@link Integration#JAXWS_METRO}. The valid baseline of every path is
 * accepted with its principal.
 */
class EndpointAttackSuiteTest extends ParitySuite {
    /** Read by the handler when Metro deploys the endpoints (the annotations only name their policy). */
    private static final String CONFIG_PROPERTY = "wssgate.config";

    /**
     * The endpoint class for each policy and SOAP version: an annotation names its policy, so a
     * scenario with other policies adds its classes here (each an empty subclass of AttackedEndpoint).
     */
    private static final Map<Scenario.Endpoint, Class<? extends AttackedEndpoint>> ENDPOINTS = Map.ofEntries(
            Map.entry(new Scenario.Endpoint("x509", SoapVersion.SOAP_11), X509Endpoint.class),
            Map.entry(new Scenario.Endpoint("x509", SoapVersion.SOAP_12), X509Soap12Endpoint.class),
            Map.entry(new Scenario.Endpoint("saml", SoapVersion.SOAP_11), SamlEndpoint.class),
            Map.entry(new Scenario.Endpoint("saml", SoapVersion.SOAP_12), SamlSoap12Endpoint.class),
            Map.entry(new Scenario.Endpoint("bearer", SoapVersion.SOAP_11), BearerEndpoint.class),
            Map.entry(new Scenario.Endpoint("bearer", SoapVersion.SOAP_12), BearerSoap12Endpoint.class),
            Map.entry(new Scenario.Endpoint("ut", SoapVersion.SOAP_11), UtEndpoint.class),
            Map.entry(new Scenario.Endpoint("ut", SoapVersion.SOAP_12), UtSoap12Endpoint.class),
            Map.entry(new Scenario.Endpoint("enc", SoapVersion.SOAP_11), EncEndpoint.class),
            Map.entry(new Scenario.Endpoint("swa", SoapVersion.SOAP_11), SwaEndpoint.class),
            Map.entry(new Scenario.Endpoint("enc", SoapVersion.SOAP_12), EncSoap12Endpoint.class),
            Map.entry(new Scenario.Endpoint("encsaml", SoapVersion.SOAP_11), EncSamlEndpoint.class),
            Map.entry(new Scenario.Endpoint("encsaml", SoapVersion.SOAP_12), EncSamlSoap12Endpoint.class),
            Map.entry(new Scenario.Endpoint("ops", SoapVersion.SOAP_11), OpsEndpoint.class),
            Map.entry(new Scenario.Endpoint("ops", SoapVersion.SOAP_12), OpsSoap12Endpoint.class),
            Map.entry(new Scenario.Endpoint("opsaction", SoapVersion.SOAP_11), OpsActionEndpoint.class),
            Map.entry(new Scenario.Endpoint("opsaction", SoapVersion.SOAP_12), OpsActionSoap12Endpoint.class),
            Map.entry(new Scenario.Endpoint("opswsa", SoapVersion.SOAP_11), OpsWsaEndpoint.class),
            Map.entry(new Scenario.Endpoint("authz", SoapVersion.SOAP_11), AuthzEndpoint.class),
            // the layout scenario's policies
            Map.entry(new Scenario.Endpoint("lax", SoapVersion.SOAP_11), LaxEndpoint.class),
            Map.entry(new Scenario.Endpoint("lax", SoapVersion.SOAP_12), LaxSoap12Endpoint.class),
            Map.entry(new Scenario.Endpoint("strict", SoapVersion.SOAP_11), StrictEndpoint.class),
            Map.entry(new Scenario.Endpoint("ts-first", SoapVersion.SOAP_11), TsFirstEndpoint.class),
            Map.entry(new Scenario.Endpoint("ts-last", SoapVersion.SOAP_11), TsLastEndpoint.class),
            Map.entry(new Scenario.Endpoint("no-next", SoapVersion.SOAP_11), NoNextEndpoint.class),
            Map.entry(new Scenario.Endpoint("no-next", SoapVersion.SOAP_12), NoNextSoap12Endpoint.class),
            Map.entry(new Scenario.Endpoint("actor", SoapVersion.SOAP_11), ActorEndpoint.class),
            Map.entry(new Scenario.Endpoint("actor", SoapVersion.SOAP_12), ActorSoap12Endpoint.class));

    @Override
    protected Integration integration() {
        return Integration.JAXWS_METRO;
    }

    @Override
    protected GateUnderTest start(Scenario scenario, Path dir) throws Exception {
        List<MetroWebApp.Endpoint> endpoints = new ArrayList<>();
        scenario.endpoints().forEach((path, endpoint) -> {
            Class<?> implementation = ENDPOINTS.get(endpoint);
            if (implementation == null) {
                throw new IllegalArgumentException("no Metro endpoint class for " + endpoint);
            }
            endpoints.add(new MetroWebApp.Endpoint(path, implementation));
        });
        System.setProperty(CONFIG_PROPERTY, scenario.config().toString());
        try {
            return new MetroEndpoints(MetroWebApp.start(dir, endpoints));
        } finally {
            System.clearProperty(CONFIG_PROPERTY);
        }
    }

    /** Metro's servlet with one annotated endpoint per path, each an {@link AttackedEndpoint}. */
    private record MetroEndpoints(MetroWebApp app) implements GateUnderTest {
        @Override
        public URI uri(String path) {
            return app.uri(path);
        }

        @Override
        public int invocations() {
            return AttackedEndpoint.INVOCATIONS.get();
        }

        @Override
        public List<String> principals() {
            return AttackedEndpoint.PRINCIPALS;
        }

        @Override
        public void assertNoCallerIn(HttpResponse<byte[]> refusal) {
            assertThat(new String(refusal.body(), StandardCharsets.UTF_8)).doesNotContain("principal=");
        }

        @Override
        public void close() throws Exception {
            app.close();
        }
    }
}
