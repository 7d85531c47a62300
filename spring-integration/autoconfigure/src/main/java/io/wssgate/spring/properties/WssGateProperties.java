package io.wssgate.spring.properties;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * The {@code wssgate.*} properties, typed so the configuration processor generates IDE metadata
 * for them. The engine itself is NOT built from this object: every {@code wssgate.policies.*},
 * {@code wssgate.replay.*} and {@code wssgate.keys.*} key is handed to the core's {@code ConfigLoader} as is, so names, defaults, validation and
 * error messages are exactly those of the YAML file. Invalid values are therefore ignored
 * here ({@code ignoreInvalidFields}) and reported by the core with their property name.
 */
@ConfigurationProperties(prefix = "wssgate", ignoreInvalidFields = true)
public class WssGateProperties {

    /** Whether WSS Gate is auto-configured at all. */
    private boolean enabled = true;

    /**
     * Policies by name, matched in declaration order against request paths; the keys below a
     * policy are those of the YAML configuration file ({@code paths}, {@code saml.issuers[0].name},
     * {@code timestamp.max-age}, ...). Relative file paths resolve against the working directory.
     */
    private Map<String, PolicyProperties> policies = new LinkedHashMap<>();

    private final Filter filter = new Filter();

    private final Security security = new Security();

    private final Keys keys = new Keys();

    private final SpringWs springWs = new SpringWs();

    /** The replay store shared by every policy; keys as the root replay keys of the YAML file. */
    @NestedConfigurationProperty
    private final ReplayProperties replay = new ReplayProperties();

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Map<String, PolicyProperties> getPolicies() {
        return policies;
    }

    public void setPolicies(Map<String, PolicyProperties> policies) {
        this.policies = policies;
    }

    public Filter getFilter() {
        return filter;
    }

    public Security getSecurity() {
        return security;
    }

    public Keys getKeys() {
        return keys;
    }

    public ReplayProperties getReplay() {
        return replay;
    }

    public SpringWs getSpringWs() {
        return springWs;
    }

    /** Key and trust files. */
    public static class Keys {
        /**
         * How often the key and trust files are checked for replacement; a replacement that
         * loads and passes every check is used without a restart. 0 or off: read once at start-up.
         */
        private String reloadInterval = "30s";

        public String getReloadInterval() {
            return reloadInterval;
        }

        public void setReloadInterval(String reloadInterval) {
            this.reloadInterval = reloadInterval;
        }
    }

    /** The Servlet filter registration. */
    public static class Filter {
        /** Whether the filter is registered for the policies' paths. */
        private boolean enabled = true;

        /**
         * Order of the filter; the default runs it just before Spring Security's filter chain
         * (-100), so Security sees the WS-Security identity. The WSS Gate Security bridge runs
         * at this order + 1.
         */
        private int order = -110; // FilterOrder.DEFAULT, written out so the metadata shows it

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public int getOrder() {
            return order;
        }

        public void setOrder(int order) {
            this.order = order;
        }
    }

    /** The Spring Security bridge. */
    public static class Security {
        /**
         * Whether a validated request's principal becomes the Spring Security Authentication
         * (when Spring Security is on the class path).
         */
        private boolean enabled = true;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }

    /** A Spring-WS server behind the filter. */
    public static class SpringWs {
        /**
         * Whether Spring-WS treats the wsse:Security header as understood on requests the
         * filter validated (elsewhere it never does), so mustUnderstand="1" gets no
         * MustUnderstand fault. Turn off to claim the header with an interceptor of your own.
         */
        private boolean understandSecurityHeader = true;

        public boolean isUnderstandSecurityHeader() {
            return understandSecurityHeader;
        }

        public void setUnderstandSecurityHeader(boolean understandSecurityHeader) {
            this.understandSecurityHeader = understandSecurityHeader;
        }
    }
}
