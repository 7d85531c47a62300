package io.wssgate.spring.health;

import io.wssgate.CertificateInUse;
import io.wssgate.WssGate;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * DOWN when a certificate a policy relies on has expired (messages it signs or vouches for are
 * now refused, or ours are) or when a configured STS does not accept connections (no outbound
 * tokens, or no inbound validation verdicts). A certificate expiring within the warning window
 * keeps the status UP, since everything still works, but is listed under {@code expiring} with a
 * {@code warning} so that monitoring can alert in time.
 *
 * <p>The engine refuses to start with an expired certificate, so "expired" means it expired
 * while the application was running. The clock is a constructor argument for that reason.
 */
public final class WssGateHealthIndicator extends AbstractHealthIndicator {
    private final WssGate gate;
    private final Duration expiryWarning;
    private final StsProbe sts;
    private final Clock clock;

    public WssGateHealthIndicator(WssGate gate, WssGateHealthProperties properties) {
        this(gate, properties, Clock.systemUTC());
    }

    public WssGateHealthIndicator(WssGate gate, WssGateHealthProperties properties, Clock clock) {
        super("WSS Gate health check failed");
        this.gate = gate;
        this.expiryWarning = properties.expiryWarning();
        this.sts = new StsProbe(properties.stsTimeout());
        this.clock = clock;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Instant now = clock.instant();
        List<Map<String, Object>> expired = new ArrayList<>();
        List<Map<String, Object>> expiring = new ArrayList<>();
        for (CertificateInUse c : gate.certificates()) {
            Instant notAfter = c.certificate().getNotAfter().toInstant();
            if (!notAfter.isAfter(now)) {
                expired.add(describe(c, notAfter));
            } else if (notAfter.isBefore(now.plus(expiryWarning))) {
                expiring.add(describe(c, notAfter));
            }
        }
        List<Map<String, Object>> unreachable = unreachableSts();

        builder.status(expired.isEmpty() && unreachable.isEmpty() ? Status.UP : Status.DOWN);
        builder.withDetail("certificates", gate.certificates().size());
        if (!expired.isEmpty()) {
            builder.withDetail("expired", expired);
        }
        if (!expiring.isEmpty()) {
            builder.withDetail("expiring", expiring);
            builder.withDetail("warning", expiring.size() + " certificate(s) expire within " + expiryWarning);
        }
        if (!unreachable.isEmpty()) {
            builder.withDetail("unreachableSts", unreachable);
        }
    }

    /** Each distinct endpoint is probed once, however many policies use it. */
    private List<Map<String, Object>> unreachableSts() {
        Map<URI, Optional<String>> probed = new HashMap<>();
        List<Map<String, Object>> out = new ArrayList<>();
        for (StsEndpoint endpoint : StsEndpoint.of(gate)) {
            probed.computeIfAbsent(endpoint.endpoint(), sts::problem).ifPresent(problem -> {
                Map<String, Object> detail = new LinkedHashMap<>();
                detail.put("policy", endpoint.policy());
                detail.put("use", endpoint.use());
                detail.put("endpoint", endpoint.endpoint().toString());
                detail.put("error", problem);
                out.add(detail);
            });
        }
        return out;
    }

    private static Map<String, Object> describe(CertificateInUse c, Instant notAfter) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("policy", c.policy());
        detail.put("use", c.use());
        detail.put("subject", c.certificate().getSubjectX500Principal().getName());
        detail.put("notAfter", notAfter.toString());
        return detail;
    }
}
