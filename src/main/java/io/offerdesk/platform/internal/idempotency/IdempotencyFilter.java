package io.offerdesk.platform.internal.idempotency;

import io.offerdesk.platform.CachedBodyRequest;
import io.offerdesk.platform.internal.security.CurrentPrincipal;
import io.offerdesk.platform.internal.web.ProblemWriter;
import io.offerdesk.shared.Sha256;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The {@code Idempotency-Key} protocol for {@code POST /api/**} (DESIGN §4): the first request with a key is
 * processed and its response remembered for 24 hours; the same key with the same request replays that response
 * (marked {@code Idempotent-Replayed: true}); the same key with a different request is a 422; a key whose request
 * is still running is a 409. Keys belong to the user who sent them. Server faults are not remembered, so a client
 * may retry them with the same key, unless the request's effect committed before the fault. A claim is leased and renewed while its request runs ({@link ClaimLeases}); a
 * claim whose node died lapses, and the next retry of the same request takes it over (ADR 0051), unless the request's
 * effect had committed ({@link EffectMarks}): that retry is a 409 {@code idempotencyKey.effectCommitted}, never a second
 * run.
 */
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);

    private final IdempotentRequests requests;
    private final ClaimLeases leases;
    private final EffectMarks effects;
    private final ProblemWriter problems;
    private final Clock clock;

    IdempotencyFilter(
            IdempotentRequests requests, ClaimLeases leases, EffectMarks effects, ProblemWriter problems, Clock clock) {
        this.requests = requests;
        this.leases = leases;
        this.effects = effects;
        this.problems = problems;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var principal = CurrentPrincipal.get();
        if (principal == null) {
            chain.doFilter(request, response);
            return;
        }
        var key = request.getHeader(HEADER);
        if (!KEY.matcher(key).matches()) {
            problems.write(request, response, HttpStatus.BAD_REQUEST, "problem.idempotencyKey.malformed");
            return;
        }
        var body = request.getInputStream().readAllBytes();
        var fingerprint = fingerprint(request.getMethod(), request.getRequestURI(), request.getQueryString(), body);
        var userId = principal.userId();
        var now = clock.instant();
        var claim = UUID.randomUUID();
        if (!requests.claim(userId, key, fingerprint, now, claim, leases.lease())
                && answeredFromClaim(request, response, userId, key, fingerprint, now, claim)) {
            return;
        }
        var captured = new ContentCachingResponseWrapper(response);
        leases.hold(claim);
        try {
            try (var marking = effects.marking(new EffectMarks.Claim(userId, key, claim))) {
                chain.doFilter(new CachedBodyRequest(request, body), captured);
            } catch (IOException | ServletException | RuntimeException failure) {
                requests.release(userId, key, claim);
                throw failure;
            }
            if (captured.getStatus() >= 500) {
                requests.release(userId, key, claim);
            } else if (!requests.complete(
                    userId,
                    key,
                    claim,
                    captured.getStatus(),
                    captured.getContentType(),
                    captured.getContentAsByteArray())) {
                log.warn("idempotency key {} was taken over while its request ran: its lease lapsed", key);
            }
        } finally {
            leases.drop(claim);
        }
        captured.copyBodyToResponse();
    }

    /**
     * Answers a request whose key is claimed already: the remembered answer, 422 for another request, or 409 while
     * the claim's request runs, or 409 if the claim's node died after committing the effect. False if the claim's
     * lease lapsed (its node died) before any effect committed and this request took it over, so it is to be
     * processed.
     */
    private boolean answeredFromClaim(
            HttpServletRequest request,
            HttpServletResponse response,
            UUID userId,
            String key,
            String fingerprint,
            Instant now,
            UUID claim)
            throws IOException {
        var remembered = requests.find(userId, key, now);
        if (remembered.isEmpty()) {
            problems.write(request, response, HttpStatus.CONFLICT, "problem.idempotencyKey.inProgress");
        } else if (!remembered.get().fingerprint().equals(fingerprint)) {
            problems.write(request, response, HttpStatus.UNPROCESSABLE_CONTENT, "problem.idempotencyKey.reused");
        } else if (remembered.get().status() != null) {
            replay(remembered.get(), response);
        } else if (remembered.get().lapsed() && remembered.get().effectCommitted()) {
            // The node committed the effect and died before remembering its answer: running the request again
            // would apply it twice, and the answer is lost, so the client reads the result instead.
            problems.write(request, response, HttpStatus.CONFLICT, "problem.idempotencyKey.effectCommitted");
        } else if (remembered.get().lapsed()
                && requests.takeOver(userId, key, fingerprint, now, claim, leases.lease())) {
            log.info("idempotency key {} taken over: the node that claimed it stopped renewing its lease", key);
            return false;
        } else {
            problems.write(request, response, HttpStatus.CONFLICT, "problem.idempotencyKey.inProgress");
        }
        return true;
    }

    private static void replay(IdempotentRequests.Remembered remembered, HttpServletResponse response)
            throws IOException {
        response.setStatus(remembered.status());
        if (remembered.contentType() != null) {
            response.setContentType(remembered.contentType());
        }
        response.setHeader("Idempotent-Replayed", "true");
        if (remembered.body() != null) {
            response.getOutputStream().write(remembered.body());
        }
    }

    /** The same request means the same method, path, query and body. */
    static String fingerprint(String method, String path, @Nullable String query, byte[] body) {
        var target = method + " " + path + "?" + query + "\n";
        return Sha256.hex(target.getBytes(StandardCharsets.UTF_8), body);
    }
}
