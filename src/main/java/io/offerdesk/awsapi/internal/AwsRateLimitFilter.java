package io.offerdesk.awsapi.internal;

import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.platform.RateLimiter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Holds each party's signed {@code /aws} requests to the same allowance as its {@code /api} requests (ADR 0045): over
 * it, the request is answered with the service's ThrottlingException, as AWS throttles, and a {@code Retry-After}
 * the SDKs' retry strategies may use. It runs after the signature is verified, so a throttled request gives its
 * signature back like every other error does.
 */
class AwsRateLimitFilter extends OncePerRequestFilter {

    static final String THROTTLING = "ThrottlingException";

    private final RateLimiter limiter;
    private final ModeledFaults faults;
    private final AwsResponses responses;

    AwsRateLimitFilter(RateLimiter limiter, ModeledFaults faults, AwsResponses responses) {
        this.limiter = limiter;
        this.faults = faults;
        this.responses = responses;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        var refused = authentication != null && authentication.getPrincipal() instanceof OfferdeskPrincipal principal
                ? limiter.take(principal.partyId())
                : Optional.<Duration>empty();
        if (refused.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        var left = limiter.holdRefusal(refused.get());
        var path = request.getRequestURI();
        var error = AwsService.forPath(path)
                .map(service -> faults.error(service, THROTTLING))
                .orElseGet(() -> new AwsError(THROTTLING, 400, "Rate exceeded"));
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(RateLimiter.retryAfterSeconds(left)));
        responses.error(response, AwsService.protocolFor(path), error);
    }
}
