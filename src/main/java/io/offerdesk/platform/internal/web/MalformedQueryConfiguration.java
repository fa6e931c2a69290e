package io.offerdesk.platform.internal.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The malformed-query check runs first of all filters: any later one may read a parameter. */
@Configuration(proxyBeanMethods = false)
class MalformedQueryConfiguration {

    @Bean
    FilterRegistrationBean<MalformedQueryFilter> malformedQueryFilter(ProblemWriter problems) {
        var registration = new FilterRegistrationBean<>(new MalformedQueryFilter(problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
