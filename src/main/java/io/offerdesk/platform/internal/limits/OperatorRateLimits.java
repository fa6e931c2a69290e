package io.offerdesk.platform.internal.limits;

import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.platform.RateLimits;
import io.offerdesk.platform.internal.limits.RateLimitSettings.Limit;
import io.offerdesk.shared.NotFound;
import io.offerdesk.shared.Role;
import io.offerdesk.shared.Validations;
import java.time.Clock;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/** The operator's per-party allowances, kept in the database and dropped from this node's buckets when changed. */
@Service
class OperatorRateLimits implements RateLimits {

    private final RateLimitOverrides overrides;
    private final BucketRateLimiter limiter;
    private final RateLimitSettings settings;
    private final Clock clock;

    OperatorRateLimits(
            RateLimitOverrides overrides, BucketRateLimiter limiter, RateLimitSettings settings, Clock clock) {
        this.overrides = overrides;
        this.limiter = limiter;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public PartyLimit limitOf(OfferdeskPrincipal me, UUID partyId) {
        requireOperator(me);
        return overrides
                .find(partyId)
                .map(limit -> view(partyId, limit, true))
                .orElseGet(() -> view(partyId, settings.defaults(), false));
    }

    @Override
    public PartyLimit set(OfferdeskPrincipal me, UUID partyId, @Nullable Long requestsPerMinute, @Nullable Long burst) {
        requireOperator(me);
        new Validations()
                .required("requestsPerMinute", requestsPerMinute)
                .required("burst", burst)
                .check(
                        requestsPerMinute == null || requestsPerMinute >= 1,
                        "requestsPerMinute",
                        "validation.range",
                        1,
                        Long.MAX_VALUE)
                .check(burst == null || burst >= 1, "burst", "validation.range", 1, Long.MAX_VALUE)
                .throwIfInvalid();
        var limit = new Limit(
                Validations.present("requestsPerMinute", requestsPerMinute), Validations.present("burst", burst));
        overrides.put(partyId, limit, clock.instant());
        limiter.forget(partyId);
        return view(partyId, limit, true);
    }

    @Override
    public void reset(OfferdeskPrincipal me, UUID partyId) {
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
