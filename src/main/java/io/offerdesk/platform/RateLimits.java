package io.offerdesk.platform;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The operator's per-party API allowances (ADR 0045): a party's own deployment-wide limit in place of {@code
 * offerdesk.rate-limits.*}, for the REST API and the party's page alike. Only the operator's administrators read or
 * set them.
 */
public interface RateLimits {

    /** A party's allowance and whether the operator set it. */
    record PartyLimit(UUID partyId, long requestsPerMinute, long burst, boolean overridden) {}

    /** The allowance that applies to the party. */
    PartyLimit limitOf(OfferdeskPrincipal me, UUID partyId);

    /**
     * Gives the party its own allowance. It applies at once on this node and within {@code override-refresh} on the
     * others.
     *
     * @throws io.offerdesk.shared.InvalidInput naming {@code requestsPerMinute} or {@code burst} when one is missing
     *     or below 1
     */
    PartyLimit set(OfferdeskPrincipal me, UUID partyId, @Nullable Long requestsPerMinute, @Nullable Long burst);

    /**
     * Returns the party to the deployment's default allowance.
     *
     * @throws io.offerdesk.shared.NotFound when the operator had set none
     */
    void reset(OfferdeskPrincipal me, UUID partyId);
}
