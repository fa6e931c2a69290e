package io.offerdesk.platform.internal.limits;

import io.offerdesk.platform.RateLimiter;
import io.offerdesk.platform.internal.security.CurrentPrincipal;
import io.offerdesk.platform.internal.web.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Holds each party of {@code /api} to its allowance (ADR 0045): a request over it is a 429 with {@code Retry-After}
 * and a problem naming the limit, before the request is processed or its idempotency key claimed. Requests without
 * a principal (an invitation's acceptance, a CRM's signed webhook) are not a tenant's and are not counted.
 */
public class RateLimitFilter extends OncePerRequestFilter {

    static final String LIMIT = "offerdesk.rate-limits";

    private final RateLimiter limiter;
    private final ProblemWriter problems;

    RateLimitFilter(RateLimiter limiter, ProblemWriter problems) {
        this.limiter = limiter;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var principal = CurrentPrincipal.get();
        var refused = principal == null ? Optional.<Duration>empty() : limiter.take(principal.partyId());
        if (refused.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        var seconds = RateLimiter.retryAfterSeconds(refused.get());
        var problem = problems.problem(request, HttpStatus.TOO_MANY_REQUESTS, "problem.rateLimited", seconds);
        problem.setProperty("limit", LIMIT);
        problem.setProperty("retryAfterSeconds", seconds);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        problems.write(request, response, problem);
    }
}
