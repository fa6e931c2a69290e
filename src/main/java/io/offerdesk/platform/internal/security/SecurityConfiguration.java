package io.offerdesk.platform.internal.security;

import io.offerdesk.platform.PrincipalSource;
import io.offerdesk.platform.internal.idempotency.IdempotencyFilter;
import io.offerdesk.platform.internal.limits.BodySizeFilter;
import io.offerdesk.platform.internal.limits.RateLimitFilter;
import io.offerdesk.platform.internal.web.ProblemWriter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Two ways in: programs call {@code /api/v1} with a bearer API key and no session; people use the web UI with form
 * login, a session and CSRF protection. Health, API docs and static assets are open.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain api(
            HttpSecurity http,
            PrincipalSource principals,
            ProblemWriter problems,
            IdempotencyFilter idempotency,
            BodySizeFilter bodySize,
            RateLimitFilter rateLimit)
            throws Exception {
        var apiKeys = new ApiKeyAuthenticationFilter(principals, problems);
        return http.securityMatcher("/api/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Programs neither log out nor get redirected after a login, and a missing key is a 401 at once:
                // the filters for those cost every API call and do nothing here.
                .requestCache(cache -> cache.disable())
                .anonymous(anonymous -> anonymous.disable())
                .logout(logout -> logout.disable())
                // an oversized body is refused before anything reads it; a party over its allowance before its
                // request claims an idempotency key, so that its retry after Retry-After runs, and a key it used
                // before even before the key is authenticated, so that a flood's refusals cost no database read
                .addFilterBefore(bodySize, AnonymousAuthenticationFilter.class)
                .addFilterAfter(rateLimit.beforeAuthentication(), BodySizeFilter.class)
                .addFilterAfter(apiKeys, RateLimitFilter.BeforeAuthentication.class)
                .addFilterAfter(rateLimit, ApiKeyAuthenticationFilter.class)
                .addFilterAfter(idempotency, RateLimitFilter.class)
                // An invitee has no key yet; a CRM proves itself by the payload's signature, checked by gtm.
                .authorizeHttpRequests(
                        a -> a.requestMatchers(HttpMethod.POST, "/api/v1/invitations/*/accept", "/api/v1/crm/inbound/*")
                                .permitAll()
                                .anyRequest()
                                .authenticated())
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, ex) ->
                                problems.write(request, response, HttpStatus.UNAUTHORIZED, "problem.unauthenticated"))
                        .accessDeniedHandler((request, response, ex) ->
                                problems.write(request, response, HttpStatus.FORBIDDEN, "problem.forbidden")))
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain web(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(a -> a.requestMatchers(
                                "/login",
                                "/invitations/**",
                                "/error",
                                "/webjars/**",
                                "/css/**",
                                "/js/**",
                                "/favicon.ico",
                                "/actuator/health/**",
                                "/actuator/info",
                                "/actuator/prometheus",
                                "/v3/api-docs/**",
                                "/swagger-ui/**",
                                "/swagger-ui.html")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .formLogin(
                        f -> f.loginPage("/login").defaultSuccessUrl("/", true).permitAll())
                .logout(l -> l.logoutSuccessUrl("/login?logout"))
                .build();
    }

    @Bean
    UserDetailsService userDetailsService(PrincipalSource principals) {
        return email -> principals
                .findLogin(email.trim().toLowerCase(java.util.Locale.ROOT))
                .map(SignedInUser::new)
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
