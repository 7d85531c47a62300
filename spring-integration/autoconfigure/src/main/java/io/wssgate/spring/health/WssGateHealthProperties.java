package io.wssgate.spring.health;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code wssgate.health.*}: how early the health indicator warns about a certificate, and how
 * long it waits for an STS to accept a connection.
 *
 * @param expiryWarning a certificate expiring within this window is reported (status stays UP)
 * @param stsTimeout    connect timeout for each STS probe; keep it short, the health endpoint waits for it
 */
@ConfigurationProperties("wssgate.health")
public record WssGateHealthProperties(@DefaultValue("30d") Duration expiryWarning,
                                      @DefaultValue("2s") Duration stsTimeout) {
}
