package io.offerdesk.platform.internal.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Checks that refuse a request before any other filter or a controller acts on it. */
@Configuration(proxyBeanMethods = false)
class RequestChecksConfiguration {

    /** First of all filters: any later one may read a parameter. */
    @Bean
    FilterRegistrationBean<MalformedQueryFilter> malformedQueryFilter(ProblemWriter problems) {
        var registration = new FilterRegistrationBean<>(new MalformedQueryFilter(problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Before the idempotency filter claims a key and before the handler writes anything. */
    @Bean
    FilterRegistrationBean<UnacceptableWriteFilter> unacceptableWriteFilter(ProblemWriter problems) {
        var registration = new FilterRegistrationBean<>(new UnacceptableWriteFilter(problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }
}
