package io.offerdesk.awsapi.internal;

import io.offerdesk.awsapi.internal.sigv4.AuthFailure;
import io.offerdesk.awsapi.internal.sigv4.SigV4AuthenticationFilter;
import io.offerdesk.awsapi.internal.sigv4.SigV4Verifier;
import io.offerdesk.parties.KeyManagement;
import io.offerdesk.platform.RateLimiter;
import io.offerdesk.platform.ReplayGuard;
import java.util.Set;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * The third way in, beside {@code /api} (order 1) and the web UI (order 3): programs using the AWS SDKs and CLI sign
 * every request under {@code /aws} with SigV4. No session, no CSRF (the signature covers the request), and every
 * refusal in the AWS error shape the SDKs parse.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AwsApiSettings.class)
class AwsSecurityConfiguration {

    /**
     * The operations whose model lists {@code InvalidRegionException}: a request signed for another region than the
     * configured one gets that error rather than {@code InvalidSignatureException}.
     */
    static final Set<String> REGION_MODELED_TARGETS = Set.of("AWSMPMeteringService.RegisterUsage");

    @Bean
    @Order(2)
    SecurityFilterChain aws(
            HttpSecurity http,
            KeyManagement keys,
            ReplayGuard replays,
            AwsResponses responses,
            AwsApiSettings settings,
            RateLimiter limiter,
            ModeledFaults faults)
            throws Exception {
        var verifier = new SigV4Verifier(
                keys::signingSecret,
                settings.onlyRegion(),
                // the target is among the headers the SDKs sign, so a request cannot borrow another operation's rule
                request -> request.header("X-Amz-Target").stream().anyMatch(REGION_MODELED_TARGETS::contains));
        var signatures = new SigV4AuthenticationFilter(verifier, replays, responses, settings.maxRequestBytes());
        return http.securityMatcher(AwsService.PATH_PREFIX + "**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .anonymous(anonymous -> anonymous.disable())
                .logout(logout -> logout.disable())
                .addFilterBefore(signatures, AnonymousAuthenticationFilter.class)
                .addFilterAfter(new AwsRateLimitFilter(limiter, faults, responses), SigV4AuthenticationFilter.class)
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                // the filter answers every unauthenticated request itself; this is the shape should anything slip by
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, ex) -> responses.error(
                        response,
                        AwsService.protocolFor(request.getRequestURI()),
                        new AwsError(
                                AuthFailure.MISSING_AUTHENTICATION_TOKEN.code(),
                                AuthFailure.MISSING_AUTHENTICATION_TOKEN.status(),
                                "Missing Authentication Token"))))
                .build();
    }
}
