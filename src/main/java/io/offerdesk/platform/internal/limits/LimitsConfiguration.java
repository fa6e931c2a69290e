package io.offerdesk.platform.internal.limits;

import io.offerdesk.platform.RateLimiter;
import io.offerdesk.platform.internal.web.ProblemWriter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The API chain's limit filters; like the idempotency filter, they run in that chain and nowhere else. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BodySizeSettings.class)
class LimitsConfiguration {

    @Bean
    RateLimitFilter rateLimitFilter(RateLimiter limiter, ProblemWriter problems) {
        return new RateLimitFilter(limiter, problems);
    }

    @Bean
    BodySizeFilter bodySizeFilter(BodySizeSettings settings, ProblemWriter problems) {
        return new BodySizeFilter(settings, problems);
    }

    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitFilterOutsideSecurity(RateLimitFilter filter) {
        var registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }

    @Bean
    FilterRegistrationBean<BodySizeFilter> bodySizeFilterOutsideSecurity(BodySizeFilter filter) {
        var registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }
}
