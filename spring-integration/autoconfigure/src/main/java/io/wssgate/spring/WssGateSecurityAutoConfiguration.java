package io.wssgate.spring;

import io.wssgate.filter.WssGateFilter;
import io.wssgate.spring.properties.FilterOrder;
import io.wssgate.spring.security.WssGateSecurityFilter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;

/**
 * With Spring Security on the class path, the WS-Security caller becomes the Security
 * {@code Authentication} ({@link io.wssgate.spring.security.WssGateAuthentication}), so
 * {@code @PreAuthorize}, {@code hasRole}/{@code hasAuthority} and {@code authorizeHttpRequests}
 * rules apply to SOAP callers unchanged.
 */
@AutoConfiguration(after = WssGateServletAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({SecurityContextHolder.class, RequestAttributeSecurityContextRepository.class})
@ConditionalOnBean(name = "wssGateFilterRegistration")
@ConditionalOnProperty(prefix = "wssgate.security", name = "enabled", matchIfMissing = true)
public class WssGateSecurityAutoConfiguration {

    /** Same URL patterns as the WSS Gate filter, ordered right after it. */
    @Bean
    @ConditionalOnMissingBean(name = "wssGateSecurityFilterRegistration")
    public FilterRegistrationBean<WssGateSecurityFilter> wssGateSecurityFilterRegistration(
            FilterRegistrationBean<WssGateFilter> wssGateFilterRegistration) {
        FilterRegistrationBean<WssGateSecurityFilter> registration =
                new FilterRegistrationBean<>(new WssGateSecurityFilter());
        registration.setName("wssGateSecurityFilter");
        registration.setUrlPatterns(wssGateFilterRegistration.getUrlPatterns());
        registration.setOrder(wssGateFilterRegistration.getOrder() + FilterOrder.BRIDGE_OFFSET);
        return registration;
    }
}
