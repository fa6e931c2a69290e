package io.offerdesk.platform.internal.limits;

import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.platform.internal.limits.RateLimitSettings.Limit;
import io.offerdesk.shared.NotFound;
import io.offerdesk.shared.Role;
import io.offerdesk.shared.Validations;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operator's per-party limits at {@code /api/v1/rate-limits/{partyId}}: a party's deployment-wide allowance in
 * place of {@code offerdesk.rate-limits.*}. It applies at once on the node that answers and within {@code
 * override-refresh} on the others.
 */
@RestController
@Tag(name = "Rate limits", description = "A party's own API allowance, set by the operator")
class RateLimitsApi {

    /** What the operator sets; both deployment-wide values. */
    record LimitRequest(
            @Nullable Long requestsPerMinute, @Nullable Long burst) {}

    /** A party's allowance and whether the operator set it. */
    record PartyLimit(UUID partyId, long requestsPerMinute, long burst, boolean overridden) {}

    private final RateLimitOverrides overrides;
    private final BucketRateLimiter limiter;
    private final RateLimitSettings settings;
    private final Clock clock;

    RateLimitsApi(RateLimitOverrides overrides, BucketRateLimiter limiter, RateLimitSettings settings, Clock clock) {
        this.overrides = overrides;
        this.limiter = limiter;
        this.settings = settings;
        this.clock = clock;
    }

    @GetMapping("/api/v1/rate-limits/{partyId}")
    @Operation(summary = "The allowance that applies to the party, and whether the operator set it (operator)")
    PartyLimit get(OfferdeskPrincipal me, @PathVariable UUID partyId) {
        requireOperator(me);
        return overrides
                .find(partyId)
                .map(limit -> view(partyId, limit, true))
                .orElseGet(() -> view(partyId, settings.defaults(), false));
    }

    @PutMapping("/api/v1/rate-limits/{partyId}")
    @Operation(summary = "Give the party its own deployment-wide allowance (operator)")
    PartyLimit put(OfferdeskPrincipal me, @PathVariable UUID partyId, @RequestBody LimitRequest request) {
        requireOperator(me);
        var rate = request.requestsPerMinute();
        var burst = request.burst();
        new Validations()
                .required("requestsPerMinute", rate)
                .required("burst", burst)
                .check(rate == null || rate >= 1, "requestsPerMinute", "validation.range", 1, Long.MAX_VALUE)
                .check(burst == null || burst >= 1, "burst", "validation.range", 1, Long.MAX_VALUE)
                .throwIfInvalid();
        var limit = new Limit(Validations.present("requestsPerMinute", rate), Validations.present("burst", burst));
        overrides.put(partyId, limit, clock.instant());
        limiter.forget(partyId);
        return view(partyId, limit, true);
    }

    @DeleteMapping("/api/v1/rate-limits/{partyId}")
    @Operation(summary = "Return the party to the deployment's default allowance (operator)")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(OfferdeskPrincipal me, @PathVariable UUID partyId) {
        requireOperator(me);
        if (!overrides.remove(partyId)) {
            throw new NotFound("rateLimit", partyId.toString());
        }
        limiter.forget(partyId);
    }

    private static PartyLimit view(UUID partyId, Limit limit, boolean overridden) {
        return new PartyLimit(partyId, limit.requestsPerMinute(), limit.burst(), overridden);
    }

    private static void requireOperator(OfferdeskPrincipal me) {
        if (!me.has(Role.OPERATOR_ADMIN)) {
            throw new AccessDeniedException("rate limits are set by the marketplace operator");
        }
    }
}
