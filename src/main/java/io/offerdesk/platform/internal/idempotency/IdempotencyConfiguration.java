package io.offerdesk.platform.internal.idempotency;

import io.offerdesk.platform.internal.web.ProblemWriter;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class IdempotencyConfiguration {

    /** Not a component: the API security chain places it after authentication, and nowhere else. */
    @Bean
    IdempotencyFilter idempotencyFilter(
            IdempotentRequests requests, ClaimLeases leases, EffectMarks effects, ProblemWriter problems, Clock clock) {
        return new IdempotencyFilter(requests, leases, effects, problems, clock);
    }

    @Bean
    org.springframework.boot.web.servlet.FilterRegistrationBean<IdempotencyFilter> idempotencyFilterOutsideSecurity(
            IdempotencyFilter filter) {
        // Spring Boot would otherwise also register the filter for every request, outside the security chain.
        var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }
}
