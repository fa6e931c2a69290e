package io.offerdesk.parties.internal.rest;

import io.offerdesk.parties.PartyManagement;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.platform.RateLimits;
import io.offerdesk.platform.RateLimits.PartyLimit;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
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
 * override-refresh} on the others. The limits are the platform's ({@link RateLimits}); the party is this module's, so
 * an id that names no party is a 404 here rather than an allowance kept for nobody.
 */
@RestController
@Tag(name = "Rate limits", description = "A party's own API allowance, set by the operator")
class RateLimitsApi {

    /** What the operator sets; both deployment-wide values. */
    record LimitRequest(
            @Nullable Long requestsPerMinute, @Nullable Long burst) {}

    private final RateLimits limits;
    private final PartyManagement parties;

    RateLimitsApi(RateLimits limits, PartyManagement parties) {
        this.limits = limits;
        this.parties = parties;
    }

    @GetMapping("/api/v1/rate-limits/{partyId}")
    @Operation(summary = "The allowance that applies to the party, and whether the operator set it (operator)")
    PartyLimit get(OfferdeskPrincipal me, @PathVariable UUID partyId) {
        parties.party(me, partyId);
        return limits.limitOf(me, partyId);
    }

    @PutMapping("/api/v1/rate-limits/{partyId}")
    @Operation(summary = "Give the party its own deployment-wide allowance (operator)")
    PartyLimit put(OfferdeskPrincipal me, @PathVariable UUID partyId, @RequestBody LimitRequest request) {
        parties.party(me, partyId);
        return limits.set(me, partyId, request.requestsPerMinute(), request.burst());
    }

    @DeleteMapping("/api/v1/rate-limits/{partyId}")
    @Operation(summary = "Return the party to the deployment's default allowance (operator)")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(OfferdeskPrincipal me, @PathVariable UUID partyId) {
        parties.party(me, partyId);
        limits.reset(me, partyId);
    }
}
