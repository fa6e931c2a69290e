package io.offerdesk.platform.internal.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.offerdesk.platform.RateLimiter;
import io.offerdesk.platform.internal.security.CurrentPrincipal;
import io.offerdesk.platform.internal.web.ProblemWriter;
import io.offerdesk.shared.Sha256;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Holds each party of {@code /api} to its allowance (ADR 0045): a request over it is a 429 with {@code Retry-After}
 * and a problem naming the limit, before the request is processed or its idempotency key claimed. Requests without
 * a principal (an invitation's acceptance, a CRM's signed webhook) are not a tenant's and are not counted.
 *
 * <p>A flooding tenant's requests are almost all refused, so the refusal must be cheap: authenticating an API key
 * reads the database. This filter remembers which party each {@code Authorization} header it counted belongs to (a
 * digest of it, for a minute), and {@link #beforeAuthentication()} refuses a remembered header whose party has no
 * allowance left before it is authenticated. Only a header that authenticated before is remembered, so a forged key
 * is authenticated (and refused with 401) as always: it can neither spend nor probe a party's allowance.
 */
public class RateLimitFilter extends OncePerRequestFilter {

    static final String LIMIT = "offerdesk.rate-limits";
    /**
     * How long a header's party is remembered. A key revoked meanwhile is refused with 429 rather than 401 while its
     * party is over its allowance; once the party is under it, the key is authenticated and refused as revoked.
     */
    private static final Duration REMEMBERED = Duration.ofMinutes(1);
    /** The request attribute with the digest of its {@code Authorization} header, taken once per request. */
    private static final String DIGEST = RateLimitFilter.class.getName() + ".authorizationDigest";

    private final RateLimiter limiter;
    private final ProblemWriter problems;
    private final Cache<String, UUID> partiesOfHeaders = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterWrite(REMEMBERED)
            .build();

    RateLimitFilter(RateLimiter limiter, ProblemWriter problems) {
        this.limiter = limiter;
        this.problems = problems;
    }

    /** The filter that goes before authentication: it refuses remembered headers of parties over their allowance. */
    public BeforeAuthentication beforeAuthentication() {
        return new BeforeAuthentication();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var principal = CurrentPrincipal.get();
        var refused = Optional.<Duration>empty();
        if (principal != null) {
            if (request.getAttribute(DIGEST) instanceof String digest) {
                partiesOfHeaders.put(digest, principal.partyId());
            }
            refused = limiter.take(principal.partyId());
        }
        if (refused.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        refuse(request, response, refused.get());
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, Duration wait) throws IOException {
        var seconds = RateLimiter.retryAfterSeconds(limiter.holdRefusal(wait));
        var problem = problems.problem(request, HttpStatus.TOO_MANY_REQUESTS, "problem.rateLimited", seconds);
        problem.setProperty("limit", LIMIT);
        problem.setProperty("retryAfterSeconds", seconds);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        problems.write(request, response, problem);
    }

    /** Refuses, before it is authenticated, a header remembered as a party's whose allowance is used up. */
    public final class BeforeAuthentication extends OncePerRequestFilter {

        private BeforeAuthentication() {}

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            var header = request.getHeader(HttpHeaders.AUTHORIZATION);
            UUID party = null;
            if (header != null) {
                var digest = Sha256.hex(header);
                // for the counting filter, after authentication, to remember the party by
                request.setAttribute(DIGEST, digest);
                party = partiesOfHeaders.getIfPresent(digest);
            }
            var refused = party == null ? Optional.<Duration>empty() : limiter.exhausted(party);
            if (refused.isEmpty()) {
                chain.doFilter(request, response);
                return;
            }
            refuse(request, response, refused.get());
        }
    }
}
