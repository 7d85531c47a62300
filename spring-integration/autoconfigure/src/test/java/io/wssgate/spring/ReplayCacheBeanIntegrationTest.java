package io.wssgate.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.wssgate.spi.ReplayCache;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Over HTTP: with the application's own {@link ReplayCache} bean, the filter records accepted
 * messages there, and a copy of an accepted message is refused before the application runs.
 */
@SpringBootTest(classes = {SecuredSoapApp.class, ReplayCacheBeanIntegrationTest.OwnStore.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReplayCacheBeanIntegrationTest {
    @LocalServerPort
    int port;

    @Autowired
    SecuredSoapApp.Endpoints endpoints;

    @Autowired
    ReplayPropertiesTest.RecordingReplayCache store;

    @DynamicPropertySource
    static void wssgate(DynamicPropertyRegistry registry) {
        Fixtures.partnerPolicy().forEach((k, v) -> registry.add(k, () -> v));
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class OwnStore {
        @Bean
        ReplayPropertiesTest.RecordingReplayCache replayCache() {
            return new ReplayPropertiesTest.RecordingReplayCache();
        }
    }

    @Test
    void aCopyOfAnAcceptedMessageIsRefusedThroughTheApplicationsStore() {
        byte[] message = Fixtures.samlRequest("clerk");
        int before = endpoints.invocations();
        int recordedBefore = store.size();

        HttpResponse<String> first = Fixtures.post(port, "/services/clerk", message);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(store.size()).as("the accepted message was recorded in the bean").isGreaterThan(recordedBefore);
        assertThat(store.identifiers()).allMatch(id -> id.startsWith("partner"), "prefixed with the policy name");

        HttpResponse<String> replay = Fixtures.post(port, "/services/clerk", message);

        assertThat(replay.statusCode()).isEqualTo(500);
        assertThat(replay.body()).contains("wsse:InvalidSecurity").doesNotContain("alice");
        assertThat(endpoints.invocations()).isEqualTo(before + 1);
    }
}
