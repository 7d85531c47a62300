package io.wssgate.spring.properties;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The starter's own {@code wssgate.*} properties: whether it is on, the filter registration,
 * the Spring Security bridge and Spring-WS. The keys of the engine itself,
 * {@code wssgate.policies.*}, {@code wssgate.replay.*}, {@code wssgate.keys.*} and
 * {@code wssgate.diagnostics.*}, are not bound
 * here: they are handed to the core's {@code ConfigLoader} as they are, so names, defaults,
 * validation and error messages are exactly those of the YAML file. Their IDE metadata comes
 * from {@code WssGateCoreProperties} and the classes beside it, generated at build time from
 * the core's key schema ({@code io.wssgate.config.schema.ConfigSchema}).
 */
@ConfigurationProperties(prefix = "wssgate", ignoreInvalidFields = true)
public class WssGateProperties {

    /** Whether WSS Gate is auto-configured at all. */
    private boolean enabled = true;

    private final Filter filter = new Filter();

    private final Security security = new Security();

    private final SpringWs springWs = new SpringWs();

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Filter getFilter() {
        return filter;
    }

    public Security getSecurity() {
        return security;
    }

    public SpringWs getSpringWs() {
        return springWs;
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
