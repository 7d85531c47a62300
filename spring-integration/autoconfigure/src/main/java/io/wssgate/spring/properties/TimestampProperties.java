package io.wssgate.spring.properties;

import java.time.Duration;

/** Rules for the wsu:Timestamp of inbound messages. */
public class TimestampProperties {

    /** Whether a Timestamp is required. Default true. */
    private Boolean required;

    public Boolean getRequired() {
        return required;
    }

    public void setRequired(Boolean required) {
        this.required = required;
    }

    /** Created may be at most this old (500ms, 30s, 5m, 1h, 1d or ISO-8601). Default 5m. */
    private Duration maxAge;

    public Duration getMaxAge() {
        return maxAge;
    }

    public void setMaxAge(Duration maxAge) {
        this.maxAge = maxAge;
    }

    /** Created may be at most this far in the future. Default 60s. */
    private Duration futureSkew;

    public Duration getFutureSkew() {
        return futureSkew;
    }

    public void setFutureSkew(Duration futureSkew) {
        this.futureSkew = futureSkew;
    }

    /** Whether the Timestamp must carry Expires. Default true. */
    private Boolean expiresRequired;

    public Boolean getExpiresRequired() {
        return expiresRequired;
    }

    public void setExpiresRequired(Boolean expiresRequired) {
        this.expiresRequired = expiresRequired;
    }

    /** A signed Timestamp + signature is accepted once. Default true. */
    private Boolean replayDetection;

    public Boolean getReplayDetection() {
        return replayDetection;
    }

    public void setReplayDetection(Boolean replayDetection) {
        this.replayDetection = replayDetection;
    }
}
