package io.offerdesk.platform.internal.retry;

import io.micrometer.core.instrument.MeterRegistry;
import java.lang.reflect.Method;
import java.time.Duration;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;
import org.springframework.aop.Advisor;
import org.springframework.aop.ProxyMethodInvocation;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.StaticMethodMatcherPointcut;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.transaction.annotation.AnnotationTransactionAttributeSource;

@Configuration(proxyBeanMethods = false)
class TransactionRetryConfiguration {

    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static TransactionRetries transactionRetries(
            @Value("${offerdesk.transactions.max-retries:3}") int maxRetries,
            @Value("${offerdesk.transactions.retry-delay:PT0.05S}") Duration delay,
            ObjectProvider<MeterRegistry> meters) {
        return new TransactionRetries(maxRetries, delay, meters);
    }

    /**
     * Wraps every {@code @Transactional} method in {@link TransactionRetries}, outside Spring's transaction advice
     * (which has the lowest precedence), so a retry begins a fresh transaction on a fresh connection. Infrastructure
     * role, because the auto-proxy creator Spring Boot registers without AspectJ only applies such advisors.
     */
    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor transactionRetryAdvisor(TransactionRetries retries) {
        var transactional = new AnnotationTransactionAttributeSource(false);
        var pointcut = new StaticMethodMatcherPointcut() {
            @Override
            public boolean matches(Method method, Class<?> targetClass) {
                return transactional.getTransactionAttribute(method, targetClass) != null;
            }
        };
        MethodInterceptor retrying = invocation -> retries.run(() -> attempt(invocation));
        var advisor = new DefaultPointcutAdvisor(pointcut, retrying);
        advisor.setOrder(Ordered.LOWEST_PRECEDENCE - 1);
        return advisor;
    }

    /**
     * Each attempt proceeds on a fresh copy of the invocation: the original has already passed the transaction advice
     * once, and proceeding on it again would call the method without a transaction.
     */
    private static @Nullable Object attempt(MethodInvocation invocation) throws Throwable {
        return invocation instanceof ProxyMethodInvocation proxied
                ? proxied.invocableClone().proceed()
                : invocation.proceed();
    }
}
